package org.flyte.admin.service.event;

import com.google.protobuf.Struct;
import flyteidl.admin.Event.TaskExecutionEventRequest;
import flyteidl.admin.Event.TaskExecutionEventResponse;
import flyteidl.admin.TaskExecutionOuterClass.Reason;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionClosure;
import flyteidl.core.Execution.TaskExecution;
import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.IdentifierOuterClass.TaskExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.event.Event.TaskExecutionEvent;
import flyteidl.event.Event.TaskExecutionMetadata;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.flyte.admin.repository.taskexecution.TaskEventRepository;
import org.flyte.admin.repository.taskexecution.TaskEventRepository.Target;
import org.flyte.admin.repository.taskexecution.TaskExecutionRow;
import org.flyte.admin.service.validation.Validation;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.compiler.graph.ProtoText;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * CreateTaskEvent. Follows {@code CreateTaskExecutionEvent} of {@code
 * flyteadmin/pkg/manager/impl/task_execution_manager.go} and {@code CreateTaskExecutionModel} /
 * {@code UpdateTaskExecutionModel} of {@code repositories/transformers/task_execution.go} (Flyte
 * v1.16.8):
 *
 * <ul>
 *   <li>validated: the event, its time, its inline outputs' size and the attempt's identifier;
 *   <li>the execution must exist and the cluster match; the first event of an attempt needs its
 *       node execution;
 *   <li>the same phase is ALREADY_EXISTS unless its phase version is newer (log links and state
 *       within RUNNING arrive that way); a stored terminal phase (SUCCEEDED, FAILED, ABORTED)
 *       refuses the rest with {@code already_in_terminal_state} naming the incoming phase;
 *   <li>logs, reasons, custom info and metadata merge ({@link TaskClosureMerge}).
 * </ul>
 */
@Service
public class TaskEventService {

  static final Set<TaskExecution.Phase> TERMINAL =
      EnumSet.of(
          TaskExecution.Phase.SUCCEEDED, TaskExecution.Phase.FAILED, TaskExecution.Phase.ABORTED);

  /** How many times an event is computed again after losing a race for its row. */
  static final int ATTEMPTS = 64;

  private final TaskEventRepository tasks;
  private final EventStorage storage;

  public TaskEventService(TaskEventRepository tasks, EventStorage storage) {
    this.tasks = tasks;
    this.storage = storage;
  }

  public TaskExecutionEventResponse create(TaskExecutionEventRequest request) {
    if (!request.hasEvent()) {
      throw Validation.missing("event");
    }
    TaskExecutionEvent event = request.getEvent();
    if (!event.hasOccurredAt()) {
      throw Validation.missing("occurred_at");
    }
    Instant occurredAt = EventTimes.occurredAt(true, event.getOccurredAt());
    storage.checkOutputSize(event.hasOutputData(), event.getOutputData());
    TaskExecutionIdentifier id =
        TaskExecutionIdentifier.newBuilder()
            .setTaskId(event.getTaskId())
            .setNodeExecutionId(event.getParentNodeExecutionId())
            .setRetryAttempt(event.getRetryAttempt())
            .build();
    validateId(id, event.hasParentNodeExecutionId(), event.hasTaskId());
    for (int attempt = 1; ; attempt++) {
      if (apply(id, event, occurredAt, read(id, event))) {
        return TaskExecutionEventResponse.getDefaultInstance();
      }
      if (attempt == ATTEMPTS) {
        throw new FlyteException(
            ErrorCode.UNAVAILABLE,
            String.format(
                "task execution %s kept changing while the event was applied: retry",
                ProtoText.render(id)));
      }
    }
  }

  /** The execution (which must exist, on the event's cluster) and the attempt. */
  private Target read(TaskExecutionIdentifier id, TaskExecutionEvent event) {
    WorkflowExecutionIdentifier executionId = id.getNodeExecutionId().getExecutionId();
    Target target =
        tasks
            .read(id)
            .orElseThrow(
                () ->
                    FlyteException.notFound(
                        "missing entity of type execution with identifier %s",
                        ProtoText.render(executionId)));
    EventFailures.checkCluster(target.cluster(), event.getProducerId());
    return target;
  }

  /** {@code ValidateTaskExecutionIdentifier} (the task id's type is not defaulted here). */
  public static void validateId(TaskExecutionIdentifier id, boolean hasNode, boolean hasTask) {
    NodeExecutionIdentifier node = id.getNodeExecutionId();
    if (!hasNode) {
      throw Validation.missing("node_execution_id");
    }
    validateNodeId(node);
    if (!hasTask) {
      throw Validation.missing("task_id");
    }
    Validation.identifier(id.getTaskId(), true, ResourceType.TASK);
  }

  /** {@code ValidateNodeExecutionIdentifier}. */
  public static void validateNodeId(NodeExecutionIdentifier node) {
    if (!node.hasExecutionId()) {
      throw Validation.missing("execution_id");
    }
    Validation.requireNonEmpty(node.getExecutionId().getProject(), "project");
    Validation.requireNonEmpty(node.getExecutionId().getDomain(), "domain");
    Validation.requireNonEmpty(node.getExecutionId().getName(), "name");
    Validation.requireNonEmpty(node.getNodeId(), "node_id");
  }

  /**
   * Applies the event to the attempt as {@code target} saw it.
   *
   * @return false when the row changed meanwhile (nothing was written)
   */
  private boolean apply(
      TaskExecutionIdentifier id, TaskExecutionEvent event, Instant occurredAt, Target target) {
    TaskExecutionRow row = target.row();
    if (row == null) {
      if (!target.nodeExists()) {
        throw FlyteException.notFound(
            "Failed to get existing node execution id: [%s] with err: entry not found",
            ProtoText.render(id.getNodeExecutionId()));
      }
      return tasks.insert(created(id, event, occurredAt));
    }
    TaskExecution.Phase current = phase(row.phase());
    if (current == event.getPhase()
        && row.phaseVersion() >= Integer.toUnsignedLong(event.getPhaseVersion())) {
      throw FlyteException.alreadyExists(
          "have already recorded task execution phase %s (version: %d) for %s",
          event.getPhase(), Integer.toUnsignedLong(event.getPhaseVersion()), ProtoText.render(id));
    }
    if (TERMINAL.contains(current)) {
      throw EventFailures.alreadyInTerminalState(
          String.format(
              "invalid phase change from %s to %s for task execution %s",
              row.phase(), event.getPhase(), ProtoText.render(id)),
          event.getPhase().name());
    }
    return tasks.update(updated(row, event, occurredAt), Objects.requireNonNull(target.version()));
  }

  private TaskExecutionRow created(
      TaskExecutionIdentifier id, TaskExecutionEvent event, Instant occurredAt) {
    var reportedAt =
        EventTimes.reportedAt(event.hasReportedAt(), event.getReportedAt(), event.getOccurredAt());
    TaskExecutionClosure.Builder closure =
        TaskExecutionClosure.newBuilder()
            .setPhase(event.getPhase())
            .setUpdatedAt(reportedAt)
            .setCreatedAt(event.getOccurredAt())
            .addAllLogs(event.getLogsList())
            .setTaskType(event.getTaskType())
            .setEventVersion(event.getEventVersion());
    if (event.hasCustomInfo()) {
      closure.setCustomInfo(event.getCustomInfo());
    }
    if (event.hasMetadata()) {
      TaskExecutionMetadata metadata = event.getMetadata();
      closure.setMetadata(
          metadata.toBuilder()
              .clearExternalResources()
              .addAllExternalResources(
                  metadata.getExternalResourcesList().stream()
                      .sorted(TaskClosureMerge.BY_INDEX_AND_ATTEMPT)
                      .toList()));
    }
    if (event.getReasonsCount() > 0) {
      event
          .getReasonsList()
          .forEach(
              r ->
                  closure.addReasons(
                      Reason.newBuilder()
                          .setOccurredAt(r.getOccurredAt())
                          .setMessage(r.getReason())));
      closure.setReason(event.getReasons(event.getReasonsCount() - 1).getReason());
    } else if (!event.getReason().isEmpty()) {
      closure.addReasons(
          Reason.newBuilder().setOccurredAt(event.getOccurredAt()).setMessage(event.getReason()));
      closure.setReason(event.getReason());
    }
    String inputUri = inputs(id, event, "");
    Instant startedAt = null;
    if (event.getPhase() == TaskExecution.Phase.RUNNING) {
      startedAt = occurredAt;
      closure.setStartedAt(event.getOccurredAt());
    }
    Long duration =
        TERMINAL.contains(event.getPhase())
            ? terminal(id, event, occurredAt, startedAt, closure)
            : null;
    return new TaskExecutionRow(
        0,
        id,
        event.getPhase().name(),
        Integer.toUnsignedLong(event.getPhaseVersion()),
        inputUri,
        closure.build(),
        startedAt,
        occurredAt,
        EventTimes.instant(reportedAt),
        duration);
  }

  private TaskExecutionRow updated(
      TaskExecutionRow row, TaskExecutionEvent event, Instant occurredAt) {
    var reportedAt =
        EventTimes.reportedAt(event.hasReportedAt(), event.getReportedAt(), event.getOccurredAt());
    TaskExecution.Phase next = event.getPhase();
    boolean phaseChange = !row.phase().equals(next.name());
    TaskExecutionClosure stored = row.closure();
    TaskExecutionClosure.Builder closure =
        stored.toBuilder().setPhase(next).setUpdatedAt(reportedAt);
    List<flyteidl.core.Execution.TaskLog> logs =
        TaskClosureMerge.filterByPhase(
            TaskClosureMerge.logs(stored.getLogsList(), event.getLogsList()), next);
    closure.clearLogs().addAllLogs(logs);
    if (event.getReasonsCount() > 0) {
      event
          .getReasonsList()
          .forEach(
              r ->
                  closure.addReasons(
                      Reason.newBuilder()
                          .setOccurredAt(r.getOccurredAt())
                          .setMessage(r.getReason())));
      closure.setReason(event.getReasons(event.getReasonsCount() - 1).getReason());
    } else if (!event.getReason().isEmpty()) {
      if (!stored.getReason().equals(event.getReason())) {
        closure.addReasons(
            Reason.newBuilder().setOccurredAt(event.getOccurredAt()).setMessage(event.getReason()));
      }
      closure.setReason(event.getReason());
    }
    Instant startedAt = row.startedAt();
    if (!row.phase().equals(TaskExecution.Phase.RUNNING.name())
        && next == TaskExecution.Phase.RUNNING
        && startedAt == null) {
      startedAt = occurredAt;
      closure.setStartedAt(event.getOccurredAt());
    }
    Long duration = row.durationNanos();
    if (TERMINAL.contains(next)) {
      Long computed = terminal(row.id(), event, occurredAt, startedAt, closure);
      if (computed != null) {
        duration = computed;
      }
    }
    Struct custom =
        TaskClosureMerge.custom(
            stored.hasCustomInfo(),
            stored.getCustomInfo(),
            event.hasCustomInfo(),
            event.getCustomInfo());
    if (stored.hasCustomInfo() || event.hasCustomInfo()) {
      closure.setCustomInfo(custom);
    }
    if (stored.hasMetadata() || event.hasMetadata()) {
      TaskExecutionMetadata metadata =
          TaskClosureMerge.metadata(
              stored.hasMetadata(), stored.getMetadata(), event.hasMetadata(), event.getMetadata());
      if (phaseChange && metadata.getExternalResourcesCount() > 0) {
        metadata = TaskClosureMerge.filterExternalResourceLogs(metadata, next);
      }
      closure.setMetadata(metadata);
    }
    if (event.getEventVersion() > stored.getEventVersion()) {
      closure.setEventVersion(event.getEventVersion());
    }
    return new TaskExecutionRow(
        row.rowId(),
        row.id(),
        next.name(),
        Integer.toUnsignedLong(event.getPhaseVersion()),
        inputs(row.id(), event, row.inputUri()),
        closure.build(),
        startedAt,
        row.createdAt(),
        EventTimes.instant(reportedAt),
        duration);
  }

  /** The input URI: the stored one, else the event's, else its offloaded inline inputs. */
  private String inputs(TaskExecutionIdentifier id, TaskExecutionEvent event, String stored) {
    if (!stored.isEmpty()) {
      return stored;
    }
    return switch (event.getInputValueCase()) {
      case INPUT_URI -> event.getInputUri();
      case INPUT_DATA -> storage.offload(id, event.getInputData(), "offloaded_inputs");
      default -> "";
    };
  }

  /** Terminal handling; returns the duration when the attempt had started. */
  private @Nullable Long terminal(
      TaskExecutionIdentifier id,
      TaskExecutionEvent event,
      Instant occurredAt,
      @Nullable Instant startedAt,
      TaskExecutionClosure.Builder closure) {
    Long duration = null;
    if (startedAt != null) {
      duration = EventTimes.nanosBetween(startedAt, occurredAt);
      closure
          .setStartedAt(EventTimes.timestamp(startedAt))
          .setDuration(EventTimes.duration(duration));
    }
    if (!event.getOutputUri().isEmpty()) {
      closure.setOutputUri(event.getOutputUri());
    } else if (event.hasOutputData()) {
      if (storage.storeInline()) {
        closure.setOutputData(event.getOutputData());
      } else {
        closure.setOutputUri(storage.offload(id, event.getOutputData(), "offloaded_outputs"));
      }
    } else if (event.hasError()) {
      closure.setError(event.getError());
    }
    return duration;
  }

  static TaskExecution.Phase phase(String name) {
    try {
      return TaskExecution.Phase.valueOf(name);
    } catch (IllegalArgumentException e) {
      return TaskExecution.Phase.UNDEFINED;
    }
  }
}

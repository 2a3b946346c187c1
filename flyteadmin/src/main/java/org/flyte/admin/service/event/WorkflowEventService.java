package org.flyte.admin.service.event;

import flyteidl.admin.Event.WorkflowExecutionEventRequest;
import flyteidl.admin.Event.WorkflowExecutionEventResponse;
import flyteidl.admin.ExecutionOuterClass.ExecutionClosure;
import flyteidl.admin.ExecutionOuterClass.ExecutionSpec;
import flyteidl.admin.ExecutionOuterClass.LiteralMapBlob;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.event.Event.WorkflowExecutionEvent;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.flyte.admin.repository.event.EventLogRepository;
import org.flyte.admin.repository.execution.ExecutionRepository;
import org.flyte.admin.repository.execution.ExecutionRow;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.compiler.graph.ProtoText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CreateWorkflowEvent. Follows {@code CreateWorkflowEvent} of {@code
 * flyteadmin/pkg/manager/impl/execution_manager.go} and {@code UpdateExecutionModelState} of {@code
 * repositories/transformers/execution.go} (Flyte v1.16.8):
 *
 * <ul>
 *   <li>the same phase again is ALREADY_EXISTS, except QUEUED, which may repeat (it reassigns the
 *       cluster);
 *   <li>a stored terminal phase refuses everything else with {@code already_in_terminal_state}
 *       naming the stored phase; RUNNING refuses QUEUED; ABORTING refuses non-terminal phases;
 *   <li>an event from another cluster is refused with {@code incompatible_cluster}, except while
 *       QUEUED or UNDEFINED, which move the execution to that cluster;
 *   <li>the closure takes the phase, times, outputs (by URI, offloaded or inline) or error.
 * </ul>
 *
 * The row is read and written under its lock, so that events of one execution, and a terminate,
 * apply one after the other.
 */
@Service
public class WorkflowEventService {

  static final Set<WorkflowExecution.Phase> TERMINAL =
      EnumSet.of(
          WorkflowExecution.Phase.SUCCEEDED,
          WorkflowExecution.Phase.FAILED,
          WorkflowExecution.Phase.TIMED_OUT,
          WorkflowExecution.Phase.ABORTED);

  private final ExecutionRepository executions;
  private final EventLogRepository eventLog;
  private final EventStorage storage;
  private final TransactionTemplate transactions;

  public WorkflowEventService(
      ExecutionRepository executions,
      EventLogRepository eventLog,
      EventStorage storage,
      TransactionTemplate transactions) {
    this.executions = executions;
    this.eventLog = eventLog;
    this.storage = storage;
    this.transactions = transactions;
  }

  public WorkflowExecutionEventResponse create(WorkflowExecutionEventRequest request) {
    if (!request.hasEvent()) {
      throw FlyteException.invalidArgument("Workflow event handler was called without event");
    }
    WorkflowExecutionEvent event = request.getEvent();
    if (!event.hasExecutionId()) {
      throw FlyteException.invalidArgument(
          "Workflow event handler request event doesn't have an execution id - %s",
          ProtoText.render(event));
    }
    storage.checkOutputSize(event.hasOutputData(), event.getOutputData());
    Instant occurredAt = EventTimes.occurredAt(event.hasOccurredAt(), event.getOccurredAt());
    transactions.executeWithoutResult(tx -> apply(request, event, occurredAt));
    return WorkflowExecutionEventResponse.getDefaultInstance();
  }

  private void apply(
      WorkflowExecutionEventRequest request, WorkflowExecutionEvent event, Instant occurredAt) {
    WorkflowExecutionIdentifier id = event.getExecutionId();
    ExecutionRow row =
        executions
            .findForUpdate(id)
            .orElseThrow(
                () ->
                    FlyteException.notFound(
                        "missing entity of type execution with identifier %s",
                        ProtoText.render(id)));
    WorkflowExecution.Phase current = phase(row.phase());
    WorkflowExecution.Phase next = event.getPhase();
    String idText = ProtoText.render(id);
    if (next != WorkflowExecution.Phase.QUEUED) {
      if (current == next) {
        throw FlyteException.alreadyExists(
            "This phase %s was already recorded for workflow execution %s", current, idText);
      }
      EventFailures.checkCluster(row.cluster(), event.getProducerId());
    }
    if (TERMINAL.contains(current)) {
      throw EventFailures.alreadyInTerminalState(
          String.format(
              "Invalid phase change from %s to %s for workflow execution %s",
              current, next, idText),
          current.name());
    }
    if (current == WorkflowExecution.Phase.RUNNING && next == WorkflowExecution.Phase.QUEUED) {
      throw new FlyteException(
          ErrorCode.FAILED_PRECONDITION,
          String.format(
              "Cannot go from %s to %s for workflow execution %s", current, next, idText));
    }
    if (current == WorkflowExecution.Phase.ABORTING && !TERMINAL.contains(next)) {
      throw new FlyteException(
          ErrorCode.FAILED_PRECONDITION,
          String.format(
              "Invalid phase change from aborting to %s for workflow execution %s", next, idText));
    }
    executions.update(updated(row, event, occurredAt));
    eventLog.workflow(id, request.getRequestId(), occurredAt, next.name());
  }

  private ExecutionRow updated(ExecutionRow row, WorkflowExecutionEvent event, Instant occurredAt) {
    WorkflowExecution.Phase next = event.getPhase();
    ExecutionClosure.Builder closure =
        row.closure().toBuilder().setPhase(next).setUpdatedAt(event.getOccurredAt());
    ExecutionRow.Builder changed =
        row.toBuilder().phase(next.name()).executionUpdatedAt(occurredAt);
    if (next == WorkflowExecution.Phase.RUNNING) {
      changed.startedAt(occurredAt);
      closure.setStartedAt(event.getOccurredAt());
    } else if (TERMINAL.contains(next) && row.startedAt() != null) {
      long nanos = EventTimes.nanosBetween(row.startedAt(), occurredAt);
      changed.durationNanos(nanos);
      closure.setDuration(EventTimes.duration(nanos));
    }
    String producer = event.getProducerId();
    if (!EventFailures.anyCluster(producer)) {
      if (next == WorkflowExecution.Phase.UNDEFINED || next == WorkflowExecution.Phase.QUEUED) {
        ExecutionSpec.Builder spec = row.spec().toBuilder();
        spec.getMetadataBuilder().getSystemMetadataBuilder().setExecutionCluster(producer);
        changed.cluster(producer).spec(spec.build());
      } else if (!row.cluster().equals(producer)) {
        throw EventFailures.incompatibleCluster(
            String.format(
                "Cannot accept events for running/terminated execution [%s] from cluster [%s],"
                    + "expected events to originate from [%s]",
                ProtoText.render(row.id()), producer, row.cluster()),
            row.cluster());
      }
    }
    if (!event.getOutputUri().isEmpty()) {
      closure.setOutputs(LiteralMapBlob.newBuilder().setUri(event.getOutputUri()));
    } else if (event.hasOutputData()) {
      if (storage.storeInline()) {
        closure.setOutputData(event.getOutputData());
      } else {
        String uri = storage.offload(row.id(), event.getOutputData(), "offloaded_outputs");
        closure.setOutputs(LiteralMapBlob.newBuilder().setUri(uri));
      }
    } else if (event.hasError()) {
      closure.setError(event.getError());
      changed.error(event.getError().getKind().name(), event.getError().getCode());
    }
    return changed.closure(closure.build()).build();
  }

  static WorkflowExecution.Phase phase(String name) {
    try {
      return WorkflowExecution.Phase.valueOf(name);
    } catch (IllegalArgumentException e) {
      return WorkflowExecution.Phase.UNDEFINED;
    }
  }
}

package org.flyte.admin.service.event;

import flyteidl.admin.Event.NodeExecutionEventRequest;
import flyteidl.admin.Event.NodeExecutionEventResponse;
import flyteidl.core.Execution.NodeExecution;
import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.event.Event.NodeExecutionEvent;
import java.time.Instant;
import java.util.Objects;
import org.flyte.admin.repository.execution.ExecutionRepository;
import org.flyte.admin.repository.nodeexecution.NodeEventRepository;
import org.flyte.admin.repository.nodeexecution.NodeEventRepository.Target;
import org.flyte.admin.repository.nodeexecution.NodeExecutionRow;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.compiler.graph.ProtoText;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * CreateNodeEvent. Follows {@code CreateNodeEvent} of {@code
 * flyteadmin/pkg/manager/impl/node_execution_manager.go} (Flyte v1.16.8):
 *
 * <ul>
 *   <li>the execution must exist and the event's cluster match it (every phase);
 *   <li>a dynamic workflow's compiled closure is stored on every event that carries one;
 *   <li>the first event creates the row, linked to its parent node ({@code parent_node_metadata})
 *       or parent task attempt ({@code parent_task_metadata}), which must exist (NOT_FOUND
 *       otherwise, which propeller retries);
 *   <li>a later event: the same phase is ALREADY_EXISTS, a stored terminal phase refuses the rest
 *       with {@code already_in_terminal_state} naming the <em>incoming</em> phase, a child
 *       execution named by {@code workflow_node_metadata} must exist; any other move is accepted.
 * </ul>
 *
 * Request validation is not enforced, as in Flyte, beyond what is needed to find the records (an
 * event and its id, the time it occurred). Each event is one read and one self-committing write of
 * the row with its event log row ({@link NodeEventRepository}); an event whose row changed between
 * the two is computed again from the new row, so two first events of one node racing each other
 * both apply, one as the creation and one as an update.
 */
@Service
public class NodeEventService {

  /** How many times an event is computed again after losing a race for its row. */
  static final int ATTEMPTS = 64;

  private final ExecutionRepository executions;
  private final NodeEventRepository nodes;
  private final EventStorage storage;
  private final NodeExecutionChanges changes;

  public NodeEventService(
      ExecutionRepository executions, NodeEventRepository nodes, EventStorage storage) {
    this.executions = executions;
    this.nodes = nodes;
    this.storage = storage;
    this.changes = new NodeExecutionChanges(storage);
  }

  public NodeExecutionEventResponse create(NodeExecutionEventRequest request) {
    if (!request.hasEvent()) {
      throw FlyteException.invalidArgument("missing event");
    }
    NodeExecutionEvent event = request.getEvent();
    NodeExecutionIdentifier id = event.getId();
    WorkflowExecutionIdentifier executionId = id.getExecutionId();
    if (!event.hasId() || id.getNodeId().isEmpty()) {
      throw FlyteException.invalidArgument("missing node_id");
    }
    if (!id.hasExecutionId()
        || executionId.getProject().isEmpty()
        || executionId.getDomain().isEmpty()
        || executionId.getName().isEmpty()) {
      throw FlyteException.invalidArgument("missing execution_id");
    }
    Instant occurredAt = EventTimes.occurredAt(event.hasOccurredAt(), event.getOccurredAt());
    Target target = read(event);
    String dynamicReference = "";
    if (event.hasTaskNodeMetadata() && event.getTaskNodeMetadata().hasDynamicWorkflow()) {
      var dynamic = event.getTaskNodeMetadata().getDynamicWorkflow();
      dynamicReference =
          storage.writeDynamicClosure(id, dynamic.getId(), dynamic.getCompiledWorkflow());
    }
    for (int attempt = 1; ; attempt++) {
      if (apply(request, event, occurredAt, dynamicReference, target)) {
        return NodeExecutionEventResponse.getDefaultInstance();
      }
      if (attempt == ATTEMPTS) {
        throw new FlyteException(
            ErrorCode.UNAVAILABLE,
            String.format(
                "node execution %s kept changing while the event was applied: retry",
                ProtoText.render(id)));
      }
      target = read(event);
    }
  }

  /** The execution (which must exist, on the event's cluster), the row and the parents. */
  private Target read(NodeExecutionEvent event) {
    WorkflowExecutionIdentifier executionId = event.getId().getExecutionId();
    Target target =
        nodes
            .read(
                event.getId(),
                event.hasParentNodeMetadata() ? event.getParentNodeMetadata().getNodeId() : null,
                event.hasParentTaskMetadata() ? event.getParentTaskMetadata().getId() : null)
            .orElseThrow(
                () ->
                    FlyteException.notFound(
                        "Failed to get existing execution id: [%s] with err: missing entity of"
                            + " type execution with identifier %s",
                        ProtoText.render(executionId), ProtoText.render(executionId)));
    EventFailures.checkCluster(target.cluster(), event.getProducerId());
    return target;
  }

  /**
   * Applies the event to the row as {@code target} saw it.
   *
   * @return false when the row changed meanwhile (nothing was written)
   */
  private boolean apply(
      NodeExecutionEventRequest request,
      NodeExecutionEvent event,
      Instant occurredAt,
      String dynamicReference,
      Target target) {
    NodeExecutionIdentifier id = event.getId();
    NodeExecutionRow row = target.row();
    if (row == null) {
      NodeExecutionRow created =
          changes.created(
              event,
              occurredAt,
              parentTask(event, target),
              parentNode(event, target),
              dynamicReference);
      return nodes.insert(created, request.getRequestId(), occurredAt);
    }
    NodeExecution.Phase current = phase(row.phase());
    if (current == event.getPhase()) {
      throw FlyteException.alreadyExists(
          "This phase was already recorded %s for %s", current, ProtoText.render(id));
    }
    if (NodeExecutionChanges.TERMINAL.contains(current)) {
      throw EventFailures.alreadyInTerminalState(
          String.format(
              "Invalid phase change from %s to %s for node execution %d",
              current, event.getPhase(), row.rowId()),
          event.getPhase().name());
    }
    WorkflowExecutionIdentifier child = null;
    if (event.hasWorkflowNodeMetadata()) {
      child = event.getWorkflowNodeMetadata().getExecutionId();
      WorkflowExecutionIdentifier launched = child;
      if (executions.rowId(launched).isEmpty()) {
        throw FlyteException.notFound(
            "missing entity of type execution with identifier %s", ProtoText.render(launched));
      }
    }
    return nodes.update(
        changes.updated(row, event, occurredAt, child, dynamicReference),
        Objects.requireNonNull(target.version()),
        request.getRequestId(),
        occurredAt);
  }

  private static @Nullable Long parentTask(NodeExecutionEvent event, Target target) {
    if (!event.hasParentTaskMetadata()) {
      return null;
    }
    if (target.parentTaskRowId() == null) {
      throw FlyteException.notFound(
          "missing entity of type task execution with identifier %s",
          ProtoText.render(event.getParentTaskMetadata().getId()));
    }
    return target.parentTaskRowId();
  }

  private static @Nullable Long parentNode(NodeExecutionEvent event, Target target) {
    if (!event.hasParentNodeMetadata()) {
      return null;
    }
    if (target.parentRowId() == null) {
      NodeExecutionIdentifier parent =
          NodeExecutionIdentifier.newBuilder()
              .setExecutionId(event.getId().getExecutionId())
              .setNodeId(event.getParentNodeMetadata().getNodeId())
              .build();
      throw FlyteException.notFound(
          "missing entity of type node execution with identifier %s", ProtoText.render(parent));
    }
    return target.parentRowId();
  }

  static NodeExecution.Phase phase(String name) {
    try {
      return NodeExecution.Phase.valueOf(name);
    } catch (IllegalArgumentException e) {
      return NodeExecution.Phase.UNDEFINED;
    }
  }
}

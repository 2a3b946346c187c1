package org.flyte.admin.service.event;

import flyteidl.admin.Event.NodeExecutionEventRequest;
import flyteidl.admin.Event.NodeExecutionEventResponse;
import flyteidl.core.Execution.NodeExecution;
import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.event.Event.NodeExecutionEvent;
import java.time.Instant;
import java.util.Optional;
import org.flyte.admin.repository.event.EventLogRepository;
import org.flyte.admin.repository.execution.ExecutionRepository;
import org.flyte.admin.repository.execution.ExecutionRow;
import org.flyte.admin.repository.nodeexecution.NodeExecutionRepository;
import org.flyte.admin.repository.nodeexecution.NodeExecutionRow;
import org.flyte.admin.repository.taskexecution.TaskExecutionRepository;
import org.flyte.admin.repository.taskexecution.TaskExecutionRow;
import org.flyte.common.error.FlyteException;
import org.flyte.compiler.graph.ProtoText;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

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
 * event and its id, the time it occurred). The row is changed under its lock; two first events of
 * one node racing each other both apply, one as the creation and one as an update.
 */
@Service
public class NodeEventService {

  private final ExecutionRepository executions;
  private final NodeExecutionRepository nodes;
  private final TaskExecutionRepository tasks;
  private final EventLogRepository eventLog;
  private final EventStorage storage;
  private final NodeExecutionChanges changes;
  private final TransactionTemplate transactions;

  public NodeEventService(
      ExecutionRepository executions,
      NodeExecutionRepository nodes,
      TaskExecutionRepository tasks,
      EventLogRepository eventLog,
      EventStorage storage,
      TransactionTemplate transactions) {
    this.executions = executions;
    this.nodes = nodes;
    this.tasks = tasks;
    this.eventLog = eventLog;
    this.storage = storage;
    this.changes = new NodeExecutionChanges(storage);
    this.transactions = transactions;
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
    ExecutionRow execution =
        executions
            .find(executionId)
            .orElseThrow(
                () ->
                    FlyteException.notFound(
                        "Failed to get existing execution id: [%s] with err: missing entity of"
                            + " type execution with identifier %s",
                        ProtoText.render(executionId), ProtoText.render(executionId)));
    EventFailures.checkCluster(execution.cluster(), event.getProducerId());
    String dynamicReference = "";
    if (event.hasTaskNodeMetadata() && event.getTaskNodeMetadata().hasDynamicWorkflow()) {
      var dynamic = event.getTaskNodeMetadata().getDynamicWorkflow();
      dynamicReference =
          storage.writeDynamicClosure(id, dynamic.getId(), dynamic.getCompiledWorkflow());
    }
    String reference = dynamicReference;
    transactions.executeWithoutResult(tx -> apply(request, event, occurredAt, reference));
    return NodeExecutionEventResponse.getDefaultInstance();
  }

  private void apply(
      NodeExecutionEventRequest request,
      NodeExecutionEvent event,
      Instant occurredAt,
      String dynamicReference) {
    NodeExecutionIdentifier id = event.getId();
    Optional<NodeExecutionRow> existing = nodes.findForUpdate(id);
    if (existing.isEmpty()) {
      NodeExecutionRow created =
          changes.created(
              event, occurredAt, parentTask(event), parentNode(event), dynamicReference);
      if (nodes.insert(created)) {
        eventLog.node(id, request.getRequestId(), occurredAt, event.getPhase().name());
        return;
      }
      // Another first event of this node was inserted meanwhile: apply this one on top of it.
      existing = nodes.findForUpdate(id);
    }
    NodeExecutionRow row = existing.orElseThrow();
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
    nodes.update(changes.updated(row, event, occurredAt, child, dynamicReference));
    eventLog.node(id, request.getRequestId(), occurredAt, event.getPhase().name());
  }

  private @Nullable Long parentTask(NodeExecutionEvent event) {
    if (!event.hasParentTaskMetadata()) {
      return null;
    }
    var taskId = event.getParentTaskMetadata().getId();
    return tasks
        .find(taskId)
        .map(TaskExecutionRow::rowId)
        .orElseThrow(
            () ->
                FlyteException.notFound(
                    "missing entity of type task execution with identifier %s",
                    ProtoText.render(taskId)));
  }

  private @Nullable Long parentNode(NodeExecutionEvent event) {
    if (!event.hasParentNodeMetadata()) {
      return null;
    }
    NodeExecutionIdentifier parent =
        NodeExecutionIdentifier.newBuilder()
            .setExecutionId(event.getId().getExecutionId())
            .setNodeId(event.getParentNodeMetadata().getNodeId())
            .build();
    return nodes
        .rowId(parent)
        .orElseThrow(
            () ->
                FlyteException.notFound(
                    "missing entity of type node execution with identifier %s",
                    ProtoText.render(parent)));
  }

  static NodeExecution.Phase phase(String name) {
    try {
      return NodeExecution.Phase.valueOf(name);
    } catch (IllegalArgumentException e) {
      return NodeExecution.Phase.UNDEFINED;
    }
  }
}

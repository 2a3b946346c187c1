package org.flyte.runner.engine;

import com.google.protobuf.Timestamp;
import flyteidl.core.Execution.NodeExecution;
import flyteidl.core.Execution.TaskExecution;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.event.Event.NodeExecutionEvent;
import flyteidl.event.Event.ParentNodeExecutionMetadata;
import flyteidl.event.Event.TaskExecutionEvent;
import flyteidl.event.Event.WorkflowExecutionEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import org.flyte.runner.event.EventSink;
import org.flyte.runner.event.OrderedEventSender;

/**
 * Shapes events as propeller does ({@code flytepropeller/pkg/controller/workflow/executor.go},
 * {@code nodes/transformers.go}, {@code nodes/task/transformer.go}, v1.16.8): producer id, occurred
 * and reported times, node event version 1 with unique node ids, spec node id, name, parent node
 * and retry group for nested nodes; task event version 1.
 */
final class Events {

  private final EventSink sink;
  private final Clock clock;
  private final String producerId;
  private final WorkflowExecutionIdentifier executionId;

  Events(EventSink sink, Clock clock, String producerId, WorkflowExecutionIdentifier executionId) {
    this.sink = sink;
    this.clock = clock;
    this.producerId = producerId;
    this.executionId = executionId;
  }

  /**
   * Waits until the events produced so far have reached the sink (FlyteAdmin), for what needs
   * FlyteAdmin to know them: a child execution names its parent node.
   */
  void flush() throws InterruptedException {
    if (sink instanceof OrderedEventSender ordered) {
      ordered.flush();
    }
  }

  Timestamp now() {
    Instant t = clock.instant();
    return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
  }

  WorkflowExecutionIdentifier executionId() {
    return executionId;
  }

  void workflow(WorkflowExecution.Phase phase, Consumer<WorkflowExecutionEvent.Builder> more) {
    WorkflowExecutionEvent.Builder e =
        WorkflowExecutionEvent.newBuilder()
            .setExecutionId(executionId)
            .setProducerId(producerId)
            .setPhase(phase)
            .setOccurredAt(now());
    more.accept(e);
    sink.workflow(e.build());
  }

  NodeExecutionIdentifier nodeExecutionId(NodeRef node) {
    return NodeExecutionIdentifier.newBuilder()
        .setExecutionId(executionId)
        .setNodeId(node.uniqueId())
        .build();
  }

  void node(NodeRef node, NodeExecution.Phase phase, Consumer<NodeExecutionEvent.Builder> more) {
    Timestamp now = now();
    NodeExecutionEvent.Builder e =
        NodeExecutionEvent.newBuilder()
            .setId(nodeExecutionId(node))
            .setPhase(phase)
            .setOccurredAt(now)
            .setReportedAt(now)
            .setProducerId(producerId)
            .setEventVersion(1)
            .setSpecNodeId(node.spec().id())
            .setNodeName(node.spec().name());
    if (node.parent() != null) {
      e.setParentNodeMetadata(
          ParentNodeExecutionMetadata.newBuilder().setNodeId(node.parent().uniqueId()));
      e.setRetryGroup(Integer.toString(node.parent().attempt()));
      e.setIsInDynamicChain(node.parent().inDynamicChain());
    }
    if (node.target() != null) {
      e.setTargetEntity(node.target());
    }
    if (!"start-node".equals(node.spec().id())) {
      e.setInputUri(node.inputs().toString());
    }
    more.accept(e);
    sink.node(e.build());
  }

  void task(TaskExecution.Phase phase, Consumer<TaskExecutionEvent.Builder> more) {
    Timestamp now = now();
    TaskExecutionEvent.Builder e =
        TaskExecutionEvent.newBuilder()
            .setPhase(phase)
            .setOccurredAt(now)
            .setReportedAt(now)
            .setProducerId(producerId)
            .setEventVersion(1);
    more.accept(e);
    sink.task(e.build());
  }
}

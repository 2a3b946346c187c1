package org.flyte.bench.events;

import com.google.protobuf.Timestamp;
import flyteidl.admin.Event.NodeExecutionEventRequest;
import flyteidl.admin.Event.TaskExecutionEventRequest;
import flyteidl.core.Execution.NodeExecution;
import flyteidl.core.Execution.TaskExecution;
import flyteidl.core.Execution.TaskLog;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.event.Event.NodeExecutionEvent;
import flyteidl.event.Event.ParentNodeExecutionMetadata;
import flyteidl.event.Event.TaskExecutionEvent;
import flyteidl.event.Event.TaskExecutionMetadata;
import java.time.Instant;

/** The events propeller sends for one task node nested under the node {@code parent}. */
final class Events {

  private final NodeExecutionIdentifier node;
  private final Identifier task;
  private final String dataDir;

  Events(WorkflowExecutionIdentifier execution, String nodeId, Identifier task) {
    this.node =
        NodeExecutionIdentifier.newBuilder().setExecutionId(execution).setNodeId(nodeId).build();
    this.task = task;
    this.dataDir =
        "s3://my-s3-bucket/metadata/propeller/"
            + execution.getProject()
            + "-"
            + execution.getDomain()
            + "-"
            + execution.getName()
            + "/parent/data/0/"
            + nodeId;
  }

  private static Timestamp now() {
    Instant now = Instant.now();
    return Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()).build();
  }

  NodeExecutionEventRequest node(NodeExecution.Phase phase) {
    Timestamp at = now();
    NodeExecutionEvent.Builder event =
        NodeExecutionEvent.newBuilder()
            .setId(node)
            .setPhase(phase)
            .setOccurredAt(at)
            .setReportedAt(at)
            .setProducerId("propeller")
            .setEventVersion(1)
            .setInputUri(dataDir + "/inputs.pb")
            .setParentNodeMetadata(ParentNodeExecutionMetadata.newBuilder().setNodeId("parent"))
            .setRetryGroup("0")
            .setSpecNodeId("n0")
            .setNodeName("n0");
    if (phase == NodeExecution.Phase.SUCCEEDED) {
      event.setOutputUri(dataDir + "/0/outputs.pb");
    }
    return NodeExecutionEventRequest.newBuilder().setEvent(event).build();
  }

  TaskExecutionEventRequest task(TaskExecution.Phase phase) {
    Timestamp at = now();
    String generated = node.getExecutionId().getName() + "-" + node.getNodeId() + "-0";
    TaskExecutionEvent.Builder event =
        TaskExecutionEvent.newBuilder()
            .setTaskId(task)
            .setParentNodeExecutionId(node)
            .setPhase(phase)
            .setProducerId("propeller")
            .setOccurredAt(at)
            .setReportedAt(at)
            .setTaskType("python-task")
            .setEventVersion(1)
            .setInputUri(dataDir + "/inputs.pb")
            .setReason("task " + phase)
            .addLogs(
                TaskLog.newBuilder()
                    .setName("Kubernetes Logs (User)")
                    .setUri("http://logs/" + generated))
            .setMetadata(
                TaskExecutionMetadata.newBuilder()
                    .setGeneratedName(generated)
                    .setPluginIdentifier("container"));
    if (phase == TaskExecution.Phase.SUCCEEDED) {
      event.setOutputUri(dataDir + "/0/outputs.pb");
    }
    return TaskExecutionEventRequest.newBuilder().setEvent(event).build();
  }
}

package org.flyte.admin.api;

import com.google.protobuf.Timestamp;
import flyteidl.admin.Event.NodeExecutionEventRequest;
import flyteidl.admin.Event.TaskExecutionEventRequest;
import flyteidl.admin.Event.WorkflowExecutionEventRequest;
import flyteidl.core.Execution.ExecutionError;
import flyteidl.core.Execution.NodeExecution;
import flyteidl.core.Execution.TaskExecution;
import flyteidl.core.Execution.TaskLog;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.event.Event.EventReason;
import flyteidl.event.Event.NodeExecutionEvent;
import flyteidl.event.Event.ParentNodeExecutionMetadata;
import flyteidl.event.Event.TaskExecutionEvent;
import flyteidl.event.Event.TaskExecutionMetadata;
import flyteidl.event.Event.WorkflowExecutionEvent;
import flyteidl.service.AdminServiceGrpc.AdminServiceBlockingStub;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Sends events shaped as FlytePropeller v1.16.8 sends them ({@code
 * flytepropeller/pkg/controller/workflow/executor.go}, {@code nodes/transformers.go} {@code
 * ToNodeExecutionEvent}, {@code nodes/task/transformer.go} {@code ToTaskExecutionEvent}): producer
 * id {@code propeller}, node events of event version 1 with unique node ids, {@code
 * parent_node_metadata}, retry group and spec node id for nested nodes, task events of version 1
 * with the generated name and plugin in their metadata, input URIs under propeller's data directory
 * ({@code metadata/propeller/<p>-<d>-<name>/<node>/data/inputs.pb}), outputs at {@code
 * .../data/<attempt>/outputs.pb}. Times advance one second per event from a fixed start.
 */
final class PropellerReplayer {

  static final String PRODUCER = "propeller";
  static final String BUCKET = "s3://my-s3-bucket";

  private final AdminServiceBlockingStub admin;
  final WorkflowExecutionIdentifier execution;
  private Instant clock = Instant.parse("2026-01-01T00:00:00Z");
  private String bucket = BUCKET;

  PropellerReplayer(AdminServiceBlockingStub admin, WorkflowExecutionIdentifier execution) {
    this.admin = admin;
    this.execution = execution;
  }

  /** A replayer whose first event comes one second after {@code start}. */
  PropellerReplayer(
      AdminServiceBlockingStub admin, WorkflowExecutionIdentifier execution, Instant start) {
    this(admin, execution);
    this.clock = start;
  }

  /**
   * Writes (and reports) data under {@code container}, the store's own container, as propeller does
   * with FlyteAdmin's metadata bucket, so that FlyteAdmin can read it.
   */
  PropellerReplayer storingIn(String container) {
    this.bucket = container;
    return this;
  }

  /** The time of the next event (each call advances one second). */
  Timestamp tick() {
    clock = clock.plusSeconds(1);
    return Timestamp.newBuilder().setSeconds(clock.getEpochSecond()).build();
  }

  Instant now() {
    return clock;
  }

  String dataDir() {
    return bucket
        + "/metadata/propeller/"
        + execution.getProject()
        + "-"
        + execution.getDomain()
        + "-"
        + execution.getName();
  }

  String inputs(String uniqueNodeId) {
    return dataDir() + "/" + uniqueNodeId + "/data/inputs.pb";
  }

  String outputs(String uniqueNodeId, int attempt) {
    return dataDir() + "/" + uniqueNodeId + "/data/" + attempt + "/outputs.pb";
  }

  // workflow

  WorkflowExecutionEvent.Builder workflowEvent(WorkflowExecution.Phase phase) {
    return WorkflowExecutionEvent.newBuilder()
        .setExecutionId(execution)
        .setProducerId(PRODUCER)
        .setPhase(phase)
        .setOccurredAt(tick());
  }

  void workflow(WorkflowExecution.Phase phase) {
    workflow(workflowEvent(phase));
  }

  void workflow(WorkflowExecutionEvent.Builder event) {
    admin.createWorkflowEvent(WorkflowExecutionEventRequest.newBuilder().setEvent(event).build());
  }

  void workflowSucceeded() {
    workflow(
        workflowEvent(WorkflowExecution.Phase.SUCCEEDED)
            .setOutputUri(dataDir() + "/end-node/data/0/outputs.pb"));
  }

  // nodes

  NodeExecutionIdentifier nodeId(String uniqueNodeId) {
    return NodeExecutionIdentifier.newBuilder()
        .setExecutionId(execution)
        .setNodeId(uniqueNodeId)
        .build();
  }

  /**
   * A node event as {@code ToNodeExecutionEvent} builds it.
   *
   * @param uniqueNodeId the node's unique id ({@code n0}, {@code n1-0-n0})
   * @param specNodeId the node's id in its workflow ({@code n0})
   * @param parent the parent's unique id for nested nodes, else null
   */
  NodeExecutionEvent.Builder nodeEvent(
      String uniqueNodeId, String specNodeId, @Nullable String parent, NodeExecution.Phase phase) {
    NodeExecutionEvent.Builder event =
        NodeExecutionEvent.newBuilder()
            .setId(nodeId(uniqueNodeId))
            .setPhase(phase)
            .setOccurredAt(tick())
            .setReportedAt(Timestamp.newBuilder().setSeconds(clock.getEpochSecond()).setNanos(5))
            .setProducerId(PRODUCER)
            .setEventVersion(1)
            .setSpecNodeId(specNodeId)
            .setNodeName(specNodeId);
    if (uniqueNodeId.equals("start-node")) {
      event.setOutputUri(dataDir() + "/start-node/data/0/outputs.pb");
    } else {
      event.setInputUri(inputs(uniqueNodeId));
    }
    if (parent != null) {
      event
          .setParentNodeMetadata(ParentNodeExecutionMetadata.newBuilder().setNodeId(parent))
          .setRetryGroup("0");
    }
    return event;
  }

  NodeExecutionEvent.Builder nodeEvent(String nodeId, NodeExecution.Phase phase) {
    return nodeEvent(nodeId, nodeId, null, phase);
  }

  void node(NodeExecutionEvent.Builder event) {
    admin.createNodeEvent(NodeExecutionEventRequest.newBuilder().setEvent(event).build());
  }

  void node(String nodeId, NodeExecution.Phase phase) {
    node(nodeEvent(nodeId, phase));
  }

  void startNode() {
    node(nodeEvent("start-node", NodeExecution.Phase.SUCCEEDED));
  }

  void nodeSucceeded(String uniqueNodeId, String specNodeId, @Nullable String parent) {
    node(
        nodeEvent(uniqueNodeId, specNodeId, parent, NodeExecution.Phase.SUCCEEDED)
            .setOutputUri(outputs(uniqueNodeId, 0)));
  }

  // tasks

  /** A task event as {@code ToTaskExecutionEvent} builds it. */
  TaskExecutionEvent.Builder taskEvent(
      Identifier task, String uniqueNodeId, int attempt, TaskExecution.Phase phase, int version) {
    Timestamp at = tick();
    String generated = execution.getName() + "-" + uniqueNodeId + "-" + attempt;
    TaskExecutionEvent.Builder event =
        TaskExecutionEvent.newBuilder()
            .setTaskId(task)
            .setParentNodeExecutionId(nodeId(uniqueNodeId))
            .setRetryAttempt(attempt)
            .setPhase(phase)
            .setPhaseVersion(version)
            .setProducerId(PRODUCER)
            .setOccurredAt(at)
            .setReportedAt(at)
            .setTaskType("python-task")
            .setEventVersion(1)
            .setInputUri(inputs(uniqueNodeId))
            .setMetadata(
                TaskExecutionMetadata.newBuilder()
                    .setGeneratedName(generated)
                    .setPluginIdentifier("container"));
    String reason = "task " + phase.name().toLowerCase(java.util.Locale.ROOT);
    event
        .setReason(reason)
        .addReasons(EventReason.newBuilder().setReason(reason).setOccurredAt(at));
    if (phase == TaskExecution.Phase.RUNNING || TaskExecution.Phase.SUCCEEDED == phase) {
      event.addLogs(
          TaskLog.newBuilder()
              .setName("Kubernetes Logs (User)")
              .setUri("http://logs/" + generated)
              .setMessageFormat(TaskLog.MessageFormat.JSON));
    }
    return event;
  }

  void task(TaskExecutionEvent.Builder event) {
    admin.createTaskEvent(TaskExecutionEventRequest.newBuilder().setEvent(event).build());
  }

  /** QUEUED, RUNNING and SUCCEEDED of one attempt. */
  void taskAttemptSucceeds(Identifier task, String uniqueNodeId, int attempt) {
    task(taskEvent(task, uniqueNodeId, attempt, TaskExecution.Phase.QUEUED, 0));
    task(taskEvent(task, uniqueNodeId, attempt, TaskExecution.Phase.RUNNING, 0));
    task(
        taskEvent(task, uniqueNodeId, attempt, TaskExecution.Phase.SUCCEEDED, 0)
            .setOutputUri(outputs(uniqueNodeId, attempt)));
  }

  /** QUEUED, RUNNING and a failure of one attempt. */
  void taskAttemptFails(
      Identifier task, String uniqueNodeId, int attempt, TaskExecution.Phase failure, String code) {
    task(taskEvent(task, uniqueNodeId, attempt, TaskExecution.Phase.QUEUED, 0));
    task(taskEvent(task, uniqueNodeId, attempt, TaskExecution.Phase.RUNNING, 0));
    task(
        taskEvent(task, uniqueNodeId, attempt, failure, 0)
            .setError(
                ExecutionError.newBuilder()
                    .setCode(code)
                    .setMessage("attempt " + attempt + " failed")
                    .setKind(ExecutionError.ErrorKind.USER)));
  }

  /** A top-level task node: QUEUED, RUNNING, one successful attempt, SUCCEEDED. */
  void taskNodeSucceeds(String nodeId, Identifier task) {
    node(nodeId, NodeExecution.Phase.QUEUED);
    node(nodeId, NodeExecution.Phase.RUNNING);
    taskAttemptSucceeds(task, nodeId, 0);
    nodeSucceeded(nodeId, nodeId, null);
  }
}

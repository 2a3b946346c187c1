package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import flyteidl.admin.Event.EventErrorAlreadyInTerminalState;
import flyteidl.admin.Event.EventErrorIncompatibleCluster;
import flyteidl.admin.Event.EventFailureReason;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.core.Execution.ExecutionError;
import flyteidl.core.Execution.NodeExecution;
import flyteidl.core.Execution.TaskExecution;
import flyteidl.core.Execution.TaskLog;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.TaskExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.event.Event.ExternalResourceInfo;
import flyteidl.event.Event.TaskExecutionMetadata;
import io.grpc.Status;
import java.util.Map;
import org.flyte.admin.repository.execution.ExecutionRow;
import org.flyte.admin.repository.nodeexecution.NodeExecutionRepository;
import org.flyte.admin.repository.nodeexecution.NodeExecutionRow;
import org.flyte.admin.repository.taskexecution.TaskExecutionRepository;
import org.flyte.admin.repository.taskexecution.TaskExecutionRow;
import org.flyte.common.storage.DataReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** CreateWorkflowEvent, CreateNodeEvent and CreateTaskEvent: rules, codes, details, records. */
class EventIngestionTest extends ExecutionFixtures {

  @Autowired NodeExecutionRepository nodeRows;
  @Autowired TaskExecutionRepository taskRows;

  private WorkflowExecutionIdentifier id;
  private PropellerReplayer propeller;

  @BeforeEach
  void launch() {
    id = create(request(launchPlan, Map.of("x", integerLiteral(1))).setName("run"));
    propeller = new PropellerReplayer(admin, id);
  }

  private static Any terminal(String phase) {
    return Any.pack(
        EventFailureReason.newBuilder()
            .setAlreadyInTerminalState(
                EventErrorAlreadyInTerminalState.newBuilder().setCurrentPhase(phase))
            .build());
  }

  private static Any cluster(String cluster) {
    return Any.pack(
        EventFailureReason.newBuilder()
            .setIncompatibleCluster(EventErrorIncompatibleCluster.newBuilder().setCluster(cluster))
            .build());
  }

  @Test
  void workflowEventsMoveTheExecutionAndRefuseRepeatsAndLateEvents() {
    propeller.workflow(WorkflowExecution.Phase.QUEUED);
    propeller.workflow(WorkflowExecution.Phase.QUEUED); // repeats are allowed
    propeller.workflow(WorkflowExecution.Phase.RUNNING);
    var startedAt = propeller.now();
    Execution running = get(id);
    assertThat(running.getClosure().getPhase()).isEqualTo(WorkflowExecution.Phase.RUNNING);
    assertThat(running.getClosure().getStartedAt().getSeconds())
        .isEqualTo(startedAt.getEpochSecond());

    var duplicate = status(() -> propeller.workflow(WorkflowExecution.Phase.RUNNING));
    assertStatus(
        duplicate,
        Status.Code.ALREADY_EXISTS,
        "This phase RUNNING was already recorded for workflow execution");
    assertStatus(
        status(() -> propeller.workflow(WorkflowExecution.Phase.QUEUED)),
        Status.Code.FAILED_PRECONDITION,
        "Cannot go from RUNNING to QUEUED for workflow execution");

    propeller.workflowSucceeded();
    Execution done = get(id);
    assertThat(done.getClosure().getPhase()).isEqualTo(WorkflowExecution.Phase.SUCCEEDED);
    // RUNNING at t3, two refused events, SUCCEEDED at t6 (every event takes a second)
    assertThat(done.getClosure().getDuration().getSeconds()).isEqualTo(3);
    assertThat(done.getClosure().getOutputs().getUri())
        .isEqualTo(propeller.dataDir() + "/end-node/data/0/outputs.pb");
    ExecutionRow row = row(id);
    assertThat(row.durationNanos()).isEqualTo(3_000_000_000L);
    assertThat(row.executionUpdatedAt()).isEqualTo(propeller.now());

    var late = status(() -> propeller.workflow(WorkflowExecution.Phase.RUNNING));
    assertStatus(
        late,
        Status.Code.FAILED_PRECONDITION,
        "Invalid phase change from SUCCEEDED to RUNNING for workflow execution");
    assertThat(late.getDetailsList()).containsExactly(terminal("SUCCEEDED"));
    // A repeated terminal event is a duplicate, not a late event.
    assertStatus(
        status(() -> propeller.workflow(WorkflowExecution.Phase.SUCCEEDED)),
        Status.Code.ALREADY_EXISTS,
        "This phase SUCCEEDED was already recorded");
    assertThat(
            jdbc.sql(
                    "SELECT phase FROM execution_events WHERE execution_project = :p"
                        + " AND execution_name = 'run' ORDER BY occurred_at")
                .param("p", project)
                .query(String.class)
                .list())
        .containsExactly("QUEUED", "RUNNING", "SUCCEEDED");
  }

  @Test
  void abortingAcceptsOnlyTerminalPhasesAndFailingMayGoBack() {
    propeller.workflow(WorkflowExecution.Phase.RUNNING);
    propeller.workflow(WorkflowExecution.Phase.FAILING);
    propeller.workflow(WorkflowExecution.Phase.RUNNING);
    propeller.workflow(WorkflowExecution.Phase.ABORTING);
    assertStatus(
        status(() -> propeller.workflow(WorkflowExecution.Phase.RUNNING)),
        Status.Code.FAILED_PRECONDITION,
        "Invalid phase change from aborting to RUNNING");
    propeller.workflow(
        propeller
            .workflowEvent(WorkflowExecution.Phase.FAILED)
            .setError(
                ExecutionError.newBuilder()
                    .setCode("USER:Boom")
                    .setMessage("boom")
                    .setKind(ExecutionError.ErrorKind.USER)));
    ExecutionRow row = row(id);
    assertThat(row.phase()).isEqualTo("FAILED");
    assertThat(row.errorKind()).isEqualTo("USER");
    assertThat(row.errorCode()).isEqualTo("USER:Boom");
    assertThat(row.closure().getError().getMessage()).isEqualTo("boom");
  }

  @Test
  void anotherClusterIsRefusedUnlessItReassignsTheQueuedExecution() {
    var refused =
        status(
            () ->
                propeller.workflow(
                    propeller.workflowEvent(WorkflowExecution.Phase.RUNNING).setProducerId("c2")));
    assertStatus(
        refused,
        Status.Code.FAILED_PRECONDITION,
        "Cluster/producer from event [c2] does not match existing workflow execution clusterInDB:"
            + " [recording-cluster]");
    assertThat(refused.getDetailsList()).containsExactly(cluster("c2"));
    var node =
        status(
            () ->
                propeller.node(
                    propeller.nodeEvent("n0", NodeExecution.Phase.QUEUED).setProducerId("c2")));
    assertThat(node.getDetailsList()).containsExactly(cluster("c2"));

    propeller.workflow(propeller.workflowEvent(WorkflowExecution.Phase.QUEUED).setProducerId("c2"));
    ExecutionRow row = row(id);
    assertThat(row.cluster()).isEqualTo("c2");
    assertThat(row.spec().getMetadata().getSystemMetadata().getExecutionCluster()).isEqualTo("c2");
    propeller.workflow(
        propeller.workflowEvent(WorkflowExecution.Phase.RUNNING).setProducerId("c2"));
    assertThat(row(id).phase()).isEqualTo("RUNNING");
  }

  @Test
  void missingExecutionAndOversizedOutputs() {
    var missing = new PropellerReplayer(admin, executionId("nope"));
    assertStatus(
        status(() -> missing.workflow(WorkflowExecution.Phase.RUNNING)),
        Status.Code.NOT_FOUND,
        "missing entity of type execution");
    assertStatus(
        status(() -> missing.node("n0", NodeExecution.Phase.QUEUED)),
        Status.Code.NOT_FOUND,
        "Failed to get existing execution id");
    LiteralMap.Builder big = LiteralMap.newBuilder();
    big.putLiterals("s", stringLiteral("x".repeat(3 * 1024 * 1024)));
    assertStatus(
        status(
            () ->
                propeller.workflow(
                    propeller.workflowEvent(WorkflowExecution.Phase.SUCCEEDED).setOutputData(big))),
        Status.Code.RESOURCE_EXHAUSTED,
        "Output data size exceeds platform configured threshold");
    assertStatus(
        status(
            () ->
                admin.createWorkflowEvent(
                    flyteidl.admin.Event.WorkflowExecutionEventRequest.getDefaultInstance())),
        Status.Code.INVALID_ARGUMENT,
        "Workflow event handler was called without event");
  }

  @Test
  void inlineWorkflowOutputsAreOffloaded() {
    propeller.workflow(WorkflowExecution.Phase.RUNNING);
    LiteralMap outputs = LiteralMap.newBuilder().putLiterals("o0", integerLiteral(7)).build();
    propeller.workflow(
        propeller.workflowEvent(WorkflowExecution.Phase.SUCCEEDED).setOutputData(outputs));
    String uri = get(id).getClosure().getOutputs().getUri();
    assertThat(uri).endsWith("/metadata/" + project + "/" + DOMAIN + "/run/offloaded_outputs");
    assertThat(store.read(DataReference.parse(uri), LiteralMap.parser())).isEqualTo(outputs);
  }

  @Test
  void nodeEventsCreateAndUpdateTheirRowAndRefuseWhatFlyteRefuses() {
    propeller.workflow(WorkflowExecution.Phase.RUNNING);
    propeller.startNode();
    propeller.node("n0", NodeExecution.Phase.QUEUED);
    var queuedAt = propeller.now();
    propeller.node("n0", NodeExecution.Phase.RUNNING);
    var runningAt = propeller.now();
    assertStatus(
        status(() -> propeller.node("n0", NodeExecution.Phase.RUNNING)),
        Status.Code.ALREADY_EXISTS,
        "This phase was already recorded RUNNING for");
    propeller.node(
        propeller
            .nodeEvent("n0", NodeExecution.Phase.SUCCEEDED)
            .setOutputUri(propeller.outputs("n0", 0))
            .setDeckUri("s3://deck"));

    NodeExecutionRow row = nodeRows.find(propeller.nodeId("n0")).orElseThrow();
    assertThat(row.phase()).isEqualTo("SUCCEEDED");
    assertThat(row.inputUri()).isEqualTo(propeller.inputs("n0"));
    assertThat(row.createdAt()).isEqualTo(queuedAt);
    assertThat(row.startedAt()).isEqualTo(runningAt);
    assertThat(row.durationNanos()).isEqualTo(2_000_000_000L);
    assertThat(row.closure().getOutputUri()).isEqualTo(propeller.outputs("n0", 0));
    assertThat(row.closure().getDeckUri()).isEqualTo("s3://deck");
    assertThat(row.closure().getUpdatedAt().getNanos()).isEqualTo(5);
    assertThat(row.metadata().getSpecNodeId()).isEqualTo("n0");
    assertThat(row.eventVersion()).isEqualTo(1);
    assertThat(row.parentId()).isNull();
    NodeExecutionRow start = nodeRows.find(propeller.nodeId("start-node")).orElseThrow();
    assertThat(start.inputUri()).isEmpty();
    assertThat(start.closure().getOutputUri()).endsWith("/start-node/data/0/outputs.pb");

    var late = status(() -> propeller.node("n0", NodeExecution.Phase.RUNNING));
    assertStatus(
        late,
        Status.Code.FAILED_PRECONDITION,
        "Invalid phase change from SUCCEEDED to RUNNING for node execution " + row.rowId());
    // Flyte reports the incoming phase in the node's detail.
    assertThat(late.getDetailsList()).containsExactly(terminal("RUNNING"));

    assertStatus(
        status(
            () ->
                propeller.node(
                    propeller.nodeEvent("n1-0-n0", "n0", "n1", NodeExecution.Phase.QUEUED))),
        Status.Code.NOT_FOUND,
        "missing entity of type node execution");
    assertThat(
            jdbc.sql(
                    "SELECT phase FROM node_execution_events WHERE execution_project = :p"
                        + " AND node_id = 'n0' ORDER BY occurred_at")
                .param("p", project)
                .query(String.class)
                .list())
        .containsExactly("QUEUED", "RUNNING", "SUCCEEDED");
  }

  @Test
  void nodeOutputsErrorsAndCacheStatus() {
    propeller.workflow(WorkflowExecution.Phase.RUNNING);
    LiteralMap inputs = LiteralMap.newBuilder().putLiterals("x", integerLiteral(2)).build();
    propeller.node(propeller.nodeEvent("n0", NodeExecution.Phase.QUEUED).setInputData(inputs));
    propeller.node(
        propeller
            .nodeEvent("n0", NodeExecution.Phase.FAILED)
            .setError(
                ExecutionError.newBuilder()
                    .setCode("SYSTEM:Oops")
                    .setKind(ExecutionError.ErrorKind.SYSTEM)));
    NodeExecutionRow row = nodeRows.find(propeller.nodeId("n0")).orElseThrow();
    assertThat(row.inputUri())
        .endsWith("/metadata/" + project + "/" + DOMAIN + "/run/n0/offloaded_inputs");
    assertThat(store.read(DataReference.parse(row.inputUri()), LiteralMap.parser()))
        .isEqualTo(inputs);
    assertThat(row.errorKind()).isEqualTo("SYSTEM");
    assertThat(row.errorCode()).isEqualTo("SYSTEM:Oops");
    // FAILED without RUNNING: no duration
    assertThat(row.durationNanos()).isNull();
  }

  @Test
  void taskEventsMergeLogsReasonsCustomInfoAndExternalResources() {
    propeller.workflow(WorkflowExecution.Phase.RUNNING);
    assertStatus(
        status(
            () ->
                propeller.task(propeller.taskEvent(task, "n0", 0, TaskExecution.Phase.QUEUED, 0))),
        Status.Code.NOT_FOUND,
        "Failed to get existing node execution id");
    propeller.node("n0", NodeExecution.Phase.QUEUED);
    propeller.node("n0", NodeExecution.Phase.RUNNING);
    propeller.task(
        propeller
            .taskEvent(task, "n0", 0, TaskExecution.Phase.QUEUED, 0)
            .addLogs(TaskLog.newBuilder().setName("pending").setUri("u0").setShowWhilePending(true))
            .addLogs(TaskLog.newBuilder().setName("later").setUri("u1")));
    TaskExecutionRow queued = taskRows.find(attempt(0)).orElseThrow();
    assertThat(queued.closure().getLogsList())
        .extracting(TaskLog::getName)
        .containsExactly("pending", "later"); // unfiltered on creation
    propeller.task(
        propeller
            .taskEvent(task, "n0", 0, TaskExecution.Phase.RUNNING, 0)
            .setCustomInfo(struct("a", "1", "b", "2"))
            .setMetadata(
                TaskExecutionMetadata.newBuilder()
                    .addExternalResources(resource(1, "x1"))
                    .addExternalResources(resource(0, "x0"))));
    assertStatus(
        status(
            () ->
                propeller.task(propeller.taskEvent(task, "n0", 0, TaskExecution.Phase.RUNNING, 0))),
        Status.Code.ALREADY_EXISTS,
        "have already recorded task execution phase RUNNING (version: 0)");
    propeller.task(
        propeller
            .taskEvent(task, "n0", 0, TaskExecution.Phase.RUNNING, 1)
            .setCustomInfo(struct("b", "3", "c", "4"))
            .addLogs(
                TaskLog.newBuilder()
                    .setName("done-hidden")
                    .setUri("u2")
                    .setHideOnceFinished(true)));
    propeller.task(
        propeller
            .taskEvent(task, "n0", 0, TaskExecution.Phase.SUCCEEDED, 0)
            .setOutputUri(propeller.outputs("n0", 0)));

    TaskExecutionRow row = taskRows.find(attempt(0)).orElseThrow();
    assertThat(row.phase()).isEqualTo("SUCCEEDED");
    assertThat(row.durationNanos()).isEqualTo(3_000_000_000L);
    assertThat(row.closure().getLogsList())
        .extracting(TaskLog::getName)
        .containsExactly("Kubernetes Logs (User)", "pending", "later");
    assertThat(row.closure().getCustomInfo()).isEqualTo(struct("a", "1", "b", "3", "c", "4"));
    assertThat(row.closure().getMetadata().getExternalResourcesList())
        .extracting(ExternalResourceInfo::getExternalId)
        .containsExactly("x0", "x1");
    assertThat(row.closure().getReasonsList()).hasSize(4);
    assertThat(row.closure().getReason()).isEqualTo("task succeeded");
    assertThat(row.closure().getOutputUri()).isEqualTo(propeller.outputs("n0", 0));
    assertThat(row.closure().getTaskType()).isEqualTo("python-task");

    var late =
        status(
            () ->
                propeller.task(propeller.taskEvent(task, "n0", 0, TaskExecution.Phase.RUNNING, 2)));
    assertStatus(
        late, Status.Code.FAILED_PRECONDITION, "invalid phase change from SUCCEEDED to RUNNING");
    assertThat(late.getDetailsList()).containsExactly(terminal("RUNNING"));
    assertStatus(
        status(
            () ->
                propeller.task(
                    propeller.taskEvent(
                        task.toBuilder()
                            .setResourceType(
                                flyteidl.core.IdentifierOuterClass.ResourceType.WORKFLOW)
                            .build(),
                        "n0",
                        0,
                        TaskExecution.Phase.RUNNING,
                        0))),
        Status.Code.INVALID_ARGUMENT,
        "unexpected resource type workflow");
  }

  private TaskExecutionIdentifier attempt(int retry) {
    return TaskExecutionIdentifier.newBuilder()
        .setTaskId(task)
        .setNodeExecutionId(propeller.nodeId("n0"))
        .setRetryAttempt(retry)
        .build();
  }

  private static ExternalResourceInfo resource(int index, String externalId) {
    return ExternalResourceInfo.newBuilder().setIndex(index).setExternalId(externalId).build();
  }

  private static Struct struct(String... keysAndValues) {
    Struct.Builder struct = Struct.newBuilder();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      struct.putFields(
          keysAndValues[i], Value.newBuilder().setStringValue(keysAndValues[i + 1]).build());
    }
    return struct.build();
  }
}

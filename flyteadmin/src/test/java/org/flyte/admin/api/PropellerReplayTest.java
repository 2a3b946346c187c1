package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.admin.Common.Sort;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.ExecutionMetadata;
import flyteidl.admin.ExecutionOuterClass.ExecutionTerminateRequest;
import flyteidl.admin.NodeExecutionOuterClass.GetDynamicNodeWorkflowRequest;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecution;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionGetDataRequest;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionGetRequest;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionListRequest;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecution;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionListRequest;
import flyteidl.core.Catalog.CatalogArtifactTag;
import flyteidl.core.Catalog.CatalogCacheStatus;
import flyteidl.core.Compiler.CompiledWorkflow;
import flyteidl.core.Compiler.CompiledWorkflowClosure;
import flyteidl.core.Execution.ExecutionError;
import flyteidl.core.Execution.NodeExecution.Phase;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Workflow.WorkflowTemplate;
import flyteidl.event.Event.DynamicWorkflowNodeMetadata;
import flyteidl.event.Event.ExternalResourceInfo;
import flyteidl.event.Event.TaskExecutionMetadata;
import flyteidl.event.Event.TaskNodeMetadata;
import flyteidl.event.Event.WorkflowNodeMetadata;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replays the event sequences FlytePropeller v1.16.8 sends for typical runs ({@link
 * PropellerReplayer}) and asserts, field by field, what {@code FlyteRemote.sync_execution} and
 * FlyteConsole then read: the execution, its node executions (top level and children) and their
 * task attempts.
 */
class PropellerReplayTest extends ExecutionFixtures {

  private WorkflowExecutionIdentifier id;
  private PropellerReplayer propeller;

  @BeforeEach
  void launch() {
    id = create(request(launchPlan, Map.of("x", integerLiteral(1))).setName("replay"));
    propeller = new PropellerReplayer(admin, id);
    propeller.workflow(WorkflowExecution.Phase.RUNNING);
    propeller.startNode();
  }

  private void succeedWorkflow() {
    propeller.node(
        propeller
            .nodeEvent("end-node", Phase.SUCCEEDED)
            .setOutputUri(propeller.outputs("end-node", 0)));
    propeller.workflow(WorkflowExecution.Phase.SUCCEEDING);
    propeller.workflowSucceeded();
  }

  private List<NodeExecution> nodes(String parent) {
    return admin
        .listNodeExecutions(
            NodeExecutionListRequest.newBuilder()
                .setWorkflowExecutionId(id)
                .setUniqueParentId(parent)
                .setLimit(100)
                .setSortBy(Sort.newBuilder().setKey("id").setDirection(Sort.Direction.ASCENDING))
                .build())
        .getNodeExecutionsList();
  }

  private NodeExecution node(String nodeId) {
    return admin.getNodeExecution(
        NodeExecutionGetRequest.newBuilder().setId(propeller.nodeId(nodeId)).build());
  }

  private List<TaskExecution> attempts(String nodeId) {
    return admin
        .listTaskExecutions(
            TaskExecutionListRequest.newBuilder()
                .setNodeExecutionId(propeller.nodeId(nodeId))
                .setLimit(100)
                .build())
        .getTaskExecutionsList();
  }

  private static List<String> ids(List<NodeExecution> nodes) {
    return nodes.stream().map(n -> n.getId().getNodeId()).toList();
  }

  @Test
  void twoTasksSucceed() {
    propeller.taskNodeSucceeds("n0", task);
    propeller.taskNodeSucceeds("n1", task);
    succeedWorkflow();

    Execution execution = get(id);
    assertThat(execution.getClosure().getPhase()).isEqualTo(WorkflowExecution.Phase.SUCCEEDED);
    assertThat(execution.getClosure().getOutputs().getUri())
        .isEqualTo(propeller.dataDir() + "/end-node/data/0/outputs.pb");
    assertThat(execution.getClosure().getStartedAt().getSeconds())
        .isEqualTo(java.time.Instant.parse("2026-01-01T00:00:01Z").getEpochSecond());
    assertThat(execution.getClosure().getDuration().getSeconds())
        .isEqualTo(16); // RUNNING at t1, SUCCEEDED at t17

    List<NodeExecution> top = nodes("");
    assertThat(ids(top)).containsExactly("start-node", "n0", "n1", "end-node");
    assertThat(top)
        .allSatisfy(n -> assertThat(n.getClosure().getPhase()).isEqualTo(Phase.SUCCEEDED));
    NodeExecution n0 = top.get(1);
    assertThat(n0.getInputUri()).isEqualTo(propeller.inputs("n0"));
    assertThat(n0.getClosure().getOutputUri()).isEqualTo(propeller.outputs("n0", 0));
    assertThat(n0.getClosure().getDuration().getSeconds()).isEqualTo(4);
    assertThat(n0.getMetadata().getSpecNodeId()).isEqualTo("n0");
    assertThat(n0.getMetadata().getIsParentNode()).isFalse();

    List<TaskExecution> n1 = attempts("n1");
    assertThat(n1).hasSize(1);
    TaskExecution attempt = n1.get(0);
    assertThat(attempt.getId().getRetryAttempt()).isZero();
    assertThat(attempt.getClosure().getPhase())
        .isEqualTo(flyteidl.core.Execution.TaskExecution.Phase.SUCCEEDED);
    assertThat(attempt.getClosure().getLogsList()).hasSize(1);
    assertThat(attempt.getClosure().getLogs(0).getUri()).isEqualTo("http://logs/replay-n1-0");
    assertThat(attempt.getClosure().getMetadata().getGeneratedName()).isEqualTo("replay-n1-0");
    assertThat(attempt.getClosure().getDuration().getSeconds()).isEqualTo(1);
    assertThat(attempt.getClosure().getOutputUri()).isEqualTo(propeller.outputs("n1", 0));
    var data =
        admin.getNodeExecutionData(
            NodeExecutionGetDataRequest.newBuilder().setId(propeller.nodeId("n1")).build());
    assertThat(data.getFlyteUrls().getOutputs())
        .isEqualTo("flyte://v1/" + project + "/" + DOMAIN + "/replay/n1/o");
  }

  @Test
  void aTaskFailsTwiceAndSucceedsOnItsThirdAttempt() {
    propeller.node("n0", Phase.QUEUED);
    propeller.node("n0", Phase.RUNNING);
    propeller.taskAttemptFails(
        task, "n0", 0, flyteidl.core.Execution.TaskExecution.Phase.RETRYABLE_FAILED, "USER:Flaky");
    // propeller reports the retryable failure as RUNNING again, which is already recorded
    assertStatus(status(() -> propeller.node("n0", Phase.RUNNING)), Status.Code.ALREADY_EXISTS, "");
    propeller.taskAttemptFails(
        task, "n0", 1, flyteidl.core.Execution.TaskExecution.Phase.RETRYABLE_FAILED, "USER:Flaky");
    propeller.taskAttemptSucceeds(task, "n0", 2);
    propeller.nodeSucceeded("n0", "n0", null);
    succeedWorkflow();

    List<TaskExecution> tries = attempts("n0");
    assertThat(tries).extracting(t -> t.getId().getRetryAttempt()).containsExactly(0, 1, 2);
    assertThat(tries)
        .extracting(t -> t.getClosure().getPhase())
        .containsExactly(
            flyteidl.core.Execution.TaskExecution.Phase.RETRYABLE_FAILED,
            flyteidl.core.Execution.TaskExecution.Phase.RETRYABLE_FAILED,
            flyteidl.core.Execution.TaskExecution.Phase.SUCCEEDED);
    // RETRYABLE_FAILED is not terminal for a task: no error or duration is recorded with it
    assertThat(tries.get(0).getClosure().hasError()).isFalse();
    assertThat(tries.get(0).getClosure().getReason()).isEqualTo("task retryable_failed");
    assertThat(tries.get(2).getClosure().getOutputUri()).isEqualTo(propeller.outputs("n0", 2));
    assertThat(node("n0").getClosure().getPhase()).isEqualTo(Phase.SUCCEEDED);
    assertThat(get(id).getClosure().getPhase()).isEqualTo(WorkflowExecution.Phase.SUCCEEDED);
  }

  @Test
  void aTaskFailsTerminally() {
    propeller.node("n0", Phase.QUEUED);
    propeller.node("n0", Phase.RUNNING);
    propeller.taskAttemptFails(
        task, "n0", 0, flyteidl.core.Execution.TaskExecution.Phase.FAILED, "USER:Boom");
    ExecutionError error =
        ExecutionError.newBuilder()
            .setCode("USER:Boom")
            .setMessage("attempt 0 failed")
            .setKind(ExecutionError.ErrorKind.USER)
            .build();
    propeller.node(propeller.nodeEvent("n0", Phase.FAILED).setError(error));
    propeller.workflow(propeller.workflowEvent(WorkflowExecution.Phase.FAILING).setError(error));
    propeller.workflow(propeller.workflowEvent(WorkflowExecution.Phase.FAILED).setError(error));

    Execution execution = get(id);
    assertThat(execution.getClosure().getPhase()).isEqualTo(WorkflowExecution.Phase.FAILED);
    assertThat(execution.getClosure().getError()).isEqualTo(error);
    assertThat(row(id).errorKind()).isEqualTo("USER");
    NodeExecution n0 = node("n0");
    assertThat(n0.getClosure().getError()).isEqualTo(error);
    TaskExecution attempt = attempts("n0").get(0);
    assertThat(attempt.getClosure().getError()).isEqualTo(error);
    assertThat(attempt.getClosure().getPhase())
        .isEqualTo(flyteidl.core.Execution.TaskExecution.Phase.FAILED);
    // a late event from the failed task's pod watcher is refused with the terminal detail
    assertStatus(
        status(
            () ->
                propeller.task(
                    propeller.taskEvent(
                        task, "n0", 0, flyteidl.core.Execution.TaskExecution.Phase.RUNNING, 1))),
        Status.Code.FAILED_PRECONDITION,
        "invalid phase change from FAILED to RUNNING");
  }

  @Test
  void aCacheHitRecordsNoTaskAndShowsTheHitOnTheNode() {
    var catalogKey =
        flyteidl.core.Catalog.CatalogMetadata.newBuilder()
            .setDatasetId(task.toBuilder().setResourceType(ResourceType.DATASET))
            .setArtifactTag(CatalogArtifactTag.newBuilder().setArtifactId("a1").setName("tag"))
            .build();
    propeller.node("n0", Phase.QUEUED);
    propeller.node(
        propeller
            .nodeEvent("n0", Phase.SUCCEEDED)
            .setOutputUri(propeller.outputs("n0", 0))
            .setTaskNodeMetadata(
                TaskNodeMetadata.newBuilder()
                    .setCacheStatus(CatalogCacheStatus.CACHE_HIT)
                    .setCatalogKey(catalogKey)));
    succeedWorkflow();

    NodeExecution n0 = node("n0");
    assertThat(n0.getClosure().getTaskNodeMetadata().getCacheStatus())
        .isEqualTo(CatalogCacheStatus.CACHE_HIT);
    assertThat(n0.getClosure().getTaskNodeMetadata().getCatalogKey()).isEqualTo(catalogKey);
    assertThat(attempts("n0")).isEmpty();
    assertThat(
            jdbc.sql(
                    "SELECT cache_status FROM node_executions WHERE execution_project = :p AND node_id = 'n0'")
                .param("p", project)
                .query(String.class)
                .single())
        .isEqualTo("CACHE_HIT");
  }

  @Test
  void aBranchRunsItsChosenCaseAsAChild() {
    propeller.node("n0", Phase.QUEUED);
    propeller.node("n0", Phase.RUNNING);
    propeller.node(propeller.nodeEvent("n0-0-n0", "n0", "n0", Phase.QUEUED));
    propeller.node(propeller.nodeEvent("n0-0-n0", "n0", "n0", Phase.RUNNING));
    propeller.taskAttemptSucceeds(task, "n0-0-n0", 0);
    propeller.nodeSucceeded("n0-0-n0", "n0", "n0");
    propeller.nodeSucceeded("n0", "n0", null);
    succeedWorkflow();

    assertThat(ids(nodes(""))).containsExactly("start-node", "n0", "end-node");
    List<NodeExecution> children = nodes("n0");
    assertThat(ids(children)).containsExactly("n0-0-n0");
    assertThat(children.get(0).getMetadata().getRetryGroup()).isEqualTo("0");
    assertThat(children.get(0).getMetadata().getSpecNodeId()).isEqualTo("n0");
    assertThat(attempts("n0-0-n0")).hasSize(1);
  }

  @Test
  void aSubWorkflowNodeIsAParentOfItsNodes() {
    propeller.node(propeller.nodeEvent("n0", Phase.QUEUED).setIsParent(true));
    propeller.node(propeller.nodeEvent("n0", Phase.RUNNING).setIsParent(true));
    propeller.node(propeller.nodeEvent("n0-0-start-node", "start-node", "n0", Phase.SUCCEEDED));
    propeller.node(propeller.nodeEvent("n0-0-n0", "n0", "n0", Phase.QUEUED));
    propeller.node(propeller.nodeEvent("n0-0-n0", "n0", "n0", Phase.RUNNING));
    propeller.taskAttemptSucceeds(task, "n0-0-n0", 0);
    propeller.nodeSucceeded("n0-0-n0", "n0", "n0");
    propeller.node(
        propeller
            .nodeEvent("n0", Phase.SUCCEEDED)
            .setIsParent(true)
            .setOutputUri(propeller.outputs("n0", 0)));
    succeedWorkflow();

    NodeExecution n0 = node("n0");
    assertThat(n0.getMetadata().getIsParentNode()).isTrue();
    assertThat(n0.getMetadata().getIsDynamic()).isFalse();
    assertThat(ids(nodes("n0"))).containsExactly("n0-0-start-node", "n0-0-n0");
  }

  @Test
  void aLaunchPlanNodeLinksItsChildExecution() {
    propeller.node("n0", Phase.QUEUED);
    WorkflowExecutionIdentifier child =
        create(
            request(launchPlan, Map.of("x", integerLiteral(2)))
                .setName("child")
                .setSpec(
                    flyteidl.admin.ExecutionOuterClass.ExecutionSpec.newBuilder()
                        .setLaunchPlan(launchPlan)
                        .setMetadata(
                            ExecutionMetadata.newBuilder()
                                .setMode(ExecutionMetadata.ExecutionMode.CHILD_WORKFLOW)
                                .setParentNodeExecution(propeller.nodeId("n0")))));
    assertStatus(
        status(
            () ->
                propeller.node(
                    propeller
                        .nodeEvent("n0", Phase.RUNNING)
                        .setWorkflowNodeMetadata(
                            WorkflowNodeMetadata.newBuilder()
                                .setExecutionId(executionId("nope"))))),
        Status.Code.NOT_FOUND,
        "missing entity of type execution");
    propeller.node(
        propeller
            .nodeEvent("n0", Phase.RUNNING)
            .setWorkflowNodeMetadata(WorkflowNodeMetadata.newBuilder().setExecutionId(child)));
    propeller.node(
        propeller
            .nodeEvent("n0", Phase.SUCCEEDED)
            .setOutputUri(propeller.outputs("n0", 0))
            .setWorkflowNodeMetadata(WorkflowNodeMetadata.newBuilder().setExecutionId(child)));
    succeedWorkflow();

    assertThat(node("n0").getClosure().getWorkflowNodeMetadata().getExecutionId()).isEqualTo(child);
    assertThat(get(child).getSpec().getMetadata().getParentNodeExecution())
        .isEqualTo(propeller.nodeId("n0"));
    long n0Row =
        jdbc.sql(
                "SELECT id FROM node_executions WHERE execution_project = :p AND execution_name = 'replay' AND node_id = 'n0'")
            .param("p", project)
            .query(Long.class)
            .single();
    assertThat(row(child).parentNodeExecutionId()).isEqualTo(n0Row);
  }

  @Test
  void aDynamicNodeRecordsItsGeneratedWorkflowAndChildren() {
    Identifier dynamicId =
        Identifier.newBuilder()
            .setResourceType(ResourceType.WORKFLOW)
            .setProject(project)
            .setDomain(DOMAIN)
            .setName("dyn")
            .setVersion("v1")
            .build();
    CompiledWorkflowClosure compiled =
        CompiledWorkflowClosure.newBuilder()
            .setPrimary(
                CompiledWorkflow.newBuilder()
                    .setTemplate(WorkflowTemplate.newBuilder().setId(dynamicId)))
            .build();
    propeller.node("n0", Phase.QUEUED);
    propeller.node("n0", Phase.RUNNING);
    propeller.task(
        propeller.taskEvent(task, "n0", 0, flyteidl.core.Execution.TaskExecution.Phase.RUNNING, 0));
    propeller.task(
        propeller.taskEvent(
            task, "n0", 0, flyteidl.core.Execution.TaskExecution.Phase.SUCCEEDED, 0));
    String futures = propeller.dataDir() + "/n0/data/0/futures.pb";
    propeller.node(
        propeller
            .nodeEvent("n0", Phase.DYNAMIC_RUNNING)
            .setIsDynamic(true)
            .setIsParent(true)
            .setTaskNodeMetadata(
                TaskNodeMetadata.newBuilder()
                    .setDynamicWorkflow(
                        DynamicWorkflowNodeMetadata.newBuilder()
                            .setId(dynamicId)
                            .setCompiledWorkflow(compiled)
                            .setDynamicJobSpecUri(futures))));
    propeller.node(propeller.nodeEvent("n0-0-dn0", "dn0", "n0", Phase.QUEUED));
    propeller.node(propeller.nodeEvent("n0-0-dn0", "dn0", "n0", Phase.RUNNING));
    propeller.taskAttemptSucceeds(task, "n0-0-dn0", 0);
    propeller.nodeSucceeded("n0-0-dn0", "dn0", "n0");
    propeller.node(
        propeller
            .nodeEvent("n0", Phase.SUCCEEDED)
            .setIsDynamic(true)
            .setOutputUri(propeller.outputs("n0", 0)));
    succeedWorkflow();

    NodeExecution n0 = node("n0");
    assertThat(n0.getMetadata().getIsDynamic()).isTrue();
    assertThat(n0.getMetadata().getIsParentNode()).isTrue();
    assertThat(n0.getClosure().getDynamicJobSpecUri()).isEqualTo(futures);
    assertThat(ids(nodes("n0"))).containsExactly("n0-0-dn0");
    var data =
        admin.getNodeExecutionData(
            NodeExecutionGetDataRequest.newBuilder().setId(propeller.nodeId("n0")).build());
    assertThat(data.getDynamicWorkflow().getId()).isEqualTo(dynamicId);
    assertThat(data.getDynamicWorkflow().getCompiledWorkflow()).isEqualTo(compiled);
    assertThat(data.getDynamicWorkflow().getDynamicJobSpecUri()).isEqualTo(futures);
    assertThat(
            admin
                .getDynamicNodeWorkflow(
                    GetDynamicNodeWorkflowRequest.newBuilder()
                        .setId(propeller.nodeId("n0"))
                        .build())
                .getCompiledWorkflow())
        .isEqualTo(compiled);
    String reference =
        jdbc.sql(
                "SELECT dynamic_workflow_remote_closure_reference FROM node_executions"
                    + " WHERE execution_project = :p AND node_id = 'n0'")
            .param("p", project)
            .query(String.class)
            .single();
    assertThat(reference)
        .endsWith(
            "/metadata/admin/"
                + project
                + "/"
                + DOMAIN
                + "/replay/n0/"
                + project
                + "_"
                + DOMAIN
                + "_dyn_v1");
  }

  @Test
  void anArrayNodeMergesItsSubtasksAsExternalResources() {
    propeller.node(propeller.nodeEvent("n0", Phase.QUEUED).setIsArray(true));
    propeller.node(propeller.nodeEvent("n0", Phase.RUNNING).setIsArray(true));
    var running = flyteidl.core.Execution.TaskExecution.Phase.RUNNING;
    propeller.task(
        propeller
            .taskEvent(task, "n0", 0, running, 0)
            .setTaskType("container_array")
            .setMetadata(
                TaskExecutionMetadata.newBuilder()
                    .addExternalResources(subtask(0, running))
                    .addExternalResources(subtask(1, running))
                    .addExternalResources(subtask(2, running))));
    var succeeded = flyteidl.core.Execution.TaskExecution.Phase.SUCCEEDED;
    propeller.task(
        propeller
            .taskEvent(task, "n0", 0, running, 1)
            .setMetadata(
                TaskExecutionMetadata.newBuilder().addExternalResources(subtask(1, succeeded))));
    propeller.task(
        propeller
            .taskEvent(task, "n0", 0, succeeded, 0)
            .setOutputUri(propeller.outputs("n0", 0))
            .setMetadata(
                TaskExecutionMetadata.newBuilder()
                    .addExternalResources(subtask(0, succeeded))
                    .addExternalResources(subtask(2, succeeded))));
    propeller.node(
        propeller
            .nodeEvent("n0", Phase.SUCCEEDED)
            .setIsArray(true)
            .setOutputUri(propeller.outputs("n0", 0)));
    succeedWorkflow();

    assertThat(node("n0").getMetadata().getIsArray()).isTrue();
    TaskExecution attempt = attempts("n0").get(0);
    assertThat(attempt.getClosure().getTaskType()).isEqualTo("container_array");
    assertThat(attempt.getClosure().getMetadata().getExternalResourcesList())
        .extracting(ExternalResourceInfo::getIndex, ExternalResourceInfo::getPhase)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, succeeded),
            org.assertj.core.groups.Tuple.tuple(1, succeeded),
            org.assertj.core.groups.Tuple.tuple(2, succeeded));
  }

  private static ExternalResourceInfo subtask(
      int index, flyteidl.core.Execution.TaskExecution.Phase phase) {
    return ExternalResourceInfo.newBuilder()
        .setIndex(index)
        .setExternalId("replay-n0-0-" + index)
        .setPhase(phase)
        .build();
  }

  @Test
  void anAbortInTheMiddleEndsEveryRecordAborted() {
    propeller.node("n0", Phase.QUEUED);
    propeller.node("n0", Phase.RUNNING);
    propeller.task(
        propeller.taskEvent(task, "n0", 0, flyteidl.core.Execution.TaskExecution.Phase.RUNNING, 0));
    admin.terminateExecution(
        ExecutionTerminateRequest.newBuilder().setId(id).setCause("stop it").build());
    assertThat(get(id).getClosure().getPhase()).isEqualTo(WorkflowExecution.Phase.ABORTING);
    assertStatus(
        status(() -> propeller.workflow(WorkflowExecution.Phase.RUNNING)),
        Status.Code.FAILED_PRECONDITION,
        "Invalid phase change from aborting to RUNNING");
    propeller.task(
        propeller.taskEvent(task, "n0", 0, flyteidl.core.Execution.TaskExecution.Phase.ABORTED, 0));
    propeller.node("n0", Phase.ABORTED);
    propeller.workflow(WorkflowExecution.Phase.ABORTED);

    Execution execution = get(id);
    assertThat(execution.getClosure().getPhase()).isEqualTo(WorkflowExecution.Phase.ABORTED);
    assertThat(execution.getClosure().getAbortMetadata().getCause()).isEqualTo("stop it");
    assertThat(node("n0").getClosure().getPhase()).isEqualTo(Phase.ABORTED);
    assertThat(attempts("n0").get(0).getClosure().getPhase())
        .isEqualTo(flyteidl.core.Execution.TaskExecution.Phase.ABORTED);
  }
}

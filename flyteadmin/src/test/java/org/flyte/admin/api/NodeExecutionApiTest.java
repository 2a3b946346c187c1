package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.admin.Common.Sort;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecution;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionGetDataRequest;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionGetDataResponse;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionGetRequest;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionList;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionListRequest;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecution;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionGetDataRequest;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionGetRequest;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionList;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionListRequest;
import flyteidl.core.Execution.ExecutionError;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.IdentifierOuterClass.TaskExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Literals.LiteralMap;
import io.grpc.Status;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The node and task execution reads: get, lists (scopes, filters, pages), data; REST too. */
class NodeExecutionApiTest extends ExecutionFixtures {

  private WorkflowExecutionIdentifier id;
  private PropellerReplayer propeller;

  @BeforeEach
  void run() {
    id = create(request(launchPlan, Map.of("x", integerLiteral(1))).setName("reads"));
    propeller = new PropellerReplayer(admin, id);
    propeller.workflow(WorkflowExecution.Phase.RUNNING);
    propeller.startNode();
    propeller.taskNodeSucceeds("n0", task);
    propeller.node("n1", flyteidl.core.Execution.NodeExecution.Phase.QUEUED);
    propeller.node(
        propeller.nodeEvent(
            "n1-0-n0", "n0", "n1", flyteidl.core.Execution.NodeExecution.Phase.RUNNING));
    propeller.node(
        propeller
            .nodeEvent("n2", flyteidl.core.Execution.NodeExecution.Phase.FAILED)
            .setError(
                ExecutionError.newBuilder()
                    .setCode("USER:X")
                    .setMessage("é".repeat(80))
                    .setKind(ExecutionError.ErrorKind.USER)));
  }

  private NodeExecutionListRequest.Builder listRequest() {
    return NodeExecutionListRequest.newBuilder()
        .setWorkflowExecutionId(id)
        .setLimit(10)
        .setSortBy(Sort.newBuilder().setKey("node_id").setDirection(Sort.Direction.ASCENDING));
  }

  @Test
  void listsTopLevelNodesOrChildrenOfOneWithFiltersAndPages() {
    NodeExecutionList top = admin.listNodeExecutions(listRequest().build());
    assertThat(top.getNodeExecutionsList())
        .extracting(n -> n.getId().getNodeId())
        .containsExactly("n0", "n1", "n2", "start-node");
    assertThat(top.getToken()).isEmpty();
    // lists cut error messages to 100 bytes (50 two-byte characters); a get does not
    NodeExecution n2 = top.getNodeExecutions(2);
    assertThat(n2.getClosure().getError().getMessage()).isEqualTo("é".repeat(50));
    assertThat(
            admin
                .getNodeExecution(
                    NodeExecutionGetRequest.newBuilder().setId(propeller.nodeId("n2")).build())
                .getClosure()
                .getError()
                .getMessage())
        .hasSize(80);

    NodeExecutionList children =
        admin.listNodeExecutions(listRequest().setUniqueParentId("n1").build());
    assertThat(children.getNodeExecutionsList())
        .extracting(n -> n.getId().getNodeId())
        .containsExactly("n1-0-n0");
    assertThat(children.getNodeExecutions(0).getMetadata().getSpecNodeId()).isEqualTo("n0");
    assertThat(children.getNodeExecutions(0).getMetadata().getRetryGroup()).isEqualTo("0");

    NodeExecutionList page = admin.listNodeExecutions(listRequest().setLimit(2).build());
    assertThat(page.getToken()).isEqualTo("2");
    assertThat(
            admin
                .listNodeExecutions(listRequest().setLimit(2).setToken("2").build())
                .getNodeExecutionsList())
        .extracting(n -> n.getId().getNodeId())
        .containsExactly("n2", "start-node");
    assertThat(
            admin
                .listNodeExecutions(
                    listRequest()
                        .setFilters("eq(phase,SUCCEEDED)+eq(execution.phase,RUNNING)")
                        .build())
                .getNodeExecutionsList())
        .extracting(n -> n.getId().getNodeId())
        .containsExactly("n0", "start-node");

    assertStatus(
        status(() -> admin.listNodeExecutions(listRequest().setUniqueParentId("nope").build())),
        Status.Code.NOT_FOUND,
        "missing entity of type node execution");
    assertStatus(
        status(() -> admin.listNodeExecutions(listRequest().setLimit(0).build())),
        Status.Code.INVALID_ARGUMENT,
        "invalid value for limit");
    assertStatus(
        status(() -> admin.listNodeExecutions(listRequest().setFilters("eq(nope,1)").build())),
        Status.Code.INVALID_ARGUMENT,
        "");
    assertStatus(
        status(() -> admin.listNodeExecutions(listRequest().setToken("x").build())),
        Status.Code.INVALID_ARGUMENT,
        "invalid pagination token x for ListNodeExecutions");
    assertStatus(
        status(
            () ->
                admin.listNodeExecutions(
                    listRequest().setWorkflowExecutionId(id.toBuilder().clearName()).build())),
        Status.Code.INVALID_ARGUMENT,
        "missing name");
  }

  @Test
  void taskExecutionsAreListedPerNodeAndRead() {
    TaskExecutionList attempts =
        admin.listTaskExecutions(
            TaskExecutionListRequest.newBuilder()
                .setNodeExecutionId(propeller.nodeId("n0"))
                .setLimit(10)
                .build());
    assertThat(attempts.getTaskExecutionsList()).hasSize(1);
    TaskExecution attempt = attempts.getTaskExecutions(0);
    assertThat(attempt.getId().getTaskId()).isEqualTo(task);
    assertThat(attempt.getClosure().getPhase())
        .isEqualTo(flyteidl.core.Execution.TaskExecution.Phase.SUCCEEDED);
    assertThat(attempt.getIsParent()).isFalse();
    assertThat(attempt.getInputUri()).isEqualTo(propeller.inputs("n0"));

    TaskExecutionIdentifier untyped =
        attempt.getId().toBuilder()
            .setTaskId(task.toBuilder().setResourceType(ResourceType.UNSPECIFIED))
            .build();
    assertThat(admin.getTaskExecution(TaskExecutionGetRequest.newBuilder().setId(untyped).build()))
        .isEqualTo(attempt);
    assertStatus(
        status(
            () ->
                admin.getTaskExecution(
                    TaskExecutionGetRequest.newBuilder()
                        .setId(untyped.toBuilder().setRetryAttempt(3))
                        .build())),
        Status.Code.NOT_FOUND,
        "missing entity of type task execution");
    assertThat(
            admin
                .listTaskExecutions(
                    TaskExecutionListRequest.newBuilder()
                        .setNodeExecutionId(propeller.nodeId("n0"))
                        .setLimit(10)
                        .setFilters("eq(project," + project + ")+eq(task.name,t)")
                        .build())
                .getTaskExecutionsList())
        .hasSize(1);
    var data =
        admin.getTaskExecutionData(
            TaskExecutionGetDataRequest.newBuilder().setId(attempt.getId()).build());
    String base = "flyte://v1/" + project + "/" + DOMAIN + "/reads/n0/0";
    assertThat(data.getFlyteUrls().getInputs()).isEqualTo(base + "/i");
    assertThat(data.getFlyteUrls().getOutputs()).isEqualTo(base + "/o");
    assertThat(data.getFlyteUrls().getDeck()).isEmpty();
  }

  @Test
  void nodeDataReadsInputsAndOutputsFromTheBlobStore() {
    LiteralMap inputs = LiteralMap.newBuilder().putLiterals("x", integerLiteral(4)).build();
    LiteralMap outputs = LiteralMap.newBuilder().putLiterals("o0", integerLiteral(8)).build();
    propeller.node(
        propeller
            .nodeEvent("n3", flyteidl.core.Execution.NodeExecution.Phase.RUNNING)
            .setInputData(inputs));
    propeller.node(
        propeller
            .nodeEvent("n3", flyteidl.core.Execution.NodeExecution.Phase.SUCCEEDED)
            .setOutputData(outputs)
            .setDeckUri("s3://bucket/deck.html"));
    NodeExecutionGetDataResponse data =
        admin.getNodeExecutionData(
            NodeExecutionGetDataRequest.newBuilder().setId(propeller.nodeId("n3")).build());
    assertThat(data.getFullInputs()).isEqualTo(inputs);
    assertThat(data.getFullOutputs()).isEqualTo(outputs);
    String base = "flyte://v1/" + project + "/" + DOMAIN + "/reads/n3";
    assertThat(data.getFlyteUrls().getDeck()).isEqualTo(base + "/d");
    assertThat(data.hasDynamicWorkflow()).isFalse();
    assertStatus(
        status(
            () ->
                admin.getDynamicNodeWorkflow(
                    flyteidl.admin.NodeExecutionOuterClass.GetDynamicNodeWorkflowRequest
                        .newBuilder()
                        .setId(propeller.nodeId("n3"))
                        .build())),
        Status.Code.NOT_FOUND,
        "node does not contain dynamic workflow");
  }

  @Test
  void restRoutesServeNodeAndTaskExecutions() throws Exception {
    HttpResponse<byte[]> node =
        restJson("GET", "/api/v1/node_executions/" + project + "/" + DOMAIN + "/reads/n0", null);
    assertThat(node.statusCode()).isEqualTo(200);
    NodeExecution parsed = fromJson(node, NodeExecution.getDefaultInstance());
    assertThat(parsed.getClosure().getPhase())
        .isEqualTo(flyteidl.core.Execution.NodeExecution.Phase.SUCCEEDED);

    HttpResponse<byte[]> list =
        restJson(
            "GET",
            "/api/v1/node_executions/"
                + project
                + "/"
                + DOMAIN
                + "/reads?limit=10&unique_parent_id=n1",
            null);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(fromJson(list, NodeExecutionList.getDefaultInstance()).getNodeExecutionsCount())
        .isEqualTo(1);

    HttpResponse<byte[]> tasks =
        restJson(
            "GET", "/api/v1/task_executions/" + project + "/" + DOMAIN + "/reads/n0?limit=5", null);
    assertThat(tasks.statusCode()).isEqualTo(200);
    assertThat(fromJson(tasks, TaskExecutionList.getDefaultInstance()).getTaskExecutionsCount())
        .isEqualTo(1);

    HttpResponse<byte[]> event =
        restJson(
            "POST",
            "/api/v1/events/nodes",
            "{\"event\": {\"id\": {\"execution_id\": {\"project\": \""
                + project
                + "\", \"domain\": \""
                + DOMAIN
                + "\", \"name\": \"reads\"}, \"node_id\": \"n0\"}, \"phase\": \"RUNNING\","
                + " \"occurred_at\": \"2026-01-01T00:00:00Z\"}}");
    assertThat(event.statusCode()).isEqualTo(400); // FAILED_PRECONDITION: n0 is terminal
    assertThat(text(event))
        .contains("Invalid phase change from SUCCEEDED")
        .contains("\"already_in_terminal_state\":{\"current_phase\":\"RUNNING\"}");
    HttpResponse<byte[]> missing =
        restJson("GET", "/api/v1/node_executions/" + project + "/" + DOMAIN + "/reads/none", null);
    assertThat(missing.statusCode()).isEqualTo(404);
  }
}

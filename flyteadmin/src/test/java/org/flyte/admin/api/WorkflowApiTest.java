package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.admin.Common.NamedEntityIdentifierList;
import flyteidl.admin.Common.NamedEntityIdentifierListRequest;
import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.Common.Sort;
import flyteidl.admin.TaskOuterClass.Task;
import flyteidl.admin.WorkflowOuterClass.CreateWorkflowFailureReason;
import flyteidl.admin.WorkflowOuterClass.Workflow;
import flyteidl.admin.WorkflowOuterClass.WorkflowClosure;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateRequest;
import flyteidl.admin.WorkflowOuterClass.WorkflowList;
import flyteidl.core.Compiler.CompiledWorkflowClosure;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.Binding;
import flyteidl.core.Literals.BindingData;
import flyteidl.core.Types.OutputReference;
import flyteidl.core.Workflow.Node;
import flyteidl.core.Workflow.NodeMetadata;
import flyteidl.core.Workflow.TaskNode;
import flyteidl.core.Workflow.WorkflowMetadata;
import flyteidl.core.Workflow.WorkflowTemplate;
import io.grpc.Status;
import java.net.http.HttpResponse;
import java.util.List;
import org.flyte.common.storage.BlobStore;
import org.flyte.common.storage.DataReference;
import org.flyte.compiler.WorkflowCompiler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** CreateWorkflow, GetWorkflow, ListWorkflows and ListWorkflowIds over gRPC and REST. */
class WorkflowApiTest extends RegistrationFixtures {

  @Autowired private BlobStore blobs;

  private static Binding promise(String var, String node, String nodeVar) {
    return Binding.newBuilder()
        .setVar(var)
        .setBinding(
            BindingData.newBuilder()
                .setPromise(OutputReference.newBuilder().setNodeId(node).setVar(nodeVar)))
        .build();
  }

  /** {@code (x: int) -> o0}: {@code nodes} task nodes in a chain, each calling {@code task}. */
  static WorkflowTemplate chain(Identifier task, int nodes) {
    WorkflowTemplate.Builder wf =
        WorkflowTemplate.newBuilder()
            .setMetadata(WorkflowMetadata.getDefaultInstance())
            .setInterface(
                TypedInterface.newBuilder()
                    .setInputs(
                        VariableMap.newBuilder()
                            .putVariables("x", Variable.newBuilder().setType(integer()).build()))
                    .setOutputs(
                        VariableMap.newBuilder()
                            .putVariables("o0", Variable.newBuilder().setType(integer()).build())));
    String previous = "start-node";
    String previousVar = "x";
    for (int i = 0; i < nodes; i++) {
      String id = "n" + i;
      wf.addNodes(
          Node.newBuilder()
              .setId(id)
              .setMetadata(NodeMetadata.newBuilder().setName("t"))
              .addInputs(promise("x", previous, previousVar))
              .setTaskNode(TaskNode.newBuilder().setReferenceId(task)));
      previous = id;
      previousVar = "o0";
    }
    return wf.addOutputs(promise("o0", previous, previousVar)).build();
  }

  @Test
  void aRegisteredWorkflowIsCompiledStoredAsABlobAndReadBack() throws Exception {
    Identifier task = registerTask("t", "v1");
    Identifier id = workflowId("wf", "v1");

    admin.createWorkflow(workflowRequest(id, chain(task, 2)));
    Workflow workflow = admin.getWorkflow(ObjectGetRequest.newBuilder().setId(id).build());

    Task stored = admin.getTask(ObjectGetRequest.newBuilder().setId(task).build());
    CompiledWorkflowClosure expected =
        WorkflowCompiler.compileWorkflow(
            chain(task, 2).toBuilder().setId(id).build(),
            List.of(),
            List.of(stored.getClosure().getCompiledTask()),
            List.of());
    assertThat(workflow.getId()).isEqualTo(id);
    assertThat(workflow.getClosure().getCompiledWorkflow()).isEqualTo(expected);

    DataReference location =
        blobs.baseContainer().resolve("metadata", "admin", project, DOMAIN, "wf", "v1");
    WorkflowClosure blob = WorkflowClosure.parseFrom(blobs.read(location));
    assertThat(blob.getCompiledWorkflow()).isEqualTo(expected);
    String uri =
        jdbc.sql("SELECT remote_closure_identifier FROM workflows WHERE project = :p")
            .param("p", project)
            .query(String.class)
            .single();
    assertThat(uri).isEqualTo(location.toString());
    assertThat(workflow.getClosure().getCreatedAt().getSeconds()).isPositive();
  }

  @Test
  void reRegisteringAnswersWithTheFailureReasonDetail() throws Exception {
    Identifier task = registerTask("t", "v1");
    Identifier id = workflowId("wf", "v1");
    admin.createWorkflow(workflowRequest(id, chain(task, 1)));

    com.google.rpc.Status same =
        status(() -> admin.createWorkflow(workflowRequest(id, chain(task, 1))));
    assertStatus(
        same, Status.Code.ALREADY_EXISTS, "workflow with identical structure already exists");
    assertThat(reason(same.getDetails(0)).getExistsIdenticalStructure().getId()).isEqualTo(id);

    com.google.rpc.Status different =
        status(() -> admin.createWorkflow(workflowRequest(id, chain(task, 2))));
    assertStatus(
        different,
        Status.Code.INVALID_ARGUMENT,
        "wf workflow with different structure already exists. (Please register a new version of"
            + " the workflow):\n");
    assertThat(different.getMessage()).contains("/primary/template/nodes/");
    assertThat(reason(different.getDetails(0)).getExistsDifferentStructure().getId()).isEqualTo(id);
  }

  private static CreateWorkflowFailureReason reason(Any detail) throws Exception {
    return detail.unpack(CreateWorkflowFailureReason.class);
  }

  @Test
  void aWorkflowReferencingAMissingTaskOrLaunchPlanFailsCompilation() {
    Identifier missingTask = taskId("nosuch", "v1");
    com.google.rpc.Status s =
        status(
            () ->
                admin.createWorkflow(
                    workflowRequest(workflowId("wf", "v1"), chain(missingTask, 1))));
    assertStatus(
        s,
        Status.Code.INVALID_ARGUMENT,
        "failed to compile workflow for [resource_type:WORKFLOW project:\"" + project + "\"");
    assertThat(s.getMessage())
        .contains(
            "with err: missing entity of type TASK with identifier resource_type:TASK project:\""
                + project
                + "\"");
    assertThat(
            jdbc.sql("SELECT count(*) FROM workflows WHERE project = :p")
                .param("p", project)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(blobs.list(blobs.baseContainer().resolve("metadata", "admin", project))).isEmpty();
  }

  @Test
  void validationAndCompileErrorsAndTheNodeLimit() {
    Identifier task = registerTask("t", "v1");
    Identifier id = workflowId("wf", "v1");
    assertStatus(
        status(() -> admin.createWorkflow(WorkflowCreateRequest.getDefaultInstance())),
        Status.Code.INVALID_ARGUMENT,
        "missing id");
    assertStatus(
        status(() -> admin.createWorkflow(workflowRequest(task, chain(task, 1)))),
        Status.Code.INVALID_ARGUMENT,
        "unexpected resource type task for identifier");
    assertStatus(
        status(
            () ->
                admin.createWorkflow(
                    workflowRequest(id.toBuilder().setVersion("").build(), chain(task, 1)))),
        Status.Code.INVALID_ARGUMENT,
        "missing version");
    assertStatus(
        status(() -> admin.createWorkflow(WorkflowCreateRequest.newBuilder().setId(id).build())),
        Status.Code.INVALID_ARGUMENT,
        "missing spec");
    assertStatus(
        status(
            () ->
                admin.createWorkflow(
                    workflowRequest(
                        id.toBuilder().setProject("nosuchproject").build(), chain(task, 1)))),
        Status.Code.INVALID_ARGUMENT,
        "failed to validate that project [nosuchproject]");
    WorkflowTemplate badBinding =
        chain(task, 1).toBuilder().setOutputs(0, promise("o0", "n0", "nosuchoutput")).build();
    assertStatus(
        status(() -> admin.createWorkflow(workflowRequest(id, badBinding))),
        Status.Code.INVALID_ARGUMENT,
        "failed to compile workflow for [");
    assertStatus(
        status(() -> admin.createWorkflow(workflowRequest(id, chain(task, 101)))),
        Status.Code.INVALID_ARGUMENT,
        "number of nodes in workflow [resource_type:WORKFLOW");
    assertThat(
            status(() -> admin.createWorkflow(workflowRequest(id, chain(task, 101)))).getMessage())
        .endsWith("exceeds limit (101 > 100)");
    admin.createWorkflow(workflowRequest(id, chain(task, 100)));
  }

  @Test
  void getWorkflowOfAMissingWorkflowIsNotFound() {
    assertStatus(
        status(
            () ->
                admin.getWorkflow(
                    ObjectGetRequest.newBuilder().setId(workflowId("none", "v")).build())),
        Status.Code.NOT_FOUND,
        "missing entity of type WORKFLOW with identifier project:\""
            + project
            + "\" domain:\"development\" name:\"none\" version:\"v\"");
    assertThat(
            status(
                    () ->
                        admin.getWorkflow(
                            ObjectGetRequest.newBuilder()
                                .setId(workflowId("none", "v").toBuilder().clearResourceType())
                                .build()))
                .getMessage())
        .isEqualTo(
            "missing entity of type WORKFLOW with identifier project:\""
                + project
                + "\" domain:\"development\" name:\"none\" version:\"v\"");
    assertStatus(
        status(
            () ->
                admin.getWorkflow(
                    ObjectGetRequest.newBuilder()
                        .setId(
                            workflowId("none", "").toBuilder()
                                .setResourceType(ResourceType.UNSPECIFIED))
                        .build())),
        Status.Code.INVALID_ARGUMENT,
        "missing version");
  }

  @Test
  void listWorkflowsCarriesOnlyTheInterfaceAndPages() {
    Identifier task = registerTask("t", "v1");
    admin.createWorkflow(workflowRequest(workflowId("a", "v1"), chain(task, 1)));
    admin.createWorkflow(workflowRequest(workflowId("a", "v2"), chain(task, 2)));
    admin.createWorkflow(workflowRequest(workflowId("b", "v1"), chain(task, 1)));

    ResourceListRequest request =
        ResourceListRequest.newBuilder()
            .setId(
                NamedEntityIdentifier.newBuilder()
                    .setProject(project)
                    .setDomain(DOMAIN)
                    .setName("a"))
            .setLimit(1)
            .setSortBy(Sort.newBuilder().setKey("created_at"))
            .build();
    WorkflowList first = admin.listWorkflows(request);
    assertThat(first.getWorkflowsList())
        .extracting(w -> w.getId().getVersion())
        .containsExactly("v2");
    assertThat(first.getToken()).isEqualTo("1");
    Workflow item = first.getWorkflows(0);
    assertThat(item.getClosure().getCompiledWorkflow())
        .isEqualTo(
            CompiledWorkflowClosure.newBuilder()
                .setPrimary(
                    flyteidl.core.Compiler.CompiledWorkflow.newBuilder()
                        .setTemplate(
                            WorkflowTemplate.newBuilder()
                                .setInterface(chain(task, 1).getInterface())))
                .build());
    assertThat(item.getClosure().getCreatedAt().getSeconds()).isPositive();
    assertThat(admin.listWorkflows(request.toBuilder().setToken("1").build()).getWorkflowsList())
        .extracting(w -> w.getId().getVersion())
        .containsExactly("v1");

    assertThat(
            admin
                .listWorkflows(
                    request.toBuilder()
                        .setLimit(10)
                        .setId(request.getId().toBuilder().clearName())
                        .setFilters("eq(version,v1)")
                        .build())
                .getWorkflowsCount())
        .isEqualTo(2);
    assertStatus(
        status(
            () -> admin.listWorkflows(request.toBuilder().setFilters("eq(task.name,x)").build())),
        Status.Code.INVALID_ARGUMENT,
        "'t' entity is not allowed in filters");

    NamedEntityIdentifierList ids =
        admin.listWorkflowIds(
            NamedEntityIdentifierListRequest.newBuilder()
                .setProject(project)
                .setDomain(DOMAIN)
                .setLimit(10)
                .setSortBy(Sort.newBuilder().setKey("name").setDirection(Sort.Direction.ASCENDING))
                .build());
    assertThat(ids.getEntitiesList())
        .extracting(NamedEntityIdentifier::getName)
        .containsExactly("a", "b");
    assertStatus(
        status(
            () ->
                admin.listWorkflowIds(
                    NamedEntityIdentifierListRequest.newBuilder()
                        .setProject(project)
                        .setDomain(DOMAIN)
                        .build())),
        Status.Code.INVALID_ARGUMENT,
        "invalid value for limit");
  }

  @Test
  void restInJsonAndBinary() throws Exception {
    Identifier task = registerTask("t", "v1");
    Identifier id = workflowId("wf", "v1");
    HttpResponse<byte[]> created =
        restJson("POST", "/api/v1/workflows", json(workflowRequest(id, chain(task, 1))));
    assertThat(created.statusCode()).as(text(created)).isEqualTo(200);

    HttpResponse<byte[]> again =
        restBinary("POST", "/api/v1/workflows", workflowRequest(id, chain(task, 1)));
    assertThat(again.statusCode()).isEqualTo(409);
    com.google.rpc.Status status = com.google.rpc.Status.parseFrom(again.body());
    assertThat(reason(status.getDetails(0)).hasExistsIdenticalStructure()).isTrue();
    HttpResponse<byte[]> different =
        restBinary("POST", "/api/v1/workflows", workflowRequest(id, chain(task, 2)));
    assertThat(different.statusCode()).isEqualTo(400);

    HttpResponse<byte[]> binary =
        restBinary(
            "POST", "/api/v1/workflows", workflowRequest(workflowId("wf", "v2"), chain(task, 2)));
    assertThat(binary.statusCode()).isEqualTo(200);

    String base = "/api/v1/workflows/" + project + "/" + DOMAIN;
    Workflow grpc = admin.getWorkflow(ObjectGetRequest.newBuilder().setId(id).build());
    assertThat(Workflow.parseFrom(restBinary("GET", base + "/wf/v1", null).body())).isEqualTo(grpc);
    assertThat(fromJson(restJson("GET", base + "/wf/v1", null), Workflow.getDefaultInstance()))
        .isEqualTo(grpc);
    assertThat(restJson("GET", base + "/wf/v9", null).statusCode()).isEqualTo(404);

    assertThat(
            WorkflowList.parseFrom(restBinary("GET", base + "/wf?limit=5", null).body())
                .getWorkflowsCount())
        .isEqualTo(2);
    assertThat(
            fromJson(
                    restJson("GET", base + "?limit=5&filters=eq(version,v2)", null),
                    WorkflowList.getDefaultInstance())
                .getWorkflowsCount())
        .isEqualTo(1);
    assertThat(
            NamedEntityIdentifierList.parseFrom(
                    restBinary(
                            "GET",
                            "/api/v1/workflow_ids/" + project + "/" + DOMAIN + "?limit=5",
                            null)
                        .body())
                .getEntitiesCount())
        .isEqualTo(1);
    HttpResponse<byte[]> badLimit =
        restJson("GET", "/api/v1/workflow_ids/" + project + "/" + DOMAIN, null);
    assertThat(badLimit.statusCode()).isEqualTo(400);
  }
}

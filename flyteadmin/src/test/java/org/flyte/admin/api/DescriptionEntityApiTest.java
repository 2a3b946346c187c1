package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.admin.Common.Sort;
import flyteidl.admin.DescriptionEntityOuterClass.Description;
import flyteidl.admin.DescriptionEntityOuterClass.DescriptionEntity;
import flyteidl.admin.DescriptionEntityOuterClass.DescriptionEntityList;
import flyteidl.admin.DescriptionEntityOuterClass.DescriptionEntityListRequest;
import flyteidl.admin.DescriptionEntityOuterClass.DescriptionFormat;
import flyteidl.admin.DescriptionEntityOuterClass.SourceCode;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateRequest;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import io.grpc.Status;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** GetDescriptionEntity and ListDescriptionEntities over gRPC and REST. */
class DescriptionEntityApiTest extends RegistrationFixtures {

  private static DescriptionEntity description(String text) {
    return DescriptionEntity.newBuilder()
        .setShortDescription(text)
        .setLongDescription(
            Description.newBuilder()
                .setValue("long " + text)
                .setFormat(DescriptionFormat.DESCRIPTION_FORMAT_MARKDOWN))
        .setSourceCode(SourceCode.newBuilder().setLink("https://example.com/" + text))
        .addTags("tags are not stored")
        .build();
  }

  private Identifier describedTask(String name, String version) {
    Identifier id = taskId(name, version);
    admin.createTask(
        taskRequest(id, template("i")).toBuilder()
            .setSpec(
                TaskSpec.newBuilder()
                    .setTemplate(template("i"))
                    .setDescription(description(name + version)))
            .build());
    return id;
  }

  @Test
  void aTasksDescriptionIsReadBackWithoutItsTags() {
    Identifier id = describedTask("t", "v1");

    DescriptionEntity entity =
        admin.getDescriptionEntity(ObjectGetRequest.newBuilder().setId(id).build());

    assertThat(entity).isEqualTo(description("tv1").toBuilder().clearTags().setId(id).build());
    // The resource type defaults to TASK.
    assertThat(
            admin.getDescriptionEntity(
                ObjectGetRequest.newBuilder()
                    .setId(id.toBuilder().setResourceType(ResourceType.UNSPECIFIED))
                    .build()))
        .isEqualTo(entity);
  }

  @Test
  void aWorkflowsDescriptionIsStoredAndListsMixResourceTypesAsFlyteDoes() {
    Identifier task = describedTask("same", "v1");
    Identifier wf = id(ResourceType.WORKFLOW, "same", "v2");
    admin.createWorkflow(
        WorkflowCreateRequest.newBuilder()
            .setId(wf)
            .setSpec(
                WorkflowSpec.newBuilder()
                    .setTemplate(WorkflowApiTest.chain(task, 1))
                    .setDescription(description("wf")))
            .build());

    assertThat(
            admin
                .getDescriptionEntity(ObjectGetRequest.newBuilder().setId(wf).build())
                .getShortDescription())
        .isEqualTo("wf");
    DescriptionEntityListRequest request =
        DescriptionEntityListRequest.newBuilder()
            .setResourceType(ResourceType.WORKFLOW)
            .setId(
                NamedEntityIdentifier.newBuilder()
                    .setProject(project)
                    .setDomain(DOMAIN)
                    .setName("same"))
            .setLimit(10)
            .setSortBy(Sort.newBuilder().setKey("version").setDirection(Sort.Direction.ASCENDING))
            .build();
    DescriptionEntityList list = admin.listDescriptionEntities(request);
    assertThat(list.getDescriptionEntitiesList())
        .extracting(d -> d.getId().getResourceType())
        .containsExactly(ResourceType.TASK, ResourceType.WORKFLOW);

    DescriptionEntityList page =
        admin.listDescriptionEntities(request.toBuilder().setLimit(1).build());
    assertThat(page.getToken()).isEqualTo("1");
    assertThat(
            admin
                .listDescriptionEntities(request.toBuilder().setFilters("eq(version,v2)").build())
                .getDescriptionEntitiesCount())
        .isEqualTo(1);
  }

  @Test
  void errors() {
    Identifier missing = taskId("none", "v1");
    assertStatus(
        status(
            () -> admin.getDescriptionEntity(ObjectGetRequest.newBuilder().setId(missing).build())),
        Status.Code.NOT_FOUND,
        "entry not found");
    assertStatus(
        status(
            () ->
                admin.getDescriptionEntity(
                    ObjectGetRequest.newBuilder()
                        .setId(missing.toBuilder().setVersion(""))
                        .build())),
        Status.Code.INVALID_ARGUMENT,
        "missing version");
    DescriptionEntityListRequest request =
        DescriptionEntityListRequest.newBuilder()
            .setResourceType(ResourceType.TASK)
            .setId(NamedEntityIdentifier.newBuilder().setProject(project).setDomain(DOMAIN))
            .setLimit(10)
            .build();
    assertStatus(
        status(() -> admin.listDescriptionEntities(request)),
        Status.Code.INVALID_ARGUMENT,
        "missing name");
    DescriptionEntityListRequest named =
        request.toBuilder().setId(request.getId().toBuilder().setName("n")).build();
    assertStatus(
        status(() -> admin.listDescriptionEntities(named.toBuilder().setLimit(0).build())),
        Status.Code.INVALID_ARGUMENT,
        "invalid value for limit");
    assertStatus(
        status(
            () -> admin.listDescriptionEntities(named.toBuilder().setFilters("eq(x,1)").build())),
        Status.Code.INVALID_ARGUMENT,
        "'t.x' is invalid filter");
    assertStatus(
        status(
            () ->
                admin.listDescriptionEntities(
                    named.toBuilder().setSortBy(Sort.newBuilder().setKey("nope")).build())),
        Status.Code.INVALID_ARGUMENT,
        "invalid sort key 'nope'");
    assertStatus(
        status(() -> admin.listDescriptionEntities(named.toBuilder().setToken("x").build())),
        Status.Code.INVALID_ARGUMENT,
        "invalid pagination token x for ListWorkflows");
  }

  @Test
  void rest() throws Exception {
    Identifier id = describedTask("t", "v1");
    String path = "/api/v1/description_entities/TASK/" + project + "/" + DOMAIN + "/t";
    DescriptionEntity grpc =
        admin.getDescriptionEntity(ObjectGetRequest.newBuilder().setId(id).build());

    assertThat(DescriptionEntity.parseFrom(restBinary("GET", path + "/v1", null).body()))
        .isEqualTo(grpc);
    assertThat(
            fromJson(restJson("GET", path + "/v1", null), DescriptionEntity.getDefaultInstance()))
        .isEqualTo(grpc);
    HttpResponse<byte[]> missing = restJson("GET", path + "/v9", null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(jsonStatus(missing).getMessage()).isEqualTo("entry not found");

    assertThat(
            DescriptionEntityList.parseFrom(restBinary("GET", path + "?limit=5", null).body())
                .getDescriptionEntitiesList())
        .containsExactly(grpc);
    assertThat(
            fromJson(
                    restJson("GET", path + "?limit=5", null),
                    DescriptionEntityList.getDefaultInstance())
                .getDescriptionEntitiesList())
        .containsExactly(grpc);
    // The shorter route works only with id.name as a query parameter.
    String shortPath = "/api/v1/description_entities/TASK/" + project + "/" + DOMAIN;
    assertThat(restJson("GET", shortPath + "?limit=5", null).statusCode()).isEqualTo(400);
    assertThat(restJson("GET", shortPath + "?limit=5&id.name=t", null).statusCode()).isEqualTo(200);
  }
}

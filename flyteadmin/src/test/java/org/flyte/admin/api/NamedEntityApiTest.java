package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.admin.Common.NamedEntity;
import flyteidl.admin.Common.NamedEntityGetRequest;
import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.admin.Common.NamedEntityList;
import flyteidl.admin.Common.NamedEntityListRequest;
import flyteidl.admin.Common.NamedEntityMetadata;
import flyteidl.admin.Common.NamedEntityState;
import flyteidl.admin.Common.NamedEntityUpdateRequest;
import flyteidl.admin.Common.Sort;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import io.grpc.Status;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** GetNamedEntity, UpdateNamedEntity and ListNamedEntities over gRPC and REST. */
class NamedEntityApiTest extends RegistrationFixtures {

  private NamedEntityIdentifier named(String name) {
    return NamedEntityIdentifier.newBuilder()
        .setProject(project)
        .setDomain(DOMAIN)
        .setName(name)
        .build();
  }

  private NamedEntityGetRequest get(ResourceType type, String name) {
    return NamedEntityGetRequest.newBuilder().setResourceType(type).setId(named(name)).build();
  }

  private NamedEntityUpdateRequest update(
      ResourceType type, String name, String description, NamedEntityState state) {
    return NamedEntityUpdateRequest.newBuilder()
        .setResourceType(type)
        .setId(named(name))
        .setMetadata(NamedEntityMetadata.newBuilder().setDescription(description).setState(state))
        .build();
  }

  private NamedEntityListRequest list(ResourceType type) {
    return NamedEntityListRequest.newBuilder()
        .setResourceType(type)
        .setProject(project)
        .setDomain(DOMAIN)
        .setLimit(100)
        .setSortBy(Sort.newBuilder().setKey("name").setDirection(Sort.Direction.ASCENDING))
        .build();
  }

  /** Launch plans are registered elsewhere: a row is enough to make a named entity. */
  private void insertLaunchPlan(String name, String version) {
    jdbc.sql(
            "INSERT INTO launch_plans (created_at, updated_at, project, domain, name, version,"
                + " spec, closure) VALUES (:now, :now, :p, :d, :n, :v, :empty, :empty)")
        .param("now", Timestamp.from(Instant.now()))
        .param("p", project)
        .param("d", DOMAIN)
        .param("n", name)
        .param("v", version)
        .param("empty", new byte[0])
        .update();
  }

  @Test
  void anEntityWithoutMetadataIsActiveAndAnUpdateUpsertsItsMetadata() {
    registerTask("t", "v1");
    registerTask("t", "v2");

    NamedEntity entity = admin.getNamedEntity(get(ResourceType.TASK, "t"));
    assertThat(entity)
        .isEqualTo(
            NamedEntity.newBuilder()
                .setResourceType(ResourceType.TASK)
                .setId(named("t"))
                .setMetadata(
                    NamedEntityMetadata.newBuilder().setState(NamedEntityState.NAMED_ENTITY_ACTIVE))
                .build());

    admin.updateNamedEntity(
        update(ResourceType.TASK, "t", "my task", NamedEntityState.NAMED_ENTITY_ARCHIVED));
    assertThat(admin.getNamedEntity(get(ResourceType.TASK, "t")).getMetadata())
        .isEqualTo(
            NamedEntityMetadata.newBuilder()
                .setDescription("my task")
                .setState(NamedEntityState.NAMED_ENTITY_ARCHIVED)
                .build());

    // An empty description does not clear it; the state is always written.
    admin.updateNamedEntity(
        update(ResourceType.TASK, "t", "", NamedEntityState.NAMED_ENTITY_ACTIVE));
    assertThat(admin.getNamedEntity(get(ResourceType.TASK, "t")).getMetadata())
        .isEqualTo(
            NamedEntityMetadata.newBuilder()
                .setDescription("my task")
                .setState(NamedEntityState.NAMED_ENTITY_ACTIVE)
                .build());
  }

  @Test
  void launchPlanNamedEntitiesReadTheLaunchPlansTable() {
    insertLaunchPlan("lp", "v1");

    assertThat(admin.getNamedEntity(get(ResourceType.LAUNCH_PLAN, "lp")).getId())
        .isEqualTo(named("lp"));
    admin.updateNamedEntity(
        update(ResourceType.LAUNCH_PLAN, "lp", "", NamedEntityState.NAMED_ENTITY_ARCHIVED));
    assertThat(
            admin
                .listNamedEntities(
                    list(ResourceType.LAUNCH_PLAN).toBuilder().setFilters("eq(state,1)").build())
                .getEntitiesList())
        .extracting(e -> e.getId().getName())
        .containsExactly("lp");
    assertStatus(
        status(() -> admin.getNamedEntity(get(ResourceType.WORKFLOW, "lp"))),
        Status.Code.NOT_FOUND,
        "entry not found");
  }

  @Test
  void errors() {
    registerTask("t", "v1");
    assertStatus(
        status(() -> admin.getNamedEntity(get(ResourceType.UNSPECIFIED, "t"))),
        Status.Code.INVALID_ARGUMENT,
        "invalid value for resource_type");
    assertStatus(
        status(() -> admin.getNamedEntity(get(ResourceType.TASK, ""))),
        Status.Code.INVALID_ARGUMENT,
        "missing name");
    assertStatus(
        status(() -> admin.getNamedEntity(get(ResourceType.TASK, "none"))),
        Status.Code.NOT_FOUND,
        "entry not found");
    assertStatus(
        status(() -> admin.getNamedEntity(get(ResourceType.DATASET, "t"))),
        Status.Code.INVALID_ARGUMENT,
        "Cannot get NamedEntityMetadata for resource type: DATASET");
    assertStatus(
        status(
            () ->
                admin.updateNamedEntity(
                    update(ResourceType.TASK, "t", "", NamedEntityState.NAMED_ENTITY_ACTIVE)
                        .toBuilder()
                        .clearMetadata()
                        .build())),
        Status.Code.INVALID_ARGUMENT,
        "missing metadata");
    assertStatus(
        status(
            () ->
                admin.updateNamedEntity(
                    update(ResourceType.DATASET, "t", "", NamedEntityState.NAMED_ENTITY_ARCHIVED))),
        Status.Code.INVALID_ARGUMENT,
        "Resource [DATASET] cannot have its state updated");
    assertStatus(
        status(
            () ->
                admin.updateNamedEntity(
                    update(ResourceType.TASK, "none", "d", NamedEntityState.NAMED_ENTITY_ACTIVE))),
        Status.Code.NOT_FOUND,
        "entry not found");
    assertThat(
            jdbc.sql("SELECT count(*) FROM named_entity_metadata WHERE project = :p")
                .param("p", project)
                .query(Long.class)
                .single())
        .isZero();
    assertStatus(
        status(
            () -> admin.listNamedEntities(list(ResourceType.TASK).toBuilder().setLimit(0).build())),
        Status.Code.INVALID_ARGUMENT,
        "invalid value for limit");
    assertStatus(
        status(
            () ->
                admin.listNamedEntities(
                    list(ResourceType.TASK).toBuilder()
                        .setSortBy(Sort.newBuilder().setKey("created_at"))
                        .build())),
        Status.Code.INVALID_ARGUMENT,
        "invalid sort key 'created_at'");
    assertStatus(
        status(
            () ->
                admin.listNamedEntities(
                    list(ResourceType.TASK).toBuilder().setFilters("eq(version,1)").build())),
        Status.Code.INVALID_ARGUMENT,
        "'nen.version' is invalid filter");
    assertStatus(
        status(() -> admin.listNamedEntities(list(ResourceType.UNSPECIFIED))),
        Status.Code.INVALID_ARGUMENT,
        "invalid value for resource_type");
    assertStatus(
        status(
            () ->
                admin.listNamedEntities(list(ResourceType.TASK).toBuilder().setToken("x").build())),
        Status.Code.INVALID_ARGUMENT,
        "invalid pagination token x for ListNamedEntities");
  }

  @Test
  void listsHideFlytegenNamesByDefaultFilterOnStateAndPage() {
    registerTask("a", "v1");
    registerTask("a", "v2");
    registerTask("b", "v1");
    registerTask("c", "v1");
    registerTask(".flytegen.a", "v1");
    admin.updateNamedEntity(
        update(ResourceType.TASK, "b", "", NamedEntityState.NAMED_ENTITY_ARCHIVED));

    assertThat(admin.listNamedEntities(list(ResourceType.TASK)).getEntitiesList())
        .extracting(e -> e.getId().getName())
        .containsExactly("a", "b", "c");
    assertThat(
            admin
                .listNamedEntities(
                    list(ResourceType.TASK).toBuilder().setFilters("eq(state,0)").build())
                .getEntitiesList())
        .extracting(e -> e.getId().getName())
        .containsExactly(".flytegen.a", "a", "c");
    assertThat(
            admin
                .listNamedEntities(
                    list(ResourceType.TASK).toBuilder().setFilters("eq(state,1)").build())
                .getEntitiesList())
        .extracting(e -> e.getId().getName())
        .containsExactly("b");
    assertThat(
            admin
                .listNamedEntities(
                    list(ResourceType.TASK).toBuilder()
                        .setFilters("contains(name,a)+eq(state,0)")
                        .build())
                .getEntitiesList())
        .extracting(e -> e.getId().getName())
        .containsExactly(".flytegen.a", "a");

    NamedEntityList page =
        admin.listNamedEntities(list(ResourceType.TASK).toBuilder().setLimit(2).build());
    assertThat(page.getEntitiesList())
        .extracting(e -> e.getId().getName())
        .containsExactly("a", "b");
    assertThat(page.getToken()).isEqualTo("2");
    NamedEntityList next =
        admin.listNamedEntities(
            list(ResourceType.TASK).toBuilder().setLimit(2).setToken("2").build());
    assertThat(next.getEntitiesList()).extracting(e -> e.getId().getName()).containsExactly("c");
    assertThat(next.getToken()).isEmpty();

    // Paging applies to the names before the metadata filters, as in Flyte: a page can be short.
    NamedEntityList archivedPage =
        admin.listNamedEntities(
            list(ResourceType.TASK).toBuilder()
                .setLimit(2)
                .setFilters("eq(state,1)+not_like(name,.flytegen%)")
                .build());
    assertThat(archivedPage.getEntitiesList())
        .extracting(e -> e.getId().getName())
        .containsExactly("b");
    assertThat(admin.listNamedEntities(list(ResourceType.WORKFLOW)).getEntitiesList()).isEmpty();
  }

  @Test
  void rest() throws Exception {
    registerTask("t", "v1");
    String path = "/api/v1/named_entities/TASK/" + project + "/" + DOMAIN;

    HttpResponse<byte[]> put =
        restJson(
            "PUT",
            path + "/t",
            json(update(ResourceType.TASK, "t", "desc", NamedEntityState.NAMED_ENTITY_ARCHIVED)));
    assertThat(put.statusCode()).as(text(put)).isEqualTo(200);
    HttpResponse<byte[]> putBinary =
        restBinary(
            "PUT",
            path + "/t",
            update(ResourceType.TASK, "t", "", NamedEntityState.NAMED_ENTITY_ACTIVE));
    assertThat(putBinary.statusCode()).isEqualTo(200);

    NamedEntity grpc = admin.getNamedEntity(get(ResourceType.TASK, "t"));
    assertThat(grpc.getMetadata().getDescription()).isEqualTo("desc");
    assertThat(NamedEntity.parseFrom(restBinary("GET", path + "/t", null).body())).isEqualTo(grpc);
    assertThat(fromJson(restJson("GET", path + "/t", null), NamedEntity.getDefaultInstance()))
        .isEqualTo(grpc);
    // The resource type may be given by number in the path.
    assertThat(
            restJson("GET", "/api/v1/named_entities/1/" + project + "/" + DOMAIN + "/t", null)
                .statusCode())
        .isEqualTo(200);

    assertThat(
            NamedEntityList.parseFrom(restBinary("GET", path + "?limit=10", null).body())
                .getEntitiesList())
        .containsExactly(grpc);
    assertThat(
            fromJson(
                    restJson("GET", path + "?limit=10&filters=eq(state,0)", null),
                    NamedEntityList.getDefaultInstance())
                .getEntitiesList())
        .containsExactly(grpc);

    HttpResponse<byte[]> missing = restJson("GET", path + "/none", null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(jsonStatus(missing).getMessage()).isEqualTo("entry not found");
    assertThat(restJson("GET", path + "?limit=0", null).statusCode()).isEqualTo(400);
  }
}

package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.admin.Common.NamedEntityIdentifierList;
import flyteidl.admin.Common.NamedEntityIdentifierListRequest;
import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.Common.Sort;
import flyteidl.admin.DescriptionEntityOuterClass.Description;
import flyteidl.admin.DescriptionEntityOuterClass.DescriptionEntity;
import flyteidl.admin.TaskOuterClass.Task;
import flyteidl.admin.TaskOuterClass.TaskCreateRequest;
import flyteidl.admin.TaskOuterClass.TaskList;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Tasks.Resources;
import flyteidl.core.Tasks.Resources.ResourceEntry;
import flyteidl.core.Tasks.Resources.ResourceName;
import flyteidl.core.Tasks.TaskTemplate;
import io.grpc.Status;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** CreateTask, GetTask, ListTasks and ListTaskIds over gRPC and REST. */
class TaskApiTest extends RegistrationFixtures {

  private static TaskTemplate withResources(
      List<ResourceEntry> requests, List<ResourceEntry> limits) {
    TaskTemplate t = template("img:1");
    return t.toBuilder()
        .setContainer(
            t.getContainer().toBuilder()
                .setResources(Resources.newBuilder().addAllRequests(requests).addAllLimits(limits)))
        .build();
  }

  private static ResourceEntry entry(ResourceName name, String value) {
    return ResourceEntry.newBuilder().setName(name).setValue(value).build();
  }

  @Test
  void aRegisteredTaskIsReadBackWithItsIdInTheTemplateAndTheRowsCreationTime() {
    Identifier id = taskId("t1", "v1");
    admin.createTask(taskRequest(id, template("img:1")));

    Task task = admin.getTask(ObjectGetRequest.newBuilder().setId(id).build());

    assertThat(task.getId()).isEqualTo(id);
    assertThat(task.getClosure().getCompiledTask().getTemplate())
        .isEqualTo(template("img:1").toBuilder().setId(id).build());
    assertThat(task.getClosure().getCreatedAt().getSeconds()).isPositive();
    // GetTask defaults the resource type.
    Task untyped =
        admin.getTask(
            ObjectGetRequest.newBuilder()
                .setId(id.toBuilder().setResourceType(ResourceType.UNSPECIFIED))
                .build());
    assertThat(untyped).isEqualTo(task);
    assertThat(
            jdbc.sql("SELECT type FROM tasks WHERE project = :p")
                .param("p", project)
                .query(String.class)
                .single())
        .isEqualTo("python-task");
  }

  @Test
  void aWhitelistedTaskTypeIsOnlyRegisteredInTheProjectsAndDomainsItNames() {
    for (String id : List.of("whitelisted", "whitelisted-domain")) {
      jdbc.sql(
              "INSERT INTO projects (identifier, name, description, state, created_at, updated_at)"
                  + " VALUES (:id, :id, '', 0, now(), now()) ON CONFLICT DO NOTHING")
          .param("id", id)
          .update();
    }
    TaskTemplate restricted = template("img:1").toBuilder().setType("restricted").build();
    String name = "t" + UUID.randomUUID();
    java.util.function.BiFunction<String, String, Identifier> in =
        (p, d) -> taskId(name, "v1").toBuilder().setProject(p).setDomain(d).build();

    assertStatus(
        status(() -> admin.createTask(taskRequest(taskId(name, "v1"), restricted))),
        Status.Code.INVALID_ARGUMENT,
        "task type must be whitelisted before use");
    assertStatus(
        status(
            () ->
                admin.createTask(
                    taskRequest(in.apply("whitelisted-domain", "development"), restricted))),
        Status.Code.INVALID_ARGUMENT,
        "task type must be whitelisted before use");
    admin.createTask(taskRequest(in.apply("whitelisted", "production"), restricted));
    admin.createTask(taskRequest(in.apply("whitelisted-domain", "staging"), restricted));
    // Other types stay open to every project.
    admin.createTask(taskRequest(taskId(name, "v2"), template("img:1")));
  }

  @Test
  void reRegisteringIsAlreadyExistsWhenIdenticalAndInvalidArgumentWithTheDifferencesOtherwise() {
    Identifier id = registerTask("t", "v1");

    assertStatus(
        status(() -> admin.createTask(taskRequest(id, template("img:1")))),
        Status.Code.ALREADY_EXISTS,
        "task with identical structure already exists");
    com.google.rpc.Status different =
        status(() -> admin.createTask(taskRequest(id, template("img:2"))));
    assertStatus(
        different,
        Status.Code.INVALID_ARGUMENT,
        "t task with different structure already exists. (Please register a new version of the"
            + " task):\n");
    assertThat(different.getMessage())
        .contains("/template/container/image:\n\t- img:1 \n\t+ img:2");
    assertThat(
            admin
                .getTask(ObjectGetRequest.newBuilder().setId(id).build())
                .getClosure()
                .getCompiledTask()
                .getTemplate()
                .getContainer()
                .getImage())
        .isEqualTo("img:1");
  }

  @Test
  void theDigestIsFlytesObjecthashOfTheCompiledTask() {
    Identifier id = registerTask("t", "v1");
    byte[] digest =
        jdbc.sql("SELECT digest FROM tasks WHERE project = :p")
            .param("p", project)
            .query(byte[].class)
            .single();
    Task task = admin.getTask(ObjectGetRequest.newBuilder().setId(id).build());
    assertThat(digest)
        .hasSize(32)
        .isEqualTo(org.flyte.admin.service.digest.Digests.of(task.getClosure().getCompiledTask()));
  }

  @Test
  void everyValidationErrorHasFlytesCodeAndMessageAndChangesNothing() {
    TaskTemplate ok = template("img:1");
    Identifier id = taskId("t", "v1");
    record Case(TaskCreateRequest request, String message) {}
    List<Case> cases =
        List.of(
            new Case(TaskCreateRequest.newBuilder().build(), "missing id"),
            new Case(
                taskRequest(id.toBuilder().setResourceType(ResourceType.WORKFLOW).build(), ok),
                "unexpected resource type workflow for identifier [resource_type:WORKFLOW"),
            new Case(taskRequest(id.toBuilder().setProject("").build(), ok), "missing project"),
            new Case(taskRequest(id.toBuilder().setDomain("").build(), ok), "missing domain"),
            new Case(taskRequest(id.toBuilder().setName("").build(), ok), "missing name"),
            new Case(taskRequest(id.toBuilder().setVersion("").build(), ok), "missing version"),
            new Case(
                taskRequest(id.toBuilder().setProject("nosuchproject").build(), ok),
                "failed to validate that project [nosuchproject] and domain [development] are"
                    + " registered"),
            new Case(
                taskRequest(id.toBuilder().setDomain("nosuchdomain").build(), ok),
                "domain [nosuchdomain] is unrecognized by system"),
            new Case(TaskCreateRequest.newBuilder().setId(id).build(), "missing spec"),
            new Case(
                TaskCreateRequest.newBuilder()
                    .setId(id)
                    .setSpec(TaskSpec.getDefaultInstance())
                    .build(),
                "missing spec"),
            new Case(taskRequest(id, ok.toBuilder().setType("").build()), "missing type"),
            new Case(taskRequest(id, ok.toBuilder().clearMetadata().build()), "missing metadata"),
            new Case(
                taskRequest(
                    id,
                    ok.toBuilder()
                        .setMetadata(
                            ok.getMetadata().toBuilder()
                                .setRuntime(
                                    ok.getMetadata().getRuntime().toBuilder().setVersion("")))
                        .build()),
                "missing runtime version"),
            new Case(
                taskRequest(id, ok.toBuilder().clearInterface().build()),
                "missing typed interface"),
            new Case(
                taskRequest(
                    id,
                    ok.toBuilder()
                        .setContainer(ok.getContainer().toBuilder().setImage(""))
                        .build()),
                "missing image"),
            new Case(
                taskRequest(id, withResources(List.of(entry(ResourceName.CPU, "4")), List.of())),
                "Requested CPU default [4] is greater than current limit set in the platform"
                    + " configuration [2]. Please contact Flyte Admins"),
            new Case(
                taskRequest(
                    id,
                    withResources(
                        List.of(entry(ResourceName.MEMORY, "100Mi")),
                        List.of(entry(ResourceName.MEMORY, "2Gi")))),
                "Requested MEMORY limit [2Gi] is greater than current limit set in the platform"
                    + " configuration [1Gi]"),
            new Case(
                taskRequest(
                    id,
                    withResources(
                        // Quantities compare rounded up to whole numbers, as Go's Value() does.
                        List.of(entry(ResourceName.CPU, "2")),
                        List.of(entry(ResourceName.CPU, "500m")))),
                "Requested CPU default [2] is greater than the limit [500m]. Please fix your"
                    + " configuration"),
            new Case(
                taskRequest(
                    id,
                    withResources(
                        List.of(entry(ResourceName.GPU, "1")),
                        List.of(entry(ResourceName.GPU, "2")))),
                "For extended resource 'gpu' the default value must equal the limit value"),
            new Case(
                taskRequest(id, withResources(List.of(entry(ResourceName.GPU, "0.5")), List.of())),
                "gpu for [<nil>] must be a whole number, got: 0.5 instead"),
            new Case(
                taskRequest(
                    id,
                    withResources(
                        List.of(entry(ResourceName.CPU, "1"), entry(ResourceName.CPU, "1")),
                        List.of())),
                "can't specify CPU limit for task"),
            new Case(
                taskRequest(id, withResources(List.of(entry(ResourceName.CPU, "lots")), List.of())),
                "Parsing of CPU request failed for value lots"),
            new Case(
                taskRequest(
                    id,
                    ok.toBuilder()
                        .setContainer(
                            ok.getContainer().toBuilder()
                                .setResources(
                                    Resources.newBuilder()
                                        .addLimits(entry(ResourceName.MEMORY, "1.5.5"))))
                        .build()),
                "Parsing of MEMORY request failed for value 1.5.5"));
    for (Case c : cases) {
      assertThat(
              jdbc.sql("SELECT count(*) FROM tasks WHERE project = :p")
                  .param("p", project)
                  .query(Long.class)
                  .single())
          .as(c.message())
          .isZero();
      com.google.rpc.Status s;
      try {
        s = status(() -> admin.createTask(c.request()));
      } catch (AssertionError e) {
        throw new AssertionError(c.message(), e);
      }
      assertStatus(s, Status.Code.INVALID_ARGUMENT, c.message());
    }
    assertThat(
            jdbc.sql("SELECT count(*) FROM tasks WHERE project = :p")
                .param("p", project)
                .query(Long.class)
                .single())
        .isZero();
  }

  private static TaskTemplate pod(String podSpecJson) throws Exception {
    flyteidl.core.Tasks.K8sPod.Builder pod = flyteidl.core.Tasks.K8sPod.newBuilder();
    if (podSpecJson != null) {
      com.google.protobuf.Struct.Builder spec = com.google.protobuf.Struct.newBuilder();
      com.google.protobuf.util.JsonFormat.parser().merge(podSpecJson, spec);
      pod.setPodSpec(spec);
    }
    return template("i").toBuilder().clearContainer().setType("sidecar").setK8SPod(pod).build();
  }

  @Test
  void podTasksHaveEachContainersResourcesCheckedAgainstThePlatformLimits() throws Exception {
    assertStatus(
        status(() -> admin.createTask(taskRequest(taskId("p", "v1"), uncheck(() -> pod(null))))),
        Status.Code.INVALID_ARGUMENT,
        "invalid TaskSpecification, pod tasks should specify their target as a K8sPod with a"
            + " defined pod spec");
    String big =
        "{\"containers\":[{\"name\":\"main\",\"image\":\"i\",\"resources\":"
            + "{\"requests\":{\"cpu\":\"1\",\"memory\":\"3Gi\"}}}]}";
    assertStatus(
        status(() -> admin.createTask(taskRequest(taskId("p", "v1"), uncheck(() -> pod(big))))),
        Status.Code.INVALID_ARGUMENT,
        "Requested MEMORY default [3Gi] is greater than current limit set in the platform"
            + " configuration [1Gi]");
    String fits =
        "{\"containers\":[{\"name\":\"main\",\"image\":\"i\",\"resources\":"
            + "{\"requests\":{\"cpu\":1,\"ephemeral-storage\":\"1Gi\"},"
            + "\"limits\":{\"cpu\":\"2\"}}}]}";
    admin.createTask(taskRequest(taskId("p", "v1"), pod(fits)));
    assertThat(
            admin
                .getTask(ObjectGetRequest.newBuilder().setId(taskId("p", "v1")).build())
                .getClosure()
                .getCompiledTask()
                .getTemplate()
                .hasK8SPod())
        .isTrue();
  }

  private interface Failing<T> {
    T get() throws Exception;
  }

  private static <T> T uncheck(Failing<T> call) {
    try {
      return call.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aTaskResourceAttributeReplacesTheConfiguredLimits() {
    TaskTemplate fourCpus = withResources(List.of(entry(ResourceName.CPU, "4")), List.of());
    assertStatus(
        status(() -> admin.createTask(taskRequest(taskId("big", "v1"), fourCpus))),
        Status.Code.INVALID_ARGUMENT,
        "Requested CPU default [4] is greater than current limit set in the platform"
            + " configuration [2]");

    // A project-domain TASK_RESOURCE attribute (written directly: its RPCs are built elsewhere).
    flyteidl.admin.MatchableResourceOuterClass.MatchingAttributes attributes =
        flyteidl.admin.MatchableResourceOuterClass.MatchingAttributes.newBuilder()
            .setTaskResourceAttributes(
                flyteidl.admin.MatchableResourceOuterClass.TaskResourceAttributes.newBuilder()
                    .setLimits(
                        flyteidl.admin.MatchableResourceOuterClass.TaskResourceSpec.newBuilder()
                            .setCpu("8")))
            .build();
    jdbc.sql(
            "INSERT INTO resources (created_at, updated_at, project, domain, workflow, launch_plan,"
                + " resource_type, priority, attributes) VALUES (now(), now(), :p, :d, '', '',"
                + " 'TASK_RESOURCE', 10, :a)")
        .param("p", project)
        .param("d", DOMAIN)
        .param("a", attributes.toByteArray())
        .update();

    admin.createTask(taskRequest(taskId("big", "v1"), fourCpus));
    // No per-field merge: the attribute sets no memory limit, so 3Gi passes too.
    admin.createTask(
        taskRequest(
            taskId("big", "v2"),
            withResources(List.of(entry(ResourceName.MEMORY, "3Gi")), List.of())));
    assertStatus(
        status(
            () ->
                admin.createTask(
                    taskRequest(
                        taskId("big", "v3"),
                        withResources(List.of(entry(ResourceName.CPU, "9")), List.of())))),
        Status.Code.INVALID_ARGUMENT,
        "Requested CPU default [9] is greater than current limit set in the platform"
            + " configuration [8]");
  }

  @Test
  void anInactiveProjectIsRefusedWithTheInactiveProjectDetail() {
    insertProject(project + "x", 1);
    com.google.rpc.Status s =
        status(
            () ->
                admin.createTask(
                    taskRequest(
                        taskId("t", "v").toBuilder().setProject(project + "x").build(),
                        template("i"))));
    assertStatus(s, Status.Code.INVALID_ARGUMENT, "project [" + project + "x] is not active");
    assertThat(s.getDetailsList()).hasSize(1);
  }

  @Test
  void aTemplateThatDoesNotCompileIsInvalidArgument() {
    TaskTemplate bad =
        template("img").toBuilder()
            .setContainer(
                template("img").getContainer().toBuilder()
                    .setResources(
                        Resources.newBuilder().addRequests(entry(ResourceName.UNKNOWN, "x"))))
            .build();
    com.google.rpc.Status s = status(() -> admin.createTask(taskRequest(taskId("t", "v"), bad)));
    assertStatus(s, Status.Code.INVALID_ARGUMENT, "task failed compilation with ");
  }

  @Test
  void aDescriptionIsStoredAsADescriptionEntityAndItsShortDescriptionOnTheTask() {
    Identifier id = taskId("t", "v1");
    admin.createTask(
        taskRequest(id, template("i")).toBuilder()
            .setSpec(
                TaskSpec.newBuilder()
                    .setTemplate(template("i"))
                    .setDescription(
                        DescriptionEntity.newBuilder()
                            .setShortDescription("short")
                            .setLongDescription(Description.newBuilder().setValue("long"))))
            .build());

    assertThat(admin.getTask(ObjectGetRequest.newBuilder().setId(id).build()).getShortDescription())
        .isEqualTo("short");
    assertThat(
            jdbc.sql(
                    "SELECT short_description FROM description_entities WHERE project = :p AND resource_type = 1")
                .param("p", project)
                .query(String.class)
                .single())
        .isEqualTo("short");
  }

  @Test
  void getTaskOfAMissingTaskIsNotFoundWithFlytesMessage() {
    String expected =
        "missing entity of type TASK with identifier project:\""
            + project
            + "\" domain:\"development\" name:\"none\" version:\"v\"";
    com.google.rpc.Status typed =
        status(
            () -> admin.getTask(ObjectGetRequest.newBuilder().setId(taskId("none", "v")).build()));
    assertThat(typed.getCode()).isEqualTo(Status.Code.NOT_FOUND.value());
    assertThat(typed.getMessage()).isEqualTo(expected);
    com.google.rpc.Status untyped =
        status(
            () ->
                admin.getTask(
                    ObjectGetRequest.newBuilder()
                        .setId(taskId("none", "v").toBuilder().clearResourceType())
                        .build()));
    assertThat(untyped.getMessage()).isEqualTo(expected);
  }

  @Test
  void listTasksFiltersSortsAndPages() {
    registerTask("a", "v1");
    registerTask("a", "v2");
    registerTask("a", "v3");
    registerTask("b", "v1");

    ResourceListRequest byName =
        ResourceListRequest.newBuilder()
            .setId(
                NamedEntityIdentifier.newBuilder()
                    .setProject(project)
                    .setDomain(DOMAIN)
                    .setName("a"))
            .setLimit(2)
            .setSortBy(Sort.newBuilder().setKey("version").setDirection(Sort.Direction.DESCENDING))
            .build();
    TaskList first = admin.listTasks(byName);
    assertThat(first.getTasksList())
        .extracting(t -> t.getId().getVersion())
        .containsExactly("v3", "v2");
    assertThat(first.getToken()).isEqualTo("2");
    TaskList second = admin.listTasks(byName.toBuilder().setToken("2").build());
    assertThat(second.getTasksList()).extracting(t -> t.getId().getVersion()).containsExactly("v1");
    assertThat(second.getToken()).isEmpty();

    TaskList filtered =
        admin.listTasks(
            byName.toBuilder()
                .setId(byName.getId().toBuilder().clearName())
                .setLimit(10)
                .setFilters("eq(version,v1)+value_in(name,a;b)")
                .setSortBy(Sort.newBuilder().setKey("name").setDirection(Sort.Direction.ASCENDING))
                .build());
    assertThat(filtered.getTasksList())
        .extracting(t -> t.getId().getName())
        .containsExactly("a", "b");

    assertStatus(
        status(() -> admin.listTasks(byName.toBuilder().setFilters("eq(nosuch,1)").build())),
        Status.Code.INVALID_ARGUMENT,
        "'t.nosuch' is invalid filter");
    assertStatus(
        status(() -> admin.listTasks(byName.toBuilder().setFilters("garbage").build())),
        Status.Code.INVALID_ARGUMENT,
        "invalid value for filters");
    assertStatus(
        status(
            () ->
                admin.listTasks(
                    byName.toBuilder().setSortBy(Sort.newBuilder().setKey("x")).build())),
        Status.Code.INVALID_ARGUMENT,
        "invalid sort key 'x'");
    assertStatus(
        status(() -> admin.listTasks(byName.toBuilder().setLimit(0).build())),
        Status.Code.INVALID_ARGUMENT,
        "invalid value for limit");
    assertStatus(
        status(() -> admin.listTasks(byName.toBuilder().setToken("abc").build())),
        Status.Code.INVALID_ARGUMENT,
        "invalid pagination token abc for ListTasks");
    assertStatus(
        status(() -> admin.listTasks(byName.toBuilder().clearId().build())),
        Status.Code.INVALID_ARGUMENT,
        "missing id");
  }

  @Test
  void listTaskIdsGroupsNamesAndIgnoresFilters() {
    registerTask("a", "v1");
    registerTask("a", "v2");
    registerTask("b", "v1");
    NamedEntityIdentifierListRequest request =
        NamedEntityIdentifierListRequest.newBuilder()
            .setProject(project)
            .setDomain(DOMAIN)
            .setLimit(10)
            .setFilters("eq(name,b)")
            .setSortBy(Sort.newBuilder().setKey("name").setDirection(Sort.Direction.ASCENDING))
            .build();

    NamedEntityIdentifierList ids = admin.listTaskIds(request);

    assertThat(ids.getEntitiesList())
        .extracting(NamedEntityIdentifier::getName)
        .containsExactly("a", "b");
    assertThat(admin.listTaskIds(request.toBuilder().setLimit(1).build()).getToken())
        .isEqualTo("1");
    registerTask("c", "v1");
    NamedEntityIdentifierListRequest descending =
        request.toBuilder()
            .setLimit(2)
            .setSortBy(Sort.newBuilder().setKey("name").setDirection(Sort.Direction.DESCENDING))
            .build();
    NamedEntityIdentifierList first = admin.listTaskIds(descending);
    assertThat(first.getEntitiesList())
        .extracting(NamedEntityIdentifier::getName)
        .containsExactly("c", "b");
    assertThat(first.getEntitiesList())
        .allSatisfy(
            e -> {
              assertThat(e.getProject()).isEqualTo(project);
              assertThat(e.getDomain()).isEqualTo(DOMAIN);
            });
    assertThat(
            admin
                .listTaskIds(descending.toBuilder().setToken(first.getToken()).build())
                .getEntitiesList())
        .extracting(NamedEntityIdentifier::getName)
        .containsExactly("a");
    assertThat(admin.listTaskIds(request.toBuilder().clearSortBy().build()).getEntitiesList())
        .extracting(NamedEntityIdentifier::getName)
        .containsExactly("a", "b", "c");
    assertStatus(
        status(() -> admin.listTaskIds(request.toBuilder().setProject("").build())),
        Status.Code.INVALID_ARGUMENT,
        "missing project");
  }

  @Test
  void restRegistersInJsonAndBinaryAndAnswersErrorsWithTheirHttpStatus() throws Exception {
    Identifier id = taskId("rest", "v1");
    HttpResponse<byte[]> created =
        restJson("POST", "/api/v1/tasks", json(taskRequest(id, template("img:1"))));
    assertThat(created.statusCode()).as(text(created)).isEqualTo(200);

    HttpResponse<byte[]> again =
        restBinary("POST", "/api/v1/tasks", taskRequest(id, template("img:1")));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(com.google.rpc.Status.parseFrom(again.body()).getMessage())
        .isEqualTo("task with identical structure already exists");

    HttpResponse<byte[]> conflicting =
        restJson("POST", "/api/v1/tasks", json(taskRequest(id, template("img:2"))));
    assertThat(conflicting.statusCode()).isEqualTo(400);
    assertThat(jsonStatus(conflicting).getMessage()).contains("task with different structure");

    HttpResponse<byte[]> binaryCreate =
        restBinary("POST", "/api/v1/tasks", taskRequest(taskId("rest", "v2"), template("img:1")));
    assertThat(binaryCreate.statusCode()).isEqualTo(200);

    String base = "/api/v1/tasks/" + project + "/" + DOMAIN;
    HttpResponse<byte[]> get = restBinary("GET", base + "/rest/v1", null);
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(Task.parseFrom(get.body()))
        .isEqualTo(admin.getTask(ObjectGetRequest.newBuilder().setId(id).build()));
    HttpResponse<byte[]> getJson = restJson("GET", base + "/rest/v1", null);
    assertThat(fromJson(getJson, Task.getDefaultInstance())).isEqualTo(Task.parseFrom(get.body()));

    HttpResponse<byte[]> list =
        restJson(
            "GET", base + "/rest?limit=10&sort_by.key=version&sort_by.direction=ASCENDING", null);
    assertThat(fromJson(list, TaskList.getDefaultInstance()).getTasksList())
        .extracting(t -> t.getId().getVersion())
        .containsExactly("v1", "v2");
    HttpResponse<byte[]> listAll =
        restBinary("GET", base + "?limit=1&filters=eq(version,v2)", null);
    assertThat(TaskList.parseFrom(listAll.body()).getTasksList()).hasSize(1);

    HttpResponse<byte[]> ids =
        restBinary("GET", "/api/v1/task_ids/" + project + "/" + DOMAIN + "?limit=5", null);
    assertThat(NamedEntityIdentifierList.parseFrom(ids.body()).getEntitiesList()).hasSize(1);
    HttpResponse<byte[]> idsJson =
        restJson("GET", "/api/v1/task_ids/" + project + "/" + DOMAIN + "?limit=5", null);
    assertThat(text(idsJson)).contains("\"name\":\"rest\"".replace(":", ":")).isNotEmpty();

    HttpResponse<byte[]> missing = restJson("GET", base + "/none/v1", null);
    assertThat(missing.statusCode()).isEqualTo(404);
    HttpResponse<byte[]> badLimit = restJson("GET", base + "?limit=0", null);
    assertThat(badLimit.statusCode()).isEqualTo(400);
    assertThat(jsonStatus(badLimit).getMessage()).isEqualTo("invalid value for limit");
  }
}

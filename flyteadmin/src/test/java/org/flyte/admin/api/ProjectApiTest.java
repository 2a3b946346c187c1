package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import flyteidl.admin.Common.Labels;
import flyteidl.admin.Common.Sort;
import flyteidl.admin.ProjectOuterClass.Domain;
import flyteidl.admin.ProjectOuterClass.GetDomainRequest;
import flyteidl.admin.ProjectOuterClass.GetDomainsResponse;
import flyteidl.admin.ProjectOuterClass.InactiveProject;
import flyteidl.admin.ProjectOuterClass.Project;
import flyteidl.admin.ProjectOuterClass.Project.ProjectState;
import flyteidl.admin.ProjectOuterClass.ProjectGetRequest;
import flyteidl.admin.ProjectOuterClass.ProjectListRequest;
import flyteidl.admin.ProjectOuterClass.ProjectRegisterRequest;
import flyteidl.admin.ProjectOuterClass.Projects;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.AdminServiceGrpc.AdminServiceBlockingStub;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.flyte.admin.AdminAppTest;
import org.flyte.admin.config.FlyteAdminProperties;
import org.flyte.admin.config.FlyteAdminProperties.SeedProject;
import org.flyte.admin.service.project.ProjectDomainValidator;
import org.flyte.admin.service.project.ProjectSeeder;
import org.flyte.admin.service.project.ProjectService;
import org.flyte.common.error.FlyteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * RegisterProject, UpdateProject, GetProject, ListProjects and GetDomains over gRPC and REST, and
 * the projects seeded at start-up. Every test registers its own random projects.
 */
class ProjectApiTest extends AdminAppTest {

  @Autowired private JdbcClient jdbc;
  @Autowired private ProjectService projectService;
  @Autowired private ProjectDomainValidator projectDomainValidator;

  private AdminServiceBlockingStub admin() {
    return AdminServiceGrpc.newBlockingStub(channel);
  }

  private static String randomId() {
    return "p-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  private Project register(String id, ProjectState state) {
    Project project =
        Project.newBuilder()
            .setId(id)
            .setName("name of " + id)
            .setDescription("about " + id)
            .setState(state)
            .build();
    admin().registerProject(ProjectRegisterRequest.newBuilder().setProject(project).build());
    return project;
  }

  private static StatusRuntimeException grpcError(Executable call) {
    StatusRuntimeException error =
        catchThrowableOfType(StatusRuntimeException.class, () -> call.execute());
    assertThat(error).as("the call fails").isNotNull();
    return error;
  }

  private static void assertError(Executable call, Status.Code code, String message) {
    StatusRuntimeException error = grpcError(call);
    assertThat(error.getStatus().getCode()).isEqualTo(code);
    assertThat(error.getStatus().getDescription()).isEqualTo(message);
  }

  private static List<Domain> defaultDomains() {
    return List.of(
        Domain.newBuilder().setId("development").setName("development").build(),
        Domain.newBuilder().setId("staging").setName("staging").build(),
        Domain.newBuilder().setId("production").setName("production").build());
  }

  // --- RegisterProject and GetProject -------------------------------------------------------

  @Test
  void registeredProjectsAreAnsweredWithTheConfiguredDomainsAndTheirLabels() throws Exception {
    String id = randomId();
    Project request =
        Project.newBuilder()
            .setId(id)
            .setName("My project")
            .setDescription("what it is for")
            .setLabels(Labels.newBuilder().putValues("team", "ml").putValues("tier", "gold"))
            .build();

    admin().registerProject(ProjectRegisterRequest.newBuilder().setProject(request).build());
    Project got = admin().getProject(ProjectGetRequest.newBuilder().setId(id).build());

    assertThat(got).isEqualTo(request.toBuilder().addAllDomains(defaultDomains()).build());
    byte[] stored =
        jdbc.sql("SELECT labels FROM projects WHERE identifier = :id")
            .param("id", id)
            .query(byte[].class)
            .single();
    assertThat(Project.parseFrom(stored))
        .as("the labels column holds the whole registered project, as Flyte stores it")
        .isEqualTo(request);
  }

  @Test
  void aProjectWithoutLabelsStoresNoLabelsAndComesBackWithoutThem() {
    String id = randomId();
    register(id, ProjectState.ACTIVE);

    Project got = admin().getProject(ProjectGetRequest.newBuilder().setId(id).build());

    assertThat(got.hasLabels()).isFalse();
    assertThat(got.getState()).isEqualTo(ProjectState.ACTIVE);
    assertThat(
            jdbc.sql("SELECT labels IS NULL FROM projects WHERE identifier = :id")
                .param("id", id)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void registerChecksTheProjectInFlytesOrderAndStoresNothingOnError() {
    String id = randomId();
    Project valid = Project.newBuilder().setId(id).setName("n").build();
    Labels.Builder tooMany = Labels.newBuilder();
    IntStream.range(0, 17).forEach(i -> tooMany.putValues("k" + i, "v"));
    Map<Project, String> cases =
        Map.ofEntries(
            Map.entry(valid.toBuilder().setName("").setId("").build(), "missing project_name"),
            Map.entry(valid.toBuilder().setId("").build(), "missing project_id"),
            Map.entry(
                valid.toBuilder().setId("Bad_Id").setLabels(tooMany).build(),
                "labels map cannot exceed 16 entries"),
            Map.entry(
                valid.toBuilder().setLabels(Labels.newBuilder().putValues("-bad", "v")).build(),
                "invalid label key [-bad]: [name part must consist of alphanumeric characters,"
                    + " '-', '_' or '.', and must start and end with an alphanumeric character"
                    + " (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is"
                    + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')]"),
            Map.entry(
                valid.toBuilder().setLabels(Labels.newBuilder().putValues("ok", "not ok")).build(),
                "invalid label value [not ok]: [a valid label must be an empty string or consist"
                    + " of alphanumeric characters, '-', '_' or '.', and must start and end with an"
                    + " alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex"
                    + " used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')]"),
            Map.entry(
                valid.toBuilder().setId("Bad_Id").build(),
                "invalid project id [Bad_Id]: [a lowercase RFC 1123 label must consist of lower"
                    + " case alphanumeric characters or '-', and must start and end with an"
                    + " alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for"
                    + " validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')]"),
            Map.entry(
                valid.toBuilder().setId("a.b").build(),
                "invalid project id [a.b]: [must not contain dots]"),
            Map.entry(
                valid.toBuilder().setName("n".repeat(65)).build(),
                "project_name cannot exceed 64 characters"),
            Map.entry(
                valid.toBuilder().setDescription("d".repeat(301)).build(),
                "project_description cannot exceed 300 characters"),
            Map.entry(
                valid.toBuilder().addDomains(Domain.newBuilder().setId("development")).build(),
                "Domains are currently only set system wide. Please retry without domains"
                    + " included in your request."));

    assertError(
        () -> admin().registerProject(ProjectRegisterRequest.getDefaultInstance()),
        Status.Code.INVALID_ARGUMENT,
        "missing project");
    cases.forEach(
        (project, message) ->
            assertError(
                () ->
                    admin()
                        .registerProject(
                            ProjectRegisterRequest.newBuilder().setProject(project).build()),
                Status.Code.INVALID_ARGUMENT,
                message));
    assertThat(
            jdbc.sql("SELECT count(*) FROM projects WHERE identifier IN (:ids)")
                .param("ids", List.of(id, "Bad_Id", "a.b"))
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void registeringAnExistingIdIsAlreadyExists() {
    String id = randomId();
    register(id, ProjectState.ACTIVE);

    StatusRuntimeException error = grpcError(() -> register(id, ProjectState.ARCHIVED));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(error.getStatus().getDescription())
        .startsWith("value with matching already exists (")
        .contains("projects_pkey");
    assertThat(admin().getProject(ProjectGetRequest.newBuilder().setId(id).build()).getState())
        .as("the first registration is kept")
        .isEqualTo(ProjectState.ACTIVE);
  }

  @Test
  void anArchivedProjectRefusesRegistrationsWithTheInactiveProjectDetail() {
    String id = randomId();
    register(id, ProjectState.ARCHIVED);

    FlyteException error =
        catchThrowableOfType(
            FlyteException.class, () -> projectDomainValidator.requireActive(id, "development"));

    assertThat(error.getMessage()).isEqualTo("project [" + id + "] is not active");
    assertThat(error.details()).containsExactly(InactiveProject.newBuilder().setId(id).build());
    // Over an RPC that checks it (project-domain attributes): the detail reaches the client.
    StatusRuntimeException rpc =
        grpcError(
            () ->
                admin()
                    .getProjectDomainAttributes(
                        flyteidl.admin.ProjectDomainAttributesOuterClass
                            .ProjectDomainAttributesGetRequest.newBuilder()
                            .setProject(id)
                            .setDomain("development")
                            .build()));
    assertThat(rpc.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(StatusProto.fromThrowable(rpc).getDetailsList())
        .anySatisfy(
            d ->
                assertThat(d.unpack(InactiveProject.class))
                    .isEqualTo(InactiveProject.newBuilder().setId(id).build()));
  }

  @Test
  void getProjectNeedsAnIdAndAnExistingProject() {
    assertError(
        () -> admin().getProject(ProjectGetRequest.getDefaultInstance()),
        Status.Code.INVALID_ARGUMENT,
        "missing project_id");
    String id = randomId();
    assertError(
        () -> admin().getProject(ProjectGetRequest.newBuilder().setId(id).build()),
        Status.Code.NOT_FOUND,
        "project [" + id + "] not found");
  }

  // --- UpdateProject ----------------------------------------------------------------------------

  @Test
  void updateKeepsEmptyNameAndDescriptionAndAbsentLabelsButAlwaysWritesTheState() {
    String id = randomId();
    admin()
        .registerProject(
            ProjectRegisterRequest.newBuilder()
                .setProject(
                    Project.newBuilder()
                        .setId(id)
                        .setName("original")
                        .setDescription("original description")
                        .setLabels(Labels.newBuilder().putValues("team", "a"))
                        .setState(ProjectState.ARCHIVED))
                .build());

    admin().updateProject(Project.newBuilder().setId(id).build());
    Project afterEmptyUpdate = admin().getProject(ProjectGetRequest.newBuilder().setId(id).build());

    assertThat(afterEmptyUpdate.getName()).isEqualTo("original");
    assertThat(afterEmptyUpdate.getDescription()).isEqualTo("original description");
    assertThat(afterEmptyUpdate.getLabels().getValuesMap()).containsExactly(Map.entry("team", "a"));
    assertThat(afterEmptyUpdate.getState())
        .as("an update without a state re-activates the project")
        .isEqualTo(ProjectState.ACTIVE);

    admin()
        .updateProject(
            Project.newBuilder()
                .setId(id)
                .setName("renamed")
                .setLabels(Labels.newBuilder().putValues("team", "b"))
                .setState(ProjectState.ARCHIVED)
                .build());
    Project afterUpdate = admin().getProject(ProjectGetRequest.newBuilder().setId(id).build());

    assertThat(afterUpdate.getName()).isEqualTo("renamed");
    assertThat(afterUpdate.getDescription()).isEqualTo("original description");
    assertThat(afterUpdate.getLabels().getValuesMap()).containsExactly(Map.entry("team", "b"));
    assertThat(afterUpdate.getState()).isEqualTo(ProjectState.ARCHIVED);
  }

  @Test
  void updateAnswersNotFoundBeforeValidatingAndValidatesBeforeWriting() {
    String unknown = randomId();
    assertError(
        () ->
            admin()
                .updateProject(
                    Project.newBuilder()
                        .setId(unknown)
                        .addDomains(Domain.newBuilder().setId("development"))
                        .build()),
        Status.Code.NOT_FOUND,
        "project [" + unknown + "] not found");

    String id = randomId();
    register(id, ProjectState.ACTIVE);
    assertError(
        () ->
            admin()
                .updateProject(
                    Project.newBuilder()
                        .setId(id)
                        .setName("x")
                        .setState(ProjectState.ARCHIVED)
                        .addDomains(Domain.newBuilder().setId("development"))
                        .build()),
        Status.Code.INVALID_ARGUMENT,
        "Domains are currently only set system wide. Please retry without domains included in"
            + " your request.");
    assertError(
        () ->
            admin()
                .updateProject(
                    Project.newBuilder().setId(id).setDescription("d".repeat(301)).build()),
        Status.Code.INVALID_ARGUMENT,
        "project_description cannot exceed 300 characters");
    Project unchanged = admin().getProject(ProjectGetRequest.newBuilder().setId(id).build());
    assertThat(unchanged.getName()).isEqualTo("name of " + id);
    assertThat(unchanged.getState()).isEqualTo(ProjectState.ACTIVE);
  }

  // --- ListProjects -----------------------------------------------------------------------------

  private Projects list(ProjectListRequest request) {
    return admin().listProjects(request);
  }

  private static List<String> ids(Projects projects) {
    return projects.getProjectsList().stream().map(Project::getId).toList();
  }

  private static String in(List<String> ids) {
    return "value_in(identifier," + String.join(";", ids) + ")";
  }

  @Test
  void listHidesArchivedProjectsOnlyWhenNoFilterIsGiven() {
    String active = randomId();
    String archived = randomId();
    String systemGenerated = randomId();
    register(active, ProjectState.ACTIVE);
    register(archived, ProjectState.ARCHIVED);
    register(systemGenerated, ProjectState.SYSTEM_GENERATED);

    Projects all = list(ProjectListRequest.getDefaultInstance());
    Projects filtered =
        list(
            ProjectListRequest.newBuilder()
                .setFilters(in(List.of(active, archived, systemGenerated)))
                .build());
    Projects onlyArchived =
        list(
            ProjectListRequest.newBuilder()
                .setFilters(in(List.of(active, archived)) + "+eq(state,1)")
                .build());

    assertThat(ids(all)).contains(active, systemGenerated).doesNotContain(archived);
    assertThat(all.getToken()).as("limit 0 lists everything, without a next token").isEmpty();
    assertThat(all.getProjectsList()).allSatisfy(p -> assertThat(p.getDomainsList()).hasSize(3));
    assertThat(ids(filtered)).containsExactlyInAnyOrder(active, archived, systemGenerated);
    assertThat(ids(onlyArchived)).containsExactly(archived);
  }

  @Test
  void listOrdersByIdentifierUnlessSortedAndPagesWithOffsetTokens() {
    String prefix = randomId();
    List<String> ids = List.of(prefix + "-a", prefix + "-b", prefix + "-c");
    register(ids.get(1), ProjectState.ACTIVE);
    register(ids.get(2), ProjectState.ACTIVE);
    register(ids.get(0), ProjectState.ACTIVE);

    Projects first = list(ProjectListRequest.newBuilder().setFilters(in(ids)).setLimit(2).build());
    Projects second =
        list(
            ProjectListRequest.newBuilder()
                .setFilters(in(ids))
                .setLimit(2)
                .setToken(first.getToken())
                .build());
    Projects byNameDescending =
        list(
            ProjectListRequest.newBuilder()
                .setFilters(in(ids))
                .setSortBy(Sort.newBuilder().setKey("name").setDirection(Sort.Direction.DESCENDING))
                .build());
    Projects contains =
        list(
            ProjectListRequest.newBuilder()
                .setFilters("contains(identifier," + prefix + ")+ne(identifier," + ids.get(1) + ")")
                .build());

    assertThat(ids(first)).containsExactly(ids.get(0), ids.get(1));
    assertThat(first.getToken()).isEqualTo("2");
    assertThat(ids(second)).containsExactly(ids.get(2));
    assertThat(second.getToken()).isEmpty();
    assertThat(ids(byNameDescending)).containsExactly(ids.get(2), ids.get(1), ids.get(0));
    assertThat(ids(contains)).containsExactly(ids.get(0), ids.get(2));
  }

  @Test
  void listRejectsBadFiltersSortKeysAndTokens() {
    Map<ProjectListRequest, String> cases =
        Map.of(
            ProjectListRequest.newBuilder().setFilters("eq(nope,1)").build(),
            "'p.nope' is invalid filter",
            ProjectListRequest.newBuilder().setFilters("eq(workflow.name,x)").build(),
            "'w' entity is not allowed in filters",
            ProjectListRequest.newBuilder().setFilters("like(name,x)").build(),
            "unrecognized filter function: like",
            ProjectListRequest.newBuilder().setSortBy(Sort.newBuilder().setKey("nope")).build(),
            "invalid sort key 'nope'",
            ProjectListRequest.newBuilder().setToken("abc").build(),
            "invalid pagination token abc for ListProjects",
            ProjectListRequest.newBuilder().setToken("-1").build(),
            "invalid pagination token -1 for ListProjects");
    cases.forEach(
        (request, message) ->
            assertError(() -> list(request), Status.Code.INVALID_ARGUMENT, message));

    StatusRuntimeException badValue =
        grpcError(() -> list(ProjectListRequest.newBuilder().setFilters("eq(state,abc)").build()));
    assertThat(badValue.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(badValue.getStatus().getDescription()).startsWith("invalid value");
    assertThat(
            grpcError(() -> list(ProjectListRequest.newBuilder().setFilters("nonsense").build()))
                .getStatus()
                .getCode())
        .isEqualTo(Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void getDomainsAnswersTheConfiguredDomains() {
    GetDomainsResponse domains = admin().getDomains(GetDomainRequest.getDefaultInstance());

    assertThat(domains.getDomainsList()).containsExactlyElementsOf(defaultDomains());
  }

  // --- Seeding ----------------------------------------------------------------------------------

  @Test
  void seedingCreatesMissingProjectsOnceAndLeavesExistingOnesAlone() {
    String plain = randomId();
    String detailed = randomId();
    String existing = randomId();
    register(existing, ProjectState.ARCHIVED);
    FlyteAdminProperties properties =
        new FlyteAdminProperties(
            List.of(plain, detailed, existing),
            List.of(new SeedProject(detailed, "Default project setup.")),
            25,
            "",
            "",
            "",
            Map.of(),
            Map.of(),
            false,
            false);
    ProjectSeeder seeder = new ProjectSeeder(projectService, properties);

    seeder.afterSingletonsInstantiated();
    seeder.afterSingletonsInstantiated();

    Project seededPlain = admin().getProject(ProjectGetRequest.newBuilder().setId(plain).build());
    assertThat(seededPlain.getName()).isEqualTo(plain);
    assertThat(seededPlain.getDescription()).isEqualTo(plain + " description");
    assertThat(seededPlain.getState()).isEqualTo(ProjectState.ACTIVE);
    assertThat(
            admin()
                .getProject(ProjectGetRequest.newBuilder().setId(detailed).build())
                .getDescription())
        .isEqualTo("Default project setup.");
    Project untouched = admin().getProject(ProjectGetRequest.newBuilder().setId(existing).build());
    assertThat(untouched.getDescription()).isEqualTo("about " + existing);
    assertThat(untouched.getState()).isEqualTo(ProjectState.ARCHIVED);
  }

  // --- REST -------------------------------------------------------------------------------------

  private static com.google.rpc.Status jsonStatus(HttpResponse<byte[]> response) throws Exception {
    return parseJson(response, com.google.rpc.Status.newBuilder()).build();
  }

  @Test
  void projectsOverRestInJsonAndBinary() throws Exception {
    String id = randomId();
    HttpResponse<byte[]> registered =
        rest(
            "POST",
            "/api/v1/projects",
            "application/json",
            "{\"project\": {\"id\": \""
                + id
                + "\", \"name\": \"rest\", \"labels\": {\"values\": {\"a\": \"b\"}}}}");
    HttpResponse<byte[]> snake = rest("GET", "/api/v1/projects/" + id, "application/json", null);
    HttpResponse<byte[]> binary =
        rest("GET", "/api/v1/projects/" + id, "application/octet-stream", null);
    HttpResponse<byte[]> updated =
        rest(
            "PUT",
            "/api/v1/projects/" + id,
            "application/octet-stream",
            Project.newBuilder().setId("ignored-body-id").setState(ProjectState.ARCHIVED).build());
    HttpResponse<byte[]> listed =
        rest(
            "GET",
            "/api/v1/projects?limit=5&filters="
                + URLEncoder.encode("eq(identifier," + id + ")+eq(state,1)", StandardCharsets.UTF_8)
                + "&sort_by.key=identifier&sort_by.direction=ASCENDING",
            "application/json",
            null);
    HttpResponse<byte[]> domains = rest("GET", "/api/v1/domains", "application/octet-stream", null);

    assertThat(registered.statusCode()).isEqualTo(200);
    assertThat(snake.statusCode()).isEqualTo(200);
    String text = new String(snake.body(), StandardCharsets.UTF_8);
    assertThat(text)
        .contains("\"id\":\"" + id + "\"")
        .contains("\"state\":\"ACTIVE\"")
        .contains("\"description\":\"\"");
    Project expected =
        Project.newBuilder()
            .setId(id)
            .setName("rest")
            .setLabels(Labels.newBuilder().putValues("a", "b"))
            .addAllDomains(defaultDomains())
            .build();
    assertThat(parseJson(snake, Project.newBuilder()).build()).isEqualTo(expected);
    assertThat(Project.parseFrom(binary.body())).isEqualTo(expected);
    assertThat(updated.statusCode()).as("the path id wins over the body's").isEqualTo(200);
    assertThat(listed.statusCode()).isEqualTo(200);
    Projects page = parseJson(listed, Projects.newBuilder()).build();
    assertThat(ids(page)).containsExactly(id);
    assertThat(page.getProjects(0).getState()).isEqualTo(ProjectState.ARCHIVED);
    assertThat(GetDomainsResponse.parseFrom(domains.body()).getDomainsList())
        .containsExactlyElementsOf(defaultDomains());
  }

  @Test
  void projectErrorsOverRestCarryGrpcGatewaysHttpStatus() throws Exception {
    String id = randomId();
    register(id, ProjectState.ACTIVE);

    HttpResponse<byte[]> duplicate =
        rest(
            "POST",
            "/api/v1/projects",
            "application/json",
            "{\"project\": {\"id\": \"" + id + "\", \"name\": \"again\"}}");
    HttpResponse<byte[]> invalid =
        rest(
            "POST",
            "/api/v1/projects",
            "application/octet-stream",
            ProjectRegisterRequest.newBuilder()
                .setProject(Project.newBuilder().setId("UPPER").setName("x"))
                .build());
    HttpResponse<byte[]> missing =
        rest("GET", "/api/v1/projects/" + randomId(), "application/json", null);
    HttpResponse<byte[]> badFilter =
        rest("GET", "/api/v1/projects?filters=eq(nope,1)", "application/json", null);

    assertThat(duplicate.statusCode()).isEqualTo(409);
    assertThat(jsonStatus(duplicate).getCode()).isEqualTo(Status.Code.ALREADY_EXISTS.value());
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(com.google.rpc.Status.parseFrom(invalid.body()).getMessage())
        .startsWith("invalid project id [UPPER]: [");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(jsonStatus(missing).getMessage()).endsWith("not found");
    assertThat(badFilter.statusCode()).isEqualTo(400);
    assertThat(jsonStatus(badFilter).getMessage()).isEqualTo("'p.nope' is invalid filter");
  }
}

package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.util.JsonFormat;
import flyteidl.admin.Common.Labels;
import flyteidl.admin.Common.Sort;
import flyteidl.admin.ProjectOuterClass.Domain;
import flyteidl.admin.ProjectOuterClass.GetDomainRequest;
import flyteidl.admin.ProjectOuterClass.InactiveProject;
import flyteidl.admin.ProjectOuterClass.Project;
import flyteidl.admin.ProjectOuterClass.ProjectGetRequest;
import flyteidl.admin.ProjectOuterClass.ProjectListRequest;
import flyteidl.admin.ProjectOuterClass.ProjectRegisterRequest;
import flyteidl.admin.ProjectOuterClass.Projects;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.AdminServiceGrpc.AdminServiceBlockingStub;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.flyte.admin.AdminAppTest;
import org.flyte.admin.service.ProjectDomainValidator;
import org.flyte.common.error.FlyteException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** RegisterProject, UpdateProject, GetProject, ListProjects and GetDomains over gRPC and REST. */
class ProjectApiTest extends AdminAppTest {

  private static final List<Domain> DOMAINS =
      List.of(domain("development"), domain("staging"), domain("production"));

  @Autowired private ProjectDomainValidator validator;

  private AdminServiceBlockingStub admin;
  private String id;

  @BeforeEach
  void stub() {
    admin = AdminServiceGrpc.newBlockingStub(channel);
    id = "p-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Domain domain(String id) {
    return Domain.newBuilder().setId(id).setName(id).build();
  }

  private void register(Project project) {
    admin.registerProject(ProjectRegisterRequest.newBuilder().setProject(project).build());
  }

  private Project get(String projectId) {
    return admin.getProject(ProjectGetRequest.newBuilder().setId(projectId).build());
  }

  @Test
  void aRegisteredProjectReadsBackWithTheConfiguredDomainsAndItsLabels() {
    register(
        Project.newBuilder()
            .setId(id)
            .setName("My project")
            .setDescription("about it")
            .setLabels(Labels.newBuilder().putValues("team", "ml"))
            .build());

    assertThat(get(id))
        .isEqualTo(
            Project.newBuilder()
                .setId(id)
                .setName("My project")
                .setDescription("about it")
                .setLabels(Labels.newBuilder().putValues("team", "ml"))
                .addAllDomains(DOMAINS)
                .build());
    assertThat(admin.getDomains(GetDomainRequest.getDefaultInstance()).getDomainsList())
        .isEqualTo(DOMAINS);
  }

  @Test
  void aDuplicateProjectIsAlreadyExists() {
    register(Project.newBuilder().setId(id).setName(id).build());

    assertThatThrownBy(() -> register(Project.newBuilder().setId(id).setName(id).build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
              assertThat(e.getStatus().getDescription())
                  .startsWith("value with matching already exists (");
            });
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "ok-id|||missing project_name",
        "|name||missing project_id",
        "Bad_Id|name||invalid project id [Bad_Id]: [a lowercase RFC 1123 label must consist of"
            + " lower case alphanumeric characters or '-', and must start and end with an"
            + " alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation"
            + " is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')]",
        "ok-id|name|bad key!|invalid label key [bad key!]: [name part must consist of"
            + " alphanumeric characters, '-', '_' or '.', and must start and end with an"
            + " alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used"
            + " for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')]",
      })
  void invalidProjectsAreRefusedWithFlytesMessages(
      String projectId, String name, String labelKey, String message) {
    Project.Builder project =
        Project.newBuilder().setId(nullToEmpty(projectId)).setName(nullToEmpty(name));
    if (labelKey != null) {
      project.setLabels(Labels.newBuilder().putValues(labelKey, "v"));
    }

    assertThatThrownBy(() -> register(project.build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              assertThat(e.getStatus().getDescription()).isEqualTo(message);
            });
  }

  @Test
  void lengthsLabelCountAndDomainsAreChecked() {
    assertThat(refusal(Project.newBuilder().setId(id).setName("n".repeat(65))))
        .isEqualTo("project_name cannot exceed 64 characters");
    assertThat(refusal(Project.newBuilder().setId(id).setName("n").setDescription("d".repeat(301))))
        .isEqualTo("project_description cannot exceed 300 characters");
    Labels.Builder labels = Labels.newBuilder();
    for (int i = 0; i < 17; i++) {
      labels.putValues("k" + i, "v");
    }
    assertThat(refusal(Project.newBuilder().setId(id).setName("n").setLabels(labels)))
        .isEqualTo("labels map cannot exceed 16 entries");
    assertThat(refusal(Project.newBuilder().setId(id).setName("n").addDomains(domain("x"))))
        .isEqualTo(
            "Domains are currently only set system wide. Please retry without domains included"
                + " in your request.");
    assertThatThrownBy(() -> get(id))
        .hasMessageContaining("NOT_FOUND")
        .hasMessageContaining("project [" + id + "] not found");
  }

  private String refusal(Project.Builder project) {
    try {
      register(project.build());
    } catch (StatusRuntimeException e) {
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      return e.getStatus().getDescription();
    }
    throw new AssertionError("accepted " + project);
  }

  @Test
  void anUpdateKeepsEmptyFieldsAndAlwaysWritesTheState() {
    register(
        Project.newBuilder()
            .setId(id)
            .setName("name")
            .setDescription("desc")
            .setLabels(Labels.newBuilder().putValues("a", "b"))
            .build());

    admin.updateProject(
        Project.newBuilder().setId(id).setState(Project.ProjectState.ARCHIVED).build());
    assertThat(get(id))
        .satisfies(
            p -> {
              assertThat(p.getName()).isEqualTo("name");
              assertThat(p.getDescription()).isEqualTo("desc");
              assertThat(p.getLabels().getValuesMap()).containsEntry("a", "b");
              assertThat(p.getState()).isEqualTo(Project.ProjectState.ARCHIVED);
            });

    admin.updateProject(Project.newBuilder().setId(id).setDescription("new").build());
    assertThat(get(id).getState()).isEqualTo(Project.ProjectState.ACTIVE);
    assertThat(get(id).getDescription()).isEqualTo("new");

    assertThatThrownBy(
            () -> admin.updateProject(Project.newBuilder().setId(id + "-missing").build()))
        .hasMessageContaining("NOT_FOUND: project [" + id + "-missing] not found");
  }

  @Test
  void anArchivedProjectRefusesRegistrationsWithTheInactiveProjectDetail() {
    register(
        Project.newBuilder().setId(id).setName(id).setState(Project.ProjectState.ARCHIVED).build());

    assertThatThrownBy(() -> validator.requireActive(id, "development"))
        .isInstanceOfSatisfying(
            FlyteException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo("project [" + id + "] is not active");
              assertThat(e.details())
                  .containsExactly(InactiveProject.newBuilder().setId(id).build());
            });
    register(Project.newBuilder().setId(id + "-a").setName("a").build());
    assertThatThrownBy(() -> validator.requireActive(id + "-a", "nope"))
        .hasMessage("domain [nope] is unrecognized by system");
    assertThatThrownBy(() -> validator.requireActive(id + "-none", "development"))
        .hasMessage(
            "failed to validate that project ["
                + id
                + "-none] and domain [development] are registered, err: [project ["
                + id
                + "-none] not found]");
  }

  @Test
  void listsFilterSortAndPage() {
    for (String suffix : List.of("c", "a", "b")) {
      register(Project.newBuilder().setId(id + "-" + suffix).setName("n" + suffix).build());
    }
    register(
        Project.newBuilder()
            .setId(id + "-z")
            .setName("nz")
            .setState(Project.ProjectState.ARCHIVED)
            .build());
    String mine = "contains(identifier," + id + ")";

    Projects first =
        admin.listProjects(ProjectListRequest.newBuilder().setFilters(mine).setLimit(2).build());
    assertThat(first.getProjectsList())
        .extracting(Project::getId)
        .containsExactly(id + "-a", id + "-b");
    assertThat(first.getToken()).isEqualTo("2");
    Projects second =
        admin.listProjects(
            ProjectListRequest.newBuilder().setFilters(mine).setLimit(2).setToken("2").build());
    assertThat(second.getProjectsList())
        .extracting(Project::getId)
        .containsExactly(id + "-c", id + "-z");
    assertThat(second.getProjectsList().get(0).getDomainsList()).isEqualTo(DOMAINS);

    Projects active =
        admin.listProjects(
            ProjectListRequest.newBuilder()
                .setFilters(mine + "+eq(state,0)")
                .setSortBy(Sort.newBuilder().setKey("name"))
                .build());
    assertThat(active.getProjectsList())
        .extracting(Project::getId)
        .containsExactly(id + "-c", id + "-b", id + "-a");
    assertThat(active.getToken()).isEmpty();

    // Without filters, archived projects are hidden and there is no limit.
    List<String> all =
        admin.listProjects(ProjectListRequest.getDefaultInstance()).getProjectsList().stream()
            .map(Project::getId)
            .toList();
    assertThat(all).contains(id + "-a", id + "-b", id + "-c").doesNotContain(id + "-z");

    for (String bad : List.of("eq(colour,red)", "eq(state,abc)", "nope")) {
      assertThatThrownBy(
              () -> admin.listProjects(ProjectListRequest.newBuilder().setFilters(bad).build()))
          .as(bad)
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }
    assertThatThrownBy(
            () -> admin.listProjects(ProjectListRequest.newBuilder().setToken("x").build()))
        .hasMessageContaining("invalid pagination token x for ListProjects");
  }

  @Test
  void restRegistersGetsAndListsInJsonAndBinary() throws Exception {
    HttpResponse<byte[]> created =
        send(
            HttpRequest.newBuilder(http("/api/v1/projects"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"project\": {\"id\": \"" + id + "\", \"name\": \"rest\"}}"))
                .build());
    assertThat(created.statusCode()).isEqualTo(200);

    HttpResponse<byte[]> binary =
        send(
            HttpRequest.newBuilder(http("/api/v1/projects/" + id))
                .header("Accept", "application/octet-stream")
                .build());
    assertThat(binary.statusCode()).isEqualTo(200);
    assertThat(Project.parseFrom(binary.body())).isEqualTo(get(id));

    HttpResponse<byte[]> list =
        send(
            HttpRequest.newBuilder(
                    http("/api/v1/projects?limit=5&filters=eq(identifier," + id + ")"))
                .header("Accept", "application/json")
                .build());
    Projects.Builder projects = Projects.newBuilder();
    JsonFormat.parser().merge(new String(list.body(), StandardCharsets.UTF_8), projects);
    assertThat(projects.getProjectsList()).containsExactly(get(id));

    HttpResponse<byte[]> duplicate =
        send(
            HttpRequest.newBuilder(http("/api/v1/projects"))
                .header("Content-Type", "application/octet-stream")
                .header("Accept", "application/octet-stream")
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        ProjectRegisterRequest.newBuilder()
                            .setProject(Project.newBuilder().setId(id).setName("x"))
                            .build()
                            .toByteArray()))
                .build());
    assertThat(duplicate.statusCode()).isEqualTo(409);
    assertThat(com.google.rpc.Status.parseFrom(duplicate.body()).getCode())
        .isEqualTo(Status.Code.ALREADY_EXISTS.value());

    HttpResponse<byte[]> missing =
        send(
            HttpRequest.newBuilder(http("/api/v1/projects/" + id + "-missing"))
                .header("Accept", "application/json")
                .build());
    assertThat(missing.statusCode()).isEqualTo(404);

    HttpResponse<byte[]> update =
        send(
            HttpRequest.newBuilder(http("/api/v1/projects/" + id))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"description\": \"via rest\"}"))
                .build());
    assertThat(update.statusCode()).isEqualTo(200);
    assertThat(get(id).getDescription()).isEqualTo("via rest");

    HttpResponse<byte[]> domains =
        send(
            HttpRequest.newBuilder(http("/api/v1/domains"))
                .header("Accept", "application/json")
                .build());
    assertThat(new String(domains.body(), StandardCharsets.UTF_8)).contains("\"staging\"");
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}

package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.ProjectOuterClass.ProjectListRequest;
import io.grpc.Status;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The list language and lookups under hostile input (issue 9, items 3 and 9): every refusal is
 * INVALID_ARGUMENT in Flyte's or our words over gRPC and REST, never the database's text.
 */
class HostileListTest extends RegistrationFixtures {

  private ResourceListRequest.Builder tasks() {
    return ResourceListRequest.newBuilder()
        .setId(NamedEntityIdentifier.newBuilder().setProject(project).setDomain(DOMAIN))
        .setLimit(100);
  }

  private List<String> names(ResourceListRequest request) {
    return admin.listTasks(request).getTasksList().stream().map(t -> t.getId().getName()).toList();
  }

  private HttpResponse<byte[]> restList(String filters, String token) throws Exception {
    StringBuilder path =
        new StringBuilder("/api/v1/tasks/" + project + "/" + DOMAIN + "?limit=100");
    if (filters != null) {
      path.append("&filters=").append(URLEncoder.encode(filters, StandardCharsets.UTF_8));
    }
    if (token != null) {
      path.append("&token=").append(URLEncoder.encode(token, StandardCharsets.UTF_8));
    }
    return restJson("GET", path.toString(), null);
  }

  private static void assertNoDatabaseText(String message) {
    assertThat(message)
        .doesNotContain("ERROR", "SQLSTATE", "invalid input syntax", "duplicate key", "0x00");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "gt(created_at,notadate) | invalid value for filters: [notadate] is not a date or time for"
            + " created_at",
        "eq(name,x)) | invalid value for filters: [eq(name,x))] is not a filter expression",
        "eq(name,x)junk | invalid value for filters: [eq(name,x)junk] is not a filter expression",
        "eq(name,a\u0000b) | invalid value for filters: [eq(name,a\\u0000b)] holds a NUL byte",
        "eq(id,abc) | invalid value: a value does not have the type its field requires"
      })
  void badFiltersAreInvalidArgumentsWithoutDatabaseText(String filters, String message)
      throws Exception {
    com.google.rpc.Status grpc = status(() -> admin.listTasks(tasks().setFilters(filters).build()));
    assertStatus(grpc, Status.Code.INVALID_ARGUMENT, message);
    assertNoDatabaseText(grpc.getMessage());

    HttpResponse<byte[]> rest = restList(filters, null);
    assertThat(rest.statusCode()).as(text(rest)).isEqualTo(400);
    assertThat(jsonStatus(rest).getMessage()).startsWith(message);
  }

  @Test
  void aTimestampFilterInRfc3339Works() {
    registerTask("t", "v1");
    assertThat(names(tasks().setFilters("gt(created_at,2000-01-01T00:00:00Z)").build()))
        .containsExactly("t");
    assertThat(names(tasks().setFilters("lt(created_at,2000-01-01)").build())).isEmpty();
  }

  @Test
  void seventyThousandValuesAreRefusedBeforeAnySql() {
    String values = String.join(";", java.util.Collections.nCopies(70_000, "x"));
    com.google.rpc.Status status =
        status(() -> admin.listTasks(tasks().setFilters("value_in(name," + values + ")").build()));
    assertStatus(
        status,
        Status.Code.INVALID_ARGUMENT,
        "invalid value for filters: at most 10000 values may be given");
    assertThat(names(tasks().setFilters("value_in(name,a;b;c)").build())).isEmpty();
  }

  @Test
  void containsMatchesLikeWildcardsLiterally() throws Exception {
    registerTask("plain", "v1");
    registerTask("with_underscore", "v1");
    registerTask("with%percent", "v1");
    assertThat(names(tasks().setFilters("contains(name,%)").build()))
        .containsExactly("with%percent");
    assertThat(names(tasks().setFilters("contains(name,_)").build()))
        .containsExactly("with_underscore");
    assertThat(names(tasks().setFilters("contains(name,ai)").build())).containsExactly("plain");
    HttpResponse<byte[]> rest = restList("contains(name,%)", null);
    assertThat(rest.statusCode()).isEqualTo(200);
    assertThat(text(rest)).contains("with%percent").doesNotContain("with_underscore");
  }

  @Test
  void aFullWidthDigitTokenIsNotANumber() throws Exception {
    String fullWidth = "\uFF11";
    assertStatus(
        status(() -> admin.listTasks(tasks().setToken(fullWidth).build())),
        Status.Code.INVALID_ARGUMENT,
        "invalid pagination token " + fullWidth + " for ListTasks");
    HttpResponse<byte[]> rest = restList(null, fullWidth);
    assertThat(rest.statusCode()).isEqualTo(400);
    assertThat(jsonStatus(rest).getMessage())
        .isEqualTo("invalid pagination token " + fullWidth + " for ListTasks");
    assertStatus(
        status(
            () -> admin.listProjects(ProjectListRequest.newBuilder().setToken(fullWidth).build())),
        Status.Code.INVALID_ARGUMENT,
        "invalid pagination token " + fullWidth + " for ListProjects");
  }

  @Test
  void everyListAcceptsEveryUint32LimitButZero() throws Exception {
    registerTask("t", "v1");
    int max = -1; // 4294967295 as the uint32 it is on the wire
    int above2to31 = Integer.MIN_VALUE; // 2147483648
    assertThat(names(tasks().setLimit(max).build())).containsExactly("t");
    assertThat(names(tasks().setLimit(above2to31).build())).containsExactly("t");
    assertThat(admin.listWorkflows(tasks().setLimit(max).build()).getWorkflowsList()).isEmpty();
    assertThat(admin.listLaunchPlans(tasks().setLimit(max).build()).getLaunchPlansList()).isEmpty();
    assertThat(
            admin
                .listTaskIds(
                    flyteidl.admin.Common.NamedEntityIdentifierListRequest.newBuilder()
                        .setProject(project)
                        .setDomain(DOMAIN)
                        .setLimit(max)
                        .build())
                .getEntitiesList())
        .hasSize(1);
    assertThat(admin.listProjects(ProjectListRequest.newBuilder().setLimit(max).build()).getToken())
        .isEmpty();
    assertStatus(
        status(() -> admin.listTasks(tasks().setLimit(0).build())),
        Status.Code.INVALID_ARGUMENT,
        "invalid value for limit");
    HttpResponse<byte[]> rest =
        restJson("GET", "/api/v1/tasks/" + project + "/" + DOMAIN + "?limit=4294967295", null);
    assertThat(rest.statusCode()).as(text(rest)).isEqualTo(200);
    assertThat(text(rest)).contains("\"t\"");
  }

  @Test
  void aNulByteInALookupIsInvalidWithoutDatabaseText() throws Exception {
    com.google.rpc.Status grpc =
        status(
            () ->
                admin.getTask(
                    ObjectGetRequest.newBuilder().setId(taskId("a\u0000b", "v")).build()));
    assertThat(grpc.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT.value());
    assertNoDatabaseText(grpc.getMessage());
    HttpResponse<byte[]> rest =
        restJson("GET", "/api/v1/tasks/" + project + "/" + DOMAIN + "/a%00b/v", null);
    // the servlet container refuses an encoded NUL in a path before the gateway sees it
    assertThat(rest.statusCode()).as(text(rest)).isEqualTo(400);
    assertNoDatabaseText(text(rest));
  }
}

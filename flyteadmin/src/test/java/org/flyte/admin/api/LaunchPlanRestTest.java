package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flyte.admin.api.LaunchPlanFixtures.launchPlanId;
import static org.flyte.admin.api.LaunchPlanFixtures.request;
import static org.flyte.admin.api.LaunchPlanFixtures.standardInterface;

import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import flyteidl.admin.Common.NamedEntityIdentifierList;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanCreateRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanList;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanState;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanUpdateRequest;
import flyteidl.core.IdentifierOuterClass.Identifier;
import io.grpc.Status;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.flyte.admin.AdminAppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Launch plans over the REST gateway, as FlyteConsole (binary protobuf) and curl users (JSON) call
 * them: every route once in each encoding, and errors with grpc-gateway's HTTP status.
 */
class LaunchPlanRestTest extends AdminAppTest {

  private static final String JSON = "application/json";
  private static final String BINARY = "application/octet-stream";

  @Autowired private JdbcClient jdbc;

  private String project;
  private Identifier workflow;

  @BeforeEach
  void setUp() {
    LaunchPlanFixtures fixtures = new LaunchPlanFixtures(jdbc);
    project = fixtures.project();
    workflow = fixtures.workflow(project, "wf", standardInterface());
  }

  private HttpResponse<byte[]> call(String method, String path, String type, Message body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(http(path)).header("Accept", type);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      byte[] bytes =
          type.equals(JSON)
              ? JsonFormat.printer()
                  .preservingProtoFieldNames()
                  .print(body)
                  .getBytes(StandardCharsets.UTF_8)
              : body.toByteArray();
      request
          .header("Content-Type", type)
          .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
    }
    return send(request.build());
  }

  private static <T extends Message.Builder> T decode(
      HttpResponse<byte[]> response, String type, T builder) throws Exception {
    if (type.equals(JSON)) {
      JsonFormat.parser()
          .ignoringUnknownFields()
          .merge(new String(response.body(), StandardCharsets.UTF_8), builder);
    } else {
      builder.mergeFrom(response.body());
    }
    return builder;
  }

  private static com.google.rpc.Status status(HttpResponse<byte[]> response, String type)
      throws Exception {
    return decode(response, type, com.google.rpc.Status.newBuilder()).build();
  }

  private String lpPath(Identifier id) {
    return "/api/v1/launch_plans/"
        + id.getProject()
        + "/"
        + id.getDomain()
        + "/"
        + id.getName()
        + "/"
        + id.getVersion();
  }

  @Test
  void everyLaunchPlanRouteWorksInJsonAndBinary() throws Exception {
    for (String type : new String[] {JSON, BINARY}) {
      String name = type.equals(JSON) ? "json" : "binary";
      Identifier v1 = launchPlanId(project, name, "v1");
      Identifier v2 = launchPlanId(project, name, "v2");
      for (Identifier id : new Identifier[] {v1, v2}) {
        HttpResponse<byte[]> created =
            call("POST", "/api/v1/launch_plans", type, request(id, workflow).build());
        assertThat(created.statusCode()).as(type).isEqualTo(200);
      }

      HttpResponse<byte[]> got = call("GET", lpPath(v1), type, null);
      assertThat(got.statusCode()).isEqualTo(200);
      LaunchPlan launchPlan = decode(got, type, LaunchPlan.newBuilder()).build();
      assertThat(launchPlan.getId()).isEqualTo(v1);
      assertThat(launchPlan.getClosure().getState()).isEqualTo(LaunchPlanState.INACTIVE);
      assertThat(launchPlan.getClosure().getExpectedInputs().getParametersMap())
          .containsOnlyKeys("a", "kickoff");

      HttpResponse<byte[]> activated =
          call(
              "PUT",
              lpPath(v2),
              type,
              LaunchPlanUpdateRequest.newBuilder()
                  .setId(v2)
                  .setState(LaunchPlanState.ACTIVE)
                  .build());
      assertThat(activated.statusCode()).isEqualTo(200);

      HttpResponse<byte[]> active =
          call(
              "GET", "/api/v1/active_launch_plans/" + project + "/development/" + name, type, null);
      assertThat(active.statusCode()).isEqualTo(200);
      assertThat(decode(active, type, LaunchPlan.newBuilder()).getId()).isEqualTo(v2);

      HttpResponse<byte[]> versions =
          call(
              "GET",
              "/api/v1/launch_plans/"
                  + project
                  + "/development/"
                  + name
                  + "?limit=10&sort_by.key=version&sort_by.direction=ASCENDING",
              type,
              null);
      assertThat(versions.statusCode()).isEqualTo(200);
      assertThat(
              decode(versions, type, LaunchPlanList.newBuilder()).getLaunchPlansList().stream()
                  .map(lp -> lp.getId().getVersion()))
          .containsExactly("v1", "v2");
    }

    HttpResponse<byte[]> byWorkflow =
        call(
            "GET",
            "/api/v1/launch_plans/"
                + project
                + "/development?limit=10&filters="
                + URLEncoder.encode("eq(workflow.name,wf)+eq(version,v1)", StandardCharsets.UTF_8)
                + "&sort_by.key=name&sort_by.direction=ASCENDING",
            JSON,
            null);
    assertThat(byWorkflow.statusCode()).isEqualTo(200);
    assertThat(
            decode(byWorkflow, JSON, LaunchPlanList.newBuilder()).getLaunchPlansList().stream()
                .map(lp -> lp.getId().getName()))
        .containsExactly("binary", "json");

    for (String type : new String[] {JSON, BINARY}) {
      HttpResponse<byte[]> activeList =
          call(
              "GET",
              "/api/v1/active_launch_plans/" + project + "/development?limit=10",
              type,
              null);
      assertThat(activeList.statusCode()).isEqualTo(200);
      assertThat(decode(activeList, type, LaunchPlanList.newBuilder()).getLaunchPlansCount())
          .isEqualTo(2);

      HttpResponse<byte[]> ids =
          call("GET", "/api/v1/launch_plan_ids/" + project + "/development?limit=1", type, null);
      assertThat(ids.statusCode()).isEqualTo(200);
      NamedEntityIdentifierList idList =
          decode(ids, type, NamedEntityIdentifierList.newBuilder()).build();
      assertThat(idList.getEntitiesCount()).isEqualTo(1);
      assertThat(idList.getToken()).isEqualTo("1");
    }
  }

  @Test
  void errorsCarryGrpcGatewaysHttpStatusInBothEncodings() throws Exception {
    Identifier v1 = launchPlanId(project, "lp", "v1");
    assertThat(
            call("POST", "/api/v1/launch_plans", BINARY, request(v1, workflow).build())
                .statusCode())
        .isEqualTo(200);

    HttpResponse<byte[]> identical =
        call("POST", "/api/v1/launch_plans", JSON, request(v1, workflow).build());
    assertThat(identical.statusCode()).isEqualTo(409);
    assertThat(status(identical, JSON).getMessage())
        .isEqualTo("launch plan with identical structure already exists");

    LaunchPlanCreateRequest.Builder noWorkflow =
        request(launchPlanId(project, "lp", "v2"), workflow);
    noWorkflow.getSpecBuilder().getWorkflowIdBuilder().setVersion("nope");
    HttpResponse<byte[]> missingWorkflow =
        call("POST", "/api/v1/launch_plans", BINARY, noWorkflow.build());
    assertThat(missingWorkflow.statusCode()).isEqualTo(404);
    assertThat(status(missingWorkflow, BINARY).getCode()).isEqualTo(Status.Code.NOT_FOUND.value());
    assertThat(status(missingWorkflow, BINARY).getMessage())
        .startsWith("missing entity of type WORKFLOW with identifier");

    LaunchPlanCreateRequest.Builder badDefault =
        request(launchPlanId(project, "lp", "v3"), workflow);
    badDefault
        .getSpecBuilder()
        .getDefaultInputsBuilder()
        .putParameters(
            "zzz",
            LaunchPlanFixtures.defaultParameter(
                flyteidl.core.Types.SimpleType.INTEGER, LaunchPlanFixtures.integer(1)));
    HttpResponse<byte[]> invalid = call("POST", "/api/v1/launch_plans", JSON, badDefault.build());
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(status(invalid, JSON).getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT.value());
    assertThat(status(invalid, JSON).getMessage()).isEqualTo("unexpected default_input zzz");

    HttpResponse<byte[]> noActive =
        call("GET", "/api/v1/active_launch_plans/" + project + "/development/lp", BINARY, null);
    assertThat(noActive.statusCode()).isEqualTo(404);
    assertThat(status(noActive, BINARY).getMessage())
        .isEqualTo("No active launch plan could be found: " + project + ":development:lp");

    HttpResponse<byte[]> unknownState =
        call(
            "PUT",
            lpPath(v1),
            BINARY,
            LaunchPlanUpdateRequest.newBuilder().setId(v1).setStateValue(5).build());
    assertThat(unknownState.statusCode()).isEqualTo(400);
    assertThat(status(unknownState, BINARY).getMessage())
        .startsWith("Unrecognized launch plan state 5");
    HttpResponse<byte[]> missingVersion =
        call(
            "PUT",
            lpPath(v1.toBuilder().setVersion("nope").build()),
            JSON,
            LaunchPlanUpdateRequest.newBuilder()
                .setId(v1.toBuilder().setVersion("nope"))
                .setState(LaunchPlanState.INACTIVE)
                .build());
    assertThat(missingVersion.statusCode()).isEqualTo(404);

    HttpResponse<byte[]> badFilter =
        call(
            "GET",
            "/api/v1/launch_plans/" + project + "/development?limit=10&filters=eq(task.name,x)",
            JSON,
            null);
    assertThat(badFilter.statusCode()).isEqualTo(400);
    assertThat(status(badFilter, JSON).getMessage())
        .isEqualTo("'t' entity is not allowed in filters");

    HttpResponse<byte[]> noLimit =
        call("GET", "/api/v1/launch_plan_ids/" + project + "/development", BINARY, null);
    assertThat(noLimit.statusCode()).isEqualTo(400);
    assertThat(status(noLimit, BINARY).getMessage())
        .isEqualTo("missing and/or invalid parameters: limit");
  }
}

package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import flyteidl.admin.Event.EventErrorAlreadyInTerminalState;
import flyteidl.admin.Event.EventFailureReason;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateResponse;
import flyteidl.admin.ExecutionOuterClass.ExecutionList;
import flyteidl.admin.ExecutionOuterClass.ExecutionRelaunchRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionState;
import flyteidl.admin.ExecutionOuterClass.ExecutionTerminateRequest;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetDataResponse;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import io.grpc.Status;
import java.net.http.HttpResponse;
import java.util.Map;
import org.flyte.admin.repository.execution.ExecutionRow;
import org.junit.jupiter.api.Test;

/**
 * Executions over the REST gateway, as FlyteConsole (binary protobuf) and curl users (JSON) call
 * them: every route in each encoding, errors with grpc-gateway's HTTP status and Flyte's details.
 */
class ExecutionRestTest extends ExecutionFixtures {

  private static final String JSON = "application/json";
  private static final String BINARY = "application/octet-stream";

  private String path(WorkflowExecutionIdentifier id) {
    return "/api/v1/executions/" + id.getProject() + "/" + id.getDomain() + "/" + id.getName();
  }

  private static com.google.rpc.Status binaryStatus(HttpResponse<byte[]> response)
      throws Exception {
    return com.google.rpc.Status.parseFrom(response.body());
  }

  @Test
  void createGetListArchiveAndDataInJson() throws Exception {
    String body =
        "{\"project\": \""
            + project
            + "\", \"domain\": \"development\", \"name\": \"from-json\", \"spec\": {\"launch_plan\":"
            + " {\"resource_type\": \"LAUNCH_PLAN\", \"project\": \""
            + project
            + "\", \"domain\": \"development\", \"name\": \"lp\", \"version\": \"v1\"}},"
            + " \"inputs\": {\"literals\": {\"x\": {\"scalar\": {\"primitive\": {\"integer\":"
            + " \"5\"}}}}}}";

    HttpResponse<byte[]> created = rest("POST", "/api/v1/executions", JSON, body);
    assertThat(created.statusCode()).as(text(created)).isEqualTo(200);
    WorkflowExecutionIdentifier id =
        parseJson(created, ExecutionCreateResponse.newBuilder()).getId();
    assertThat(id).isEqualTo(executionId("from-json"));

    HttpResponse<byte[]> got = rest("GET", path(id), JSON, null);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(text(got)).contains("\"phase\":\"UNDEFINED\"").contains("\"launch_plan\"");
    assertThat(parseJson(got, Execution.newBuilder()).getSpec().getLaunchPlan())
        .isEqualTo(launchPlan);

    HttpResponse<byte[]> list =
        rest(
            "GET",
            "/api/v1/executions/"
                + project
                + "/development?limit=10&filters=eq(launch_plan.name,lp)%2Beq(phase,UNDEFINED)"
                + "&sort_by.key=created_at&sort_by.direction=DESCENDING",
            JSON,
            null);
    assertThat(list.statusCode()).as(text(list)).isEqualTo(200);
    assertThat(parseJson(list, ExecutionList.newBuilder()).getExecutionsList())
        .extracting(e -> e.getId().getName())
        .containsExactly("from-json");

    HttpResponse<byte[]> archived =
        rest("PUT", path(id), JSON, "{\"state\": \"EXECUTION_ARCHIVED\"}");
    assertThat(archived.statusCode()).as(text(archived)).isEqualTo(200);
    assertThat(row(id).state()).isEqualTo(ExecutionState.EXECUTION_ARCHIVED_VALUE);

    HttpResponse<byte[]> data =
        rest("GET", "/api/v1/data/executions/" + project + "/development/from-json", JSON, null);
    assertThat(data.statusCode()).isEqualTo(200);
    assertThat(
            parseJson(data, WorkflowExecutionGetDataResponse.newBuilder())
                .getFullInputs()
                .getLiteralsMap())
        .containsEntry("x", integerLiteral(5));
  }

  @Test
  void createRelaunchAndTerminateInBinaryAsFlyteConsoleDoes() throws Exception {
    HttpResponse<byte[]> created =
        rest(
            "POST",
            "/api/v1/executions",
            BINARY,
            request(launchPlan, Map.of()).setName("from-console").build());
    assertThat(created.statusCode()).isEqualTo(200);
    WorkflowExecutionIdentifier id = ExecutionCreateResponse.parseFrom(created.body()).getId();

    HttpResponse<byte[]> relaunched =
        rest(
            "POST",
            "/api/v1/executions/relaunch",
            BINARY,
            ExecutionRelaunchRequest.newBuilder().setId(id).setName("again").build());
    assertThat(relaunched.statusCode()).isEqualTo(200);
    assertThat(ExecutionCreateResponse.parseFrom(relaunched.body()).getId().getName())
        .isEqualTo("again");

    HttpResponse<byte[]> terminated =
        rest(
            "DELETE",
            path(id),
            BINARY,
            ExecutionTerminateRequest.newBuilder().setCause("from the console").build());
    assertThat(terminated.statusCode()).isEqualTo(200);
    Execution aborting = Execution.parseFrom(rest("GET", path(id), BINARY, null).body());
    assertThat(aborting.getClosure().getPhase()).isEqualTo(WorkflowExecution.Phase.ABORTING);
    assertThat(aborting.getClosure().getAbortMetadata().getCause()).isEqualTo("from the console");

    ExecutionRow row = row(id);
    executionRows.update(row.toBuilder().phase("ABORTED").build());
    HttpResponse<byte[]> refused =
        rest("DELETE", path(id), BINARY, ExecutionTerminateRequest.getDefaultInstance());
    assertThat(refused.statusCode()).isEqualTo(400);
    com.google.rpc.Status status = binaryStatus(refused);
    assertThat(status.getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION.value());
    assertThat(status.getDetailsList())
        .containsExactly(
            Any.pack(
                EventFailureReason.newBuilder()
                    .setAlreadyInTerminalState(
                        EventErrorAlreadyInTerminalState.newBuilder().setCurrentPhase("ABORTED"))
                    .build()));

    HttpResponse<byte[]> list =
        rest("GET", "/api/v1/executions/" + project + "/development?limit=10", BINARY, null);
    assertThat(ExecutionList.parseFrom(list.body()).getExecutionsCount()).isEqualTo(2);
  }

  @Test
  void errorsCarryGrpcGatewaysHttpStatus() throws Exception {
    create(request(launchPlan, Map.of()).setName("taken"));

    HttpResponse<byte[]> taken =
        rest(
            "POST",
            "/api/v1/executions",
            BINARY,
            request(launchPlan, Map.of()).setName("taken").build());
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(binaryStatus(taken).getCode()).isEqualTo(Status.Code.ALREADY_EXISTS.value());

    HttpResponse<byte[]> missingInput =
        rest("POST", "/api/v1/executions", BINARY, request(requiredLaunchPlan, Map.of()).build());
    assertThat(missingInput.statusCode()).isEqualTo(400);
    assertThat(binaryStatus(missingInput).getMessage()).isEqualTo("expected_inputs x missing");

    HttpResponse<byte[]> missing = rest("GET", path(executionId("nope")), JSON, null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(text(missing)).contains("missing entity of type execution");

    HttpResponse<byte[]> noLimit =
        rest("GET", "/api/v1/executions/" + project + "/development", JSON, null);
    assertThat(noLimit.statusCode()).isEqualTo(400);
    assertThat(text(noLimit)).contains("invalid value for limit");

    HttpResponse<byte[]> unknownField =
        rest("POST", "/api/v1/executions", JSON, "{\"project\": \"p\", \"nonsense\": 1}");
    assertThat(unknownField.statusCode()).isEqualTo(400);
  }
}

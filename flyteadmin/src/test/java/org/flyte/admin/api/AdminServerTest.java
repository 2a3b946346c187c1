package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.admin.VersionOuterClass.GetVersionRequest;
import flyteidl.admin.VersionOuterClass.Version;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.DataProxyServiceGrpc;
import flyteidl.service.SignalServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flyte.admin.AdminAppTest;
import org.flyte.common.grpc.CallExecutors;
import org.flyte.testing.FirstReply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

/** FlyteAdmin as its clients see it over gRPC and plain HTTP. */
class AdminServerTest extends AdminAppTest {

  @org.springframework.beans.factory.annotation.Autowired
  private List<AdminServiceGrpc.AsyncService> capabilities;

  @org.springframework.beans.factory.annotation.Autowired
  private ObjectProvider<CallExecutors> callExecutors;

  @Test
  void getVersionReportsTheBuildItRunsFrom() {
    Version version =
        AdminServiceGrpc.newBlockingStub(channel)
            .getVersion(GetVersionRequest.getDefaultInstance())
            .getControlPlaneVersion();

    assertThat(version.getVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(Instant.parse(version.getBuildTime())).isBefore(Instant.now());
    assertThat(version.getBuild()).matches("[0-9a-f]{7,40}");
  }

  @Test
  void everyAdminServiceMethodIsServedByACapability() {
    // Methods no capability claims would answer UNIMPLEMENTED (ServiceCompositionTest); since
    // GetExecutionMetrics (the last of them) every one of the 56 is claimed.
    List<String> unclaimed =
        AdminServiceGrpc.getServiceDescriptor().getMethods().stream()
            .map(method -> ServiceComposition.javaName((io.grpc.MethodDescriptor<?, ?>) method))
            .filter(
                name ->
                    capabilities.stream()
                        .noneMatch(
                            capability ->
                                java.util.Arrays.stream(
                                        org.springframework.util.ClassUtils.getUserClass(capability)
                                            .getDeclaredMethods())
                                    .anyMatch(m -> m.getName().equals(name))))
            .toList();

    assertThat(AdminServiceGrpc.getServiceDescriptor().getMethods()).hasSize(56);
    assertThat(unclaimed).isEmpty();
    StatusRuntimeException error =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                AdminServiceGrpc.newBlockingStub(channel)
                    .getExecutionMetrics(
                        flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetMetricsRequest
                            .getDefaultInstance()));
    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void healthReportsFlyteadminServing() throws Exception {
    HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel);

    // Health follows the app's health indicators (the database among them), refreshed every few
    // seconds: on a loaded machine one refresh can time out, so allow a later one to recover.
    assertThat(servingWithin(health, "flyteadmin")).isEqualTo(ServingStatus.SERVING);
    assertThat(servingWithin(health, "")).isEqualTo(ServingStatus.SERVING);
  }

  private static ServingStatus servingWithin(HealthGrpc.HealthBlockingStub health, String service)
      throws InterruptedException {
    ServingStatus status = ServingStatus.UNKNOWN;
    for (int attempt = 0; attempt < 40 && status != ServingStatus.SERVING; attempt++) {
      if (attempt > 0) {
        Thread.sleep(250);
      }
      status =
          health.check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus();
    }
    return status;
  }

  @Test
  void reflectionListsTheFlyteServices() throws Exception {
    FirstReply<ServerReflectionResponse> answer = new FirstReply<>();
    StreamObserver<ServerReflectionRequest> requests =
        ServerReflectionGrpc.newStub(channel).serverReflectionInfo(answer);
    requests.onNext(ServerReflectionRequest.newBuilder().setListServices("*").build());
    requests.onCompleted();

    List<String> services =
        answer
            .future()
            .get(10, TimeUnit.SECONDS)
            .getListServicesResponse()
            .getServiceList()
            .stream()
            .map(s -> s.getName())
            .toList();
    assertThat(services)
        .contains(
            AdminServiceGrpc.SERVICE_NAME,
            DataProxyServiceGrpc.SERVICE_NAME,
            SignalServiceGrpc.SERVICE_NAME,
            HealthGrpc.SERVICE_NAME);
  }

  @Test
  void healthcheckAnswers200WithAnEmptyBody() throws Exception {
    HttpResponse<byte[]> response = send(HttpRequest.newBuilder(http("/healthcheck")).build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void prometheusShowsPerMethodGrpcMetrics() throws Exception {
    AdminServiceGrpc.newBlockingStub(channel).getVersion(GetVersionRequest.getDefaultInstance());
    catchThrowableOfType(
        StatusRuntimeException.class,
        () ->
            AdminServiceGrpc.newBlockingStub(channel)
                .getWorkflow(ObjectGetRequest.getDefaultInstance()));

    String metrics =
        new String(
            send(HttpRequest.newBuilder(http("/actuator/prometheus")).build()).body(),
            StandardCharsets.UTF_8);

    assertThat(metrics)
        .containsPattern(
            "grpc_server_handled_total\\{grpc_code=\"OK\",grpc_method=\"GetVersion\",grpc_service=\"flyteidl.service.AdminService\",grpc_type=\"unary\"} [1-9]")
        .containsPattern(
            "grpc_server_handled_total\\{grpc_code=\"InvalidArgument\",grpc_method=\"GetWorkflow\",[^}]*} [1-9]")
        .contains("grpc_server_handling_seconds_bucket{grpc_method=\"GetVersion\"")
        .contains("grpc_server_started_total{grpc_method=\"GetVersion\"");
  }

  @Test
  void healthChecksAreCountedWhileAnsweredOnTheTransportThread() throws Exception {
    // Without authentication, the app answers Health/Check on the transport's thread (ADR 0036).
    assertThat(callExecutors.getIfAvailable()).isNotNull();
    HealthGrpc.HealthBlockingStub probe = HealthGrpc.newBlockingStub(channel);
    for (int i = 0; i < 3; i++) {
      assertThat(probe.check(HealthCheckRequest.getDefaultInstance()).getStatus())
          .isEqualTo(ServingStatus.SERVING);
    }

    String metrics =
        new String(
            send(HttpRequest.newBuilder(http("/actuator/prometheus")).build()).body(),
            StandardCharsets.UTF_8);

    assertThat(metrics)
        .containsPattern(
            "grpc_server_handled_total\\{grpc_code=\"OK\",grpc_method=\"Check\",grpc_service=\"grpc.health.v1.Health\",grpc_type=\"unary\"} [1-9]")
        .containsPattern(
            "grpc_server_msg_sent_total\\{grpc_method=\"Check\",grpc_service=\"grpc.health.v1.Health\",grpc_type=\"unary\"} [1-9]");
  }

  @Test
  void corsPreflightAllowsFlytesHeadersWithCredentials() throws Exception {
    HttpResponse<byte[]> response =
        send(
            HttpRequest.newBuilder(http("/api/v1/projects"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://console.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "flyte-authorization,content-type")
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("http://console.example");
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    assertThat(
            response.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
        .contains("flyte-authorization");
  }
}

package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import flyteidl.admin.VersionOuterClass.GetVersionRequest;
import flyteidl.admin.VersionOuterClass.GetVersionResponse;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.AuthMetadataServiceGrpc;
import flyteidl.service.DataProxyServiceGrpc;
import flyteidl.service.IdentityServiceGrpc;
import flyteidl.service.SignalServiceGrpc;
import io.grpc.Status;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.flyte.admin.AdminAppTest;
import org.flyte.common.rest.RestGateway;
import org.flyte.common.rest.Route;
import org.flyte.testing.RestPaths;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** FlyteAdmin's REST gateway as FlyteConsole and curl users reach it, on the running app. */
class AdminRestTest extends AdminAppTest {

  @Autowired private RestGateway gateway;

  private HttpResponse<byte[]> get(String path, String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(http(path));
    if (accept != null) {
      request.header("Accept", accept);
    }
    return send(request.build());
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private static com.google.rpc.Status jsonStatus(HttpResponse<byte[]> response) throws Exception {
    com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder();
    JsonFormat.parser().ignoringUnknownFields().merge(text(response), status);
    return status.build();
  }

  @Test
  void getVersionAnswersTheSameMessageOverGrpcAndInEveryRestEncoding() throws Exception {
    GetVersionResponse grpc =
        AdminServiceGrpc.newBlockingStub(channel)
            .getVersion(GetVersionRequest.getDefaultInstance());

    HttpResponse<byte[]> binary = get("/api/v1/version", "application/octet-stream");
    HttpResponse<byte[]> snake = get("/api/v1/version", "application/json");
    HttpResponse<byte[]> camel = get("/api/v1/version", null);

    assertThat(List.of(binary, snake, camel)).allMatch(r -> r.statusCode() == 200);
    assertThat(binary.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    assertThat(GetVersionResponse.parseFrom(binary.body())).isEqualTo(grpc);
    assertThat(text(snake)).contains("\"control_plane_version\"").contains("\"Build\"");
    assertThat(text(camel)).contains("\"controlPlaneVersion\"");
    for (HttpResponse<byte[]> json : List.of(snake, camel)) {
      GetVersionResponse.Builder decoded = GetVersionResponse.newBuilder();
      JsonFormat.parser().merge(text(json), decoded);
      assertThat(decoded.build()).isEqualTo(grpc);
    }
  }

  @Test
  void everyRouteReachesItsMethodAndUnimplementedOnesAnswer501WithAStatusBody() throws Exception {
    List<Route> routes = gateway.routes();
    Set<String> services =
        routes.stream().map(r -> r.grpcMethod().getServiceName()).collect(Collectors.toSet());
    assertThat(services)
        .contains(
            AdminServiceGrpc.SERVICE_NAME,
            DataProxyServiceGrpc.SERVICE_NAME,
            SignalServiceGrpc.SERVICE_NAME,
            AuthMetadataServiceGrpc.SERVICE_NAME,
            IdentityServiceGrpc.SERVICE_NAME);
    assertThat(
            routes.stream()
                .filter(r -> r.grpcMethod().getServiceName().equals(AdminServiceGrpc.SERVICE_NAME))
                .map(Route::fullMethodName)
                .distinct())
        .hasSize(56);

    int seed = 0;
    Set<String> unimplemented = new java.util.TreeSet<>();
    for (Route route : routes) {
      String path =
          RestPaths.sample(
              route.pathTemplate(), route.requestPrototype().getDescriptorForType(), seed++);
      boolean binary = seed % 2 == 0;
      HttpRequest.Builder request =
          HttpRequest.newBuilder(http(path))
              .header("Accept", binary ? "application/octet-stream" : "application/json");
      if (route.body() == null || route.body().isEmpty()) {
        request.method(route.httpMethod(), HttpRequest.BodyPublishers.noBody());
      } else {
        request
            .header("Content-Type", "application/json")
            .method(route.httpMethod(), HttpRequest.BodyPublishers.ofString("{}"));
      }
      HttpResponse<byte[]> response = send(request.build());

      // Every route reaches its method: an implemented one answers with its own status (a sample
      // request is rarely valid, a sample entity rarely exists), an unimplemented one 501; never
      // the gateway's 404 ("Not Found") or 405.
      assertThat(response.statusCode()).as(route.toString()).isNotEqualTo(405);
      if (response.statusCode() == 200) {
        continue;
      }
      com.google.rpc.Status status =
          binary ? com.google.rpc.Status.parseFrom(response.body()) : jsonStatus(response);
      assertThat(response.statusCode() == 404 && status.getMessage().equals("Not Found"))
          .as(route.toString())
          .isFalse();
      if (response.statusCode() == 501) {
        assertThat(status.getCode())
            .as(route.toString())
            .isEqualTo(Status.Code.UNIMPLEMENTED.value());
        assertThat(status.getMessage()).as(route.toString()).contains(route.fullMethodName());
        unimplemented.add(route.fullMethodName());
      } else {
        assertThat(status.getCode()).as(route.toString()).isNotZero();
        assertThat(status.getMessage()).as(route.toString()).isNotBlank();
      }
    }
    assertThat(unimplemented)
        .as("GetVersion is implemented")
        .doesNotContain(AdminServiceGrpc.getGetVersionMethod().getFullMethodName());
  }

  @Test
  void unknownPathsAnswer404WithAStatusBody() throws Exception {
    HttpResponse<byte[]> response = get("/api/v1/no_such_thing", "application/json");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(jsonStatus(response).getCode()).isEqualTo(Status.Code.NOT_FOUND.value());
  }

  @Test
  void aKnownPathWithTheWrongMethodAnswers405() throws Exception {
    HttpResponse<byte[]> response =
        send(
            HttpRequest.newBuilder(http("/api/v1/version"))
                .header("Accept", "application/octet-stream")
                .DELETE()
                .build());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(com.google.rpc.Status.parseFrom(response.body()).getCode())
        .isEqualTo(Status.Code.UNIMPLEMENTED.value());
  }

  @Test
  void malformedJsonAnswers400WithTheDecodersMessage() throws Exception {
    HttpResponse<byte[]> response =
        send(
            HttpRequest.newBuilder(http("/api/v1/projects"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"project\": {"))
                .build());

    assertThat(response.statusCode()).isEqualTo(400);
    com.google.rpc.Status status = jsonStatus(response);
    assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT.value());
    assertThat(status.getMessage()).isNotBlank();
  }

  @Test
  void restCallsRunThroughTheSameInterceptorsAsGrpc() throws Exception {
    HttpResponse<byte[]> response =
        send(
            HttpRequest.newBuilder(http("/api/v1/version"))
                .header("X-Request-Id", "rest-request-1")
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Grpc-Metadata-X-Request-Id"))
        .hasValue("rest-request-1");
  }
}

package org.flyte.common.rest;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.DataProxyServiceGrpc;
import flyteidl.service.SignalServiceGrpc;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.flyte.testing.RestPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Walks the whole route table against the default (UNIMPLEMENTED) service bases: every route must
 * reach its own gRPC method, which answers 501 with a Status naming that method.
 */
class RestGatewayWalkTest {

  private static GatewayHarness harness;

  @BeforeAll
  static void start() {
    harness =
        GatewayHarness.of(
            new AdminServiceGrpc.AdminServiceImplBase() {},
            new DataProxyServiceGrpc.DataProxyServiceImplBase() {},
            new SignalServiceGrpc.SignalServiceImplBase() {});
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  private static Set<String> methodsOf(String service) {
    return harness.gateway().routes().stream()
        .map(Route::fullMethodName)
        .filter(name -> name.startsWith(service + "/"))
        .collect(Collectors.toSet());
  }

  @Test
  void routeTableCoversEveryAnnotatedMethod() {
    assertThat(methodsOf("flyteidl.service.AdminService")).hasSize(56);
    assertThat(methodsOf("flyteidl.service.DataProxyService"))
        .containsExactlyInAnyOrder(
            "flyteidl.service.DataProxyService/CreateUploadLocation",
            "flyteidl.service.DataProxyService/CreateDownloadLocation",
            "flyteidl.service.DataProxyService/CreateDownloadLink",
            "flyteidl.service.DataProxyService/GetData");
    assertThat(methodsOf("flyteidl.service.SignalService"))
        .containsExactlyInAnyOrder(
            "flyteidl.service.SignalService/ListSignals",
            "flyteidl.service.SignalService/SetSignal");
    assertThat(harness.gateway().routes()).hasSize(60 + 4 + 2);
    // body "*": 21 in admin.proto, 2 in dataproxy.proto, 1 in signal.proto (agent.proto's 2 are
    // not served by FlyteAdmin)
    assertThat(harness.gateway().routes().stream().filter(r -> r.body().equals("*"))).hasSize(24);
  }

  @Test
  void everyRouteReachesItsOwnMethod() throws Exception {
    List<Route> routes = harness.gateway().routes();
    for (int i = 0; i < routes.size(); i++) {
      Route route = routes.get(i);
      boolean binary = i % 2 == 0;
      MockHttpServletRequest request =
          GatewayHarness.request(route.httpMethod(), concretePath(route, i));
      if (binary) {
        request.addHeader("Accept", ProtoMarshaler.CONTENT_TYPE);
      }
      if (route.body().equals("*")) {
        request.setContentType("application/json");
        request.setContent("{}".getBytes(StandardCharsets.UTF_8));
      }

      MockHttpServletResponse response = harness.send(request);

      assertThat(response.getStatus()).as(route.toString()).isEqualTo(501);
      assertThat(response.getContentType())
          .as(route.toString())
          .isEqualTo(binary ? ProtoMarshaler.CONTENT_TYPE : JsonMarshaler.CONTENT_TYPE);
      com.google.rpc.Status status = GatewayHarness.status(response);
      assertThat(status.getCode())
          .as(route.toString())
          .isEqualTo(Status.Code.UNIMPLEMENTED.value());
      assertThat(status.getMessage()).as(route.toString()).contains(route.fullMethodName() + " ");
    }
  }

  private static String concretePath(Route route, int seed) {
    return RestPaths.sample(
        route.pathTemplate(), route.requestPrototype().getDescriptorForType(), seed);
  }
}

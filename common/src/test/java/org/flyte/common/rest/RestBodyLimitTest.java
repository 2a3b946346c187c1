package org.flyte.common.rest;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.admin.ProjectOuterClass.ProjectRegisterRequest;
import flyteidl.admin.ProjectOuterClass.ProjectRegisterResponse;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Bodies above the limit are answered 413 with a Status body in the asked encoding, whether the
 * {@code Content-Length} announces them or they come chunked; the call never happens.
 */
class RestBodyLimitTest {

  private final AtomicInteger calls = new AtomicInteger();

  private final AdminServiceGrpc.AdminServiceImplBase admin =
      new AdminServiceGrpc.AdminServiceImplBase() {
        @Override
        public void registerProject(
            ProjectRegisterRequest request, StreamObserver<ProjectRegisterResponse> out) {
          calls.incrementAndGet();
          out.onNext(ProjectRegisterResponse.getDefaultInstance());
          out.onCompleted();
        }
      };

  private static MockHttpServletRequest post(String body, boolean chunked) {
    MockHttpServletRequest request =
        chunked
            ? new MockHttpServletRequest("POST", "/api/v1/projects") {
              @Override
              public long getContentLengthLong() {
                return -1;
              }
            }
            : new MockHttpServletRequest("POST", "/api/v1/projects");
    request.setContentType("application/json");
    request.setContent(body.getBytes(StandardCharsets.UTF_8));
    return request;
  }

  private MockHttpServletResponse send(RestGateway gateway, MockHttpServletRequest request)
      throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    new RestGatewayHandler(gateway, 64).handleRequest(request, response);
    return response;
  }

  @Test
  void aBodyWithinTheLimitIsServed() throws Exception {
    try (GatewayHarness harness = GatewayHarness.of(admin)) {
      String body = "{\"project\":{\"id\":\"p\",\"name\":\"n\"}}";

      assertThat(send(harness.gateway(), post(body, false)).getStatus()).isEqualTo(200);
      assertThat(send(harness.gateway(), post(body, true)).getStatus()).isEqualTo(200);
      assertThat(calls).hasValue(2);
    }
  }

  @Test
  void aLargerBodyIs413AnnouncedOrChunked() throws Exception {
    try (GatewayHarness harness = GatewayHarness.of(admin)) {
      String body = "{\"project\":{\"id\":\"p\",\"name\":\"" + "n".repeat(100) + "\"}}";

      for (boolean chunked : new boolean[] {false, true}) {
        MockHttpServletResponse response = send(harness.gateway(), post(body, chunked));

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(GatewayHarness.status(response).getCode()).isEqualTo(8);
        assertThat(GatewayHarness.status(response).getMessage())
            .isEqualTo(
                "the request body exceeds the limit of 64 bytes (flyte.server.rest.maxBodySize)");
      }
      assertThat(calls).hasValue(0);
    }
  }
}

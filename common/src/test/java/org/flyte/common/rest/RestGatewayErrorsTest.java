package org.flyte.common.rest;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.service.AdminServiceGrpc;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Bad input answers with a {@code google.rpc.Status} body in the outbound encoding, never a bare
 * error page: routing errors as grpc-gateway's {@code DefaultRoutingErrorHandler}, undecodable
 * bodies and parameters as 400.
 */
class RestGatewayErrorsTest {

  private static GatewayHarness harness;

  @BeforeAll
  static void start() {
    harness = GatewayHarness.of(new AdminServiceGrpc.AdminServiceImplBase() {});
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  private static MockHttpServletRequest request(String method, String path, String accept) {
    MockHttpServletRequest request = GatewayHarness.request(method, path);
    if (!accept.isEmpty()) {
      request.addHeader("Accept", accept);
    }
    return request;
  }

  private static void assertStatus(
      MockHttpServletResponse response, int http, Status.Code code, String accept) {
    assertThat(response.getStatus()).isEqualTo(http);
    assertThat(response.getContentType())
        .isEqualTo(
            accept.equals(ProtoMarshaler.CONTENT_TYPE)
                ? ProtoMarshaler.CONTENT_TYPE
                : JsonMarshaler.CONTENT_TYPE);
    com.google.rpc.Status status = GatewayHarness.status(response);
    assertThat(status.getCode()).isEqualTo(code.value());
    assertThat(status.getMessage()).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/octet-stream", "application/json", ""})
  void unknownPathIs404WithAStatusBody(String accept) {
    MockHttpServletResponse response = harness.send(request("GET", "/api/v1/nothing/here", accept));
    assertStatus(response, 404, Status.Code.NOT_FOUND, accept);
    assertThat(GatewayHarness.status(response).getMessage()).isEqualTo("Not Found");

    assertStatus(harness.send(request("GET", "/", accept)), 404, Status.Code.NOT_FOUND, accept);
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/octet-stream", "application/json", ""})
  void wrongMethodOnAKnownPathIs405WithAStatusBody(String accept) {
    MockHttpServletResponse response = harness.send(request("DELETE", "/api/v1/version", accept));
    assertStatus(response, 405, Status.Code.UNIMPLEMENTED, accept);
    assertThat(GatewayHarness.status(response).getMessage()).isEqualTo("Method Not Allowed");

    assertStatus(
        harness.send(request("PATCH", "/api/v1/tasks", accept)),
        405,
        Status.Code.UNIMPLEMENTED,
        accept);
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/octet-stream", "application/json", ""})
  void malformedJsonBodyIs400WithTheDecoderMessage(String accept) {
    MockHttpServletRequest request = request("POST", "/api/v1/tasks", accept);
    request.setContentType("application/json");
    request.setContent("{\"id\": {".getBytes(StandardCharsets.UTF_8));

    MockHttpServletResponse response = harness.send(request);

    assertStatus(response, 400, Status.Code.INVALID_ARGUMENT, accept);
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/octet-stream", "application/json"})
  void malformedBinaryBodyIs400(String accept) {
    MockHttpServletRequest request = request("POST", "/api/v1/projects", accept);
    request.setContentType("application/octet-stream");
    request.setContent(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff});

    assertStatus(harness.send(request), 400, Status.Code.INVALID_ARGUMENT, accept);
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/octet-stream", ""})
  void unknownJsonFieldsAreRejectedOnlyForApplicationJson(String accept) {
    MockHttpServletRequest strict = request("POST", "/api/v1/projects", accept);
    strict.setContentType("application/json; charset=utf-8");
    strict.setContent("{\"surprise\": 1}".getBytes(StandardCharsets.UTF_8));
    MockHttpServletResponse rejected = harness.send(strict);
    assertStatus(rejected, 400, Status.Code.INVALID_ARGUMENT, accept);
    assertThat(GatewayHarness.status(rejected).getMessage()).contains("surprise");

    MockHttpServletRequest lenient = request("POST", "/api/v1/projects", accept);
    lenient.setContentType("text/plain");
    lenient.setContent("{\"surprise\": 1}".getBytes(StandardCharsets.UTF_8));
    // reaches the (unimplemented) service: the body was accepted
    assertStatus(harness.send(lenient), 501, Status.Code.UNIMPLEMENTED, accept);
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/octet-stream", "application/json", ""})
  void badQueryParameterIs400NamingIt(String accept) {
    MockHttpServletResponse response =
        harness.send(request("GET", "/api/v1/tasks/p/d?limit=lots", accept));
    assertStatus(response, 400, Status.Code.INVALID_ARGUMENT, accept);
    assertThat(GatewayHarness.status(response).getMessage()).contains("\"limit\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/octet-stream", ""})
  void malformedQueryOrPathEscapesAre400(String accept) {
    assertStatus(
        harness.send(request("GET", "/api/v1/tasks/p/d?limit=%zz", accept)),
        400,
        Status.Code.INVALID_ARGUMENT,
        accept);
    assertStatus(
        harness.send(request("GET", "/api/v1/tasks/p%/d", accept)),
        400,
        Status.Code.INVALID_ARGUMENT,
        accept);
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/octet-stream", ""})
  void badGrpcTimeoutIs400(String accept) {
    MockHttpServletRequest request = request("GET", "/api/v1/version", accept);
    request.addHeader("Grpc-Timeout", "soon");
    assertStatus(harness.send(request), 400, Status.Code.INVALID_ARGUMENT, accept);
  }
}

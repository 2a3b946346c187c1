package org.flyte.common.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status.Code;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpStatusesTest {

  @Test
  void followsGrpcGatewaysTable() {
    Map<Code, Integer> expected = new EnumMap<>(Code.class);
    expected.put(Code.OK, 200);
    expected.put(Code.CANCELLED, 499);
    expected.put(Code.UNKNOWN, 500);
    expected.put(Code.INVALID_ARGUMENT, 400);
    expected.put(Code.DEADLINE_EXCEEDED, 504);
    expected.put(Code.NOT_FOUND, 404);
    expected.put(Code.ALREADY_EXISTS, 409);
    expected.put(Code.PERMISSION_DENIED, 403);
    expected.put(Code.RESOURCE_EXHAUSTED, 429);
    expected.put(Code.FAILED_PRECONDITION, 400);
    expected.put(Code.ABORTED, 409);
    expected.put(Code.OUT_OF_RANGE, 400);
    expected.put(Code.UNIMPLEMENTED, 501);
    expected.put(Code.INTERNAL, 500);
    expected.put(Code.UNAVAILABLE, 503);
    expected.put(Code.DATA_LOSS, 500);
    expected.put(Code.UNAUTHENTICATED, 401);

    assertThat(expected).hasSize(Code.values().length);
    expected.forEach(
        (code, http) -> {
          assertThat(HttpStatuses.fromGrpc(code)).as(code.name()).isEqualTo(http);
          assertThat(HttpStatuses.fromGrpc(code.value())).as(code.name()).isEqualTo(http);
        });
    assertThat(HttpStatuses.fromGrpc(99)).isEqualTo(500);
  }
}

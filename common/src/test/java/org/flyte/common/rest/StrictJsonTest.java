package org.flyte.common.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.ProjectOuterClass.ProjectRegisterRequest;
import flyteidl.service.AdminServiceGrpc;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * JSON bodies are read as protojson reads them (grpc-gateway's marshalers): what it refuses is
 * refused with its message and position, before anything is merged.
 */
class StrictJsonTest {

  private static final JsonFormat.TypeRegistry TYPES =
      RestGateway.typeRegistry(List.of(AdminServiceGrpc.getServiceDescriptor()), List.of());
  private static final JsonMarshaler SNAKE = JsonMarshaler.protoNames(TYPES);
  private static final JsonMarshaler CAMEL = JsonMarshaler.jsonNames(TYPES);

  private static String refusal(JsonMarshaler marshaler, byte[] body, Message.Builder into) {
    Throwable error =
        org.assertj.core.api.Assertions.catchThrowable(() -> marshaler.merge(body, into));
    assertThat(error).isInstanceOf(InvalidProtocolBufferException.class);
    return error.getMessage();
  }

  private static String refusal(String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String snake = refusal(SNAKE, body, ProjectRegisterRequest.newBuilder());
    assertThat(refusal(CAMEL, body, ProjectRegisterRequest.newBuilder())).isEqualTo(snake);
    return snake;
  }

  @Test
  void aNumberOrAnArrayIsNoString() {
    assertThat(refusal("{\"project\":{\"id\":123,\"name\":[\"a\"]}}"))
        .isEqualTo("proto: (line 1:18): invalid value for string field id: 123");
    assertThat(refusal("{\"project\":{\"id\":\"a\",\"name\":[\"a\"]}}"))
        .isEqualTo("proto: (line 1:29): invalid value for string field name: [");
  }

  @Test
  void duplicateKeysAreRefusedUnderEitherName() {
    assertThat(refusal("{\"project\":{\"id\":\"a\",\"id\":\"b\"}}"))
        .isEqualTo("proto: (line 1:22): duplicate field \"id\"");
    byte[] bothNames =
        "{\"sort_by\":{\"key\":\"a\"},\"sortBy\":{\"key\":\"b\"}}".getBytes(StandardCharsets.UTF_8);
    assertThat(refusal(SNAKE, bothNames, ResourceListRequest.newBuilder()))
        .isEqualTo("proto: (line 1:24): duplicate field \"sortBy\"");
  }

  @Test
  void invalidUtf8IsRefusedNotReplaced() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("{\"project\":{\"id\":\"a".getBytes(StandardCharsets.UTF_8));
    body.write(0xFF);
    body.writeBytes("\"}}".getBytes(StandardCharsets.UTF_8));

    assertThat(refusal(SNAKE, body.toByteArray(), ProjectRegisterRequest.newBuilder()))
        .isEqualTo("proto: syntax error (line 1:18): invalid UTF-8 in string");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"project\":{\"id\":'a'}}|proto: syntax error (line 1:18): invalid value '",
        "{project:{}}|proto: syntax error (line 1:2): invalid value project",
        "{\"project\":{}} trailing|proto: syntax error (line 1:16): invalid value trailing",
        "{\"project\":{} /* c */}|proto: syntax error (line 1:15): invalid value /",
        "{\"project\":{\"id\":01}}|proto: syntax error (line 1:18): invalid value 01",
        "{\"project\":{\"id\":NaN}}|proto: syntax error (line 1:18): invalid value NaN",
        "{\"project\":{\"id\":\"\\ud800\"}}|proto: syntax error (line 1:18): invalid escape code"
            + " \"\\\\ud800\" in string",
        "{\"project\":{\"id\":\"a\\x\"}}|proto: syntax error (line 1:18): invalid escape code"
            + " \"\\\\x\" in string",
        "{\"project\":7}|proto: syntax error (line 1:12): unexpected token 7",
        "{\"project\":{\"domains\":{}}}|proto: syntax error (line 1:23): unexpected token {",
        "{\"project\":{\"domains\":[null]}}|proto: syntax error (line 1:24): unexpected token null",
        "{\"project\":{\"labels\":{\"values\":{\"a\":\"1\",\"a\":\"2\"}}}}|proto: (line 1:41):"
            + " duplicate map key \"a\"",
        "{\"project\":{\"state\":true}}|proto: (line 1:21): invalid value for enum field state:"
            + " true",
        "{\"project\":{\"id\":\"a\"|proto: unexpected EOF",
      })
  void whatProtojsonRefusesIsRefused(String json, String message) {
    assertThat(refusal(json)).isEqualTo(message);
  }

  @Test
  void oneMemberPerOneof() {
    byte[] body =
        "{\"spec\":{\"notifications\":{},\"disable_all\":true}}".getBytes(StandardCharsets.UTF_8);

    assertThat(refusal(SNAKE, body, ExecutionCreateRequest.newBuilder()))
        .isEqualTo(
            "proto: (line 1:29): error parsing \"disable_all\", oneof"
                + " flyteidl.admin.ExecutionSpec.notification_overrides is already set");
  }

  @Test
  void unknownFieldsFollowTheMarshaler() throws Exception {
    byte[] body =
        "{\"project\":{\"id\":\"a\",\"surprise\":[1,{\"x\":1,\"x\":2}]}}"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(refusal(SNAKE, body, ProjectRegisterRequest.newBuilder()))
        .isEqualTo("proto: (line 1:22): unknown field \"surprise\"");
    ProjectRegisterRequest.Builder lenient = ProjectRegisterRequest.newBuilder();
    CAMEL.merge(body, lenient);
    assertThat(lenient.getProject().getId()).isEqualTo("a");
  }

  @Test
  void nestingBeyondTheLimitIsRefusedWithoutOverflowingTheStack() {
    String deep = "[".repeat(50_000) + "]".repeat(50_000);
    byte[] body = ("{\"project\":{\"unknown\":" + deep + "}}").getBytes(StandardCharsets.UTF_8);

    assertThat(refusal(CAMEL, body, ProjectRegisterRequest.newBuilder()))
        .isEqualTo("proto: exceeded max recursion depth");
  }

  @Test
  void strictJsonOfTheRightShapeIsRead() throws Exception {
    byte[] body =
        ("{\"project\":{\"id\":\"caf\\u00e9 \\ud83d\\ude00\",\"name\":null,\"domains\":[],"
                + "\"labels\":{\"values\":{\"k\":\"v\"}},\"state\":1}}\n")
            .getBytes(StandardCharsets.UTF_8);
    for (JsonMarshaler marshaler : List.of(SNAKE, CAMEL)) {
      ProjectRegisterRequest.Builder builder = ProjectRegisterRequest.newBuilder();
      marshaler.merge(body, builder);
      assertThat(builder.getProject().getId()).isEqualTo("café 😀");
      assertThat(builder.getProject().getLabels().getValuesMap()).containsEntry("k", "v");
      assertThat(builder.getProject().getStateValue()).isEqualTo(1);
    }
    NamedEntityIdentifier.Builder id = NamedEntityIdentifier.newBuilder();
    SNAKE.merge(
        " { \"project\" : \"p\" , \"name\" : \"n\" } ".getBytes(StandardCharsets.UTF_8), id);
    assertThat(id.getName()).isEqualTo("n");
  }

  @Test
  void wrongShapesOfWellKnownTypesAreRefused() {
    byte[] body = "{\"spec\":{\"metadata\":{\"scheduled_at\":5}}}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> SNAKE.merge(body, ExecutionCreateRequest.newBuilder()))
        .hasMessage("proto: syntax error (line 1:37): unexpected token 5");
  }
}

package org.flyte.common.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.Any;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.google.protobuf.util.Timestamps;
import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.Common.Sort;
import flyteidl.admin.Event.EventErrorAlreadyInTerminalState;
import flyteidl.admin.Event.EventFailureReason;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.ExecutionClosure;
import flyteidl.admin.ExecutionOuterClass.ExecutionSpec;
import flyteidl.admin.VersionOuterClass.GetVersionResponse;
import flyteidl.admin.VersionOuterClass.Version;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.service.AdminServiceGrpc;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonMarshalerTest {

  private static final JsonFormat.TypeRegistry TYPES =
      RestGateway.typeRegistry(
          List.of(AdminServiceGrpc.getServiceDescriptor()), List.of(SampleTypes.SAMPLE));
  private static final JsonMarshaler SNAKE = JsonMarshaler.protoNames(TYPES);
  private static final JsonMarshaler CAMEL = JsonMarshaler.jsonNames(TYPES);
  private static final ProtoMarshaler BINARY = new ProtoMarshaler();

  private static final Execution EXECUTION =
      Execution.newBuilder()
          .setId(
              WorkflowExecutionIdentifier.newBuilder()
                  .setProject("flytesnacks")
                  .setDomain("development")
                  .setName("f1b2c3"))
          .setSpec(
              ExecutionSpec.newBuilder()
                  .setLaunchPlan(
                      Identifier.newBuilder()
                          .setResourceType(ResourceType.LAUNCH_PLAN)
                          .setProject("flytesnacks")
                          .setDomain("development")
                          .setName("wf")
                          .setVersion("v1")))
          .setClosure(
              ExecutionClosure.newBuilder()
                  .setPhase(WorkflowExecution.Phase.SUCCEEDED)
                  .setStartedAt(Timestamps.fromMillis(1_700_000_000_123L))
                  .setDuration(
                      com.google.protobuf.Duration.newBuilder()
                          .setSeconds(12)
                          .setNanos(500_000_000)))
          .build();

  private static JsonObject json(RestMarshaler marshaler, Message message) throws Exception {
    return JsonParser.parseString(new String(marshaler.marshal(message), StandardCharsets.UTF_8))
        .getAsJsonObject();
  }

  private static <M extends Message> M roundTrip(RestMarshaler marshaler, M message)
      throws Exception {
    Message.Builder builder = message.newBuilderForType();
    marshaler.merge(marshaler.marshal(message), builder);
    @SuppressWarnings("unchecked")
    M parsed = (M) builder.build();
    return parsed;
  }

  @Test
  void realFlyteMessagesRoundTripInEveryEncoding() throws Exception {
    assertThat(roundTrip(SNAKE, EXECUTION)).isEqualTo(EXECUTION);
    assertThat(roundTrip(CAMEL, EXECUTION)).isEqualTo(EXECUTION);
    assertThat(roundTrip(BINARY, EXECUTION)).isEqualTo(EXECUTION);
  }

  @Test
  void applicationJsonUsesProtoNamesAndTheDefaultUsesJsonNames() throws Exception {
    JsonObject snake = json(SNAKE, EXECUTION);
    JsonObject camel = json(CAMEL, EXECUTION);

    assertThat(snake.getAsJsonObject("spec").has("launch_plan")).isTrue();
    assertThat(snake.getAsJsonObject("closure").get("started_at").getAsString())
        .isEqualTo("2023-11-14T22:13:20.123Z");
    assertThat(camel.getAsJsonObject("spec").has("launchPlan")).isTrue();
    assertThat(camel.getAsJsonObject("spec").has("launch_plan")).isFalse();
    assertThat(camel.getAsJsonObject("closure").get("startedAt").getAsString())
        .isEqualTo("2023-11-14T22:13:20.123Z");
  }

  @Test
  void enumsAreNamesDurationsSecondsAndInt64Strings() throws Exception {
    JsonObject closure = json(SNAKE, EXECUTION).getAsJsonObject("closure");
    assertThat(closure.get("phase").getAsString()).isEqualTo("SUCCEEDED");
    assertThat(closure.get("duration").getAsString()).isEqualTo("12.500s");

    DynamicMessage sample =
        SampleTypes.sample()
            .setField(SampleTypes.SAMPLE.findFieldByName("i64"), 9007199254740993L)
            .build();
    JsonObject printed = json(SNAKE, sample);
    assertThat(printed.get("i64").isJsonPrimitive()).isTrue();
    assertThat(printed.get("i64").getAsJsonPrimitive().isString()).isTrue();
    assertThat(printed.get("i64").getAsString()).isEqualTo("9007199254740993");
    assertThat(printed.get("u64").getAsString()).isEqualTo("0");
    assertThat(printed.get("i32").getAsJsonPrimitive().isNumber()).isTrue();
  }

  @Test
  void unpopulatedFieldsAreEmittedWithDefaultsAndNulls() throws Exception {
    String snake = new String(SNAKE.marshal(SampleTypes.sample().build()), StandardCharsets.UTF_8);

    assertThat(snake)
        .isEqualTo(
            "{\"flag\":false,\"i32\":0,\"i64\":\"0\",\"u32\":0,\"u64\":\"0\",\"f32\":0.0,"
                + "\"f64\":0.0,\"text\":\"\",\"data\":\"\",\"tags\":[],\"nums\":[],\"labels\":{},"
                + "\"at\":null,\"wait\":null,\"big\":null,\"maybe\":null,\"label\":null,"
                + "\"mask\":null,\"meta\":null,\"nested\":null,\"colors\":[],\"list\":null,"
                + "\"extra\":null,\"children\":{},\"items\":[]}");
  }

  @Test
  void nullsAreFilledInsideNestedListsMapsAndAny() throws Exception {
    DynamicMessage nested =
        SampleTypes.nested()
            .setField(SampleTypes.NESTED.findFieldByName("leaf_name"), "leaf")
            .build();
    DynamicMessage.Builder children = SampleTypes.sample();
    Message.Builder entry =
        children.newBuilderForField(SampleTypes.SAMPLE.findFieldByName("children"));
    entry.setField(entry.getDescriptorForType().findFieldByName("key"), "k");
    entry.setField(entry.getDescriptorForType().findFieldByName("value"), nested);
    DynamicMessage sample =
        children
            .addRepeatedField(SampleTypes.SAMPLE.findFieldByName("children"), entry.build())
            .addRepeatedField(SampleTypes.SAMPLE.findFieldByName("items"), nested)
            .setField(SampleTypes.SAMPLE.findFieldByName("nested"), nested)
            .setField(SampleTypes.SAMPLE.findFieldByName("extra"), Any.pack(nested))
            .build();

    JsonObject camel = json(CAMEL, sample);

    JsonObject expectedNested = new JsonObject();
    expectedNested.addProperty("leafName", "leaf");
    expectedNested.addProperty("color", "RED");
    expectedNested.add("inner", com.google.gson.JsonNull.INSTANCE);
    assertThat(camel.get("nested")).isEqualTo(expectedNested);
    assertThat(camel.getAsJsonArray("items").get(0)).isEqualTo(expectedNested);
    assertThat(camel.getAsJsonObject("children").get("k")).isEqualTo(expectedNested);
    JsonObject any = camel.getAsJsonObject("extra");
    assertThat(any.keySet()).containsExactly("@type", "leafName", "color", "inner");
    assertThat(any.get("@type").getAsString()).isEqualTo("type.googleapis.com/test.Sample.Nested");
    assertThat(any.get("inner").isJsonNull()).isTrue();
    assertThat(roundTrip(CAMEL, sample)).isEqualTo(sample);
  }

  @Test
  void unsetOneofMembersAndProto3OptionalsAreOmitted() throws Exception {
    JsonObject empty = json(SNAKE, SampleTypes.sample().build());
    assertThat(empty.has("left")).isFalse();
    assertThat(empty.has("right")).isFalse();
    assertThat(empty.has("opt")).isFalse();

    DynamicMessage withRight =
        SampleTypes.sample()
            .setField(SampleTypes.SAMPLE.findFieldByName("right"), SampleTypes.nested().build())
            .build();
    JsonObject printed = json(SNAKE, withRight);
    assertThat(printed.has("left")).isFalse();
    assertThat(printed.getAsJsonObject("right").get("inner").isJsonNull()).isTrue();
  }

  @Test
  void flyteAnyDetailsPrintThroughTheServicesTypeRegistry() throws Exception {
    EventFailureReason reason =
        EventFailureReason.newBuilder()
            .setAlreadyInTerminalState(
                EventErrorAlreadyInTerminalState.newBuilder().setCurrentPhase("SUCCEEDED"))
            .build();
    com.google.rpc.Status status =
        com.google.rpc.Status.newBuilder()
            .setCode(9)
            .setMessage("already terminal")
            .addDetails(Any.pack(reason))
            .build();

    JsonObject printed = json(SNAKE, status);

    JsonObject detail = printed.getAsJsonArray("details").get(0).getAsJsonObject();
    assertThat(detail.get("@type").getAsString())
        .isEqualTo("type.googleapis.com/flyteidl.admin.EventFailureReason");
    assertThat(
            detail.getAsJsonObject("already_in_terminal_state").get("current_phase").getAsString())
        .isEqualTo("SUCCEEDED");
    assertThat(roundTrip(SNAKE, status)).isEqualTo(status);
  }

  @Test
  void fieldsDeclaredCamelCaseKeepTheirNames() throws Exception {
    GetVersionResponse response =
        GetVersionResponse.newBuilder()
            .setControlPlaneVersion(
                Version.newBuilder().setBuild("abc").setVersion("v1.16.8").setBuildTime("today"))
            .build();

    JsonElement snake = json(SNAKE, response).get("control_plane_version");
    JsonElement camel = json(CAMEL, response).get("controlPlaneVersion");

    for (JsonElement version : List.of(snake, camel)) {
      assertThat(version.getAsJsonObject().keySet())
          .containsExactly("Build", "Version", "BuildTime");
    }
  }

  @Test
  void unknownFieldsAreRejectedByApplicationJsonOnly() throws Exception {
    byte[] body =
        "{\"limit\": 3, \"surprise\": true, \"sortBy\": {\"direction\": \"ASCENDING\"}}"
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> SNAKE.merge(body, ResourceListRequest.newBuilder()))
        .isInstanceOf(InvalidProtocolBufferException.class)
        .hasMessageContaining("surprise");

    ResourceListRequest.Builder lenient = ResourceListRequest.newBuilder();
    CAMEL.merge(body, lenient);
    assertThat(lenient.build())
        .isEqualTo(
            ResourceListRequest.newBuilder()
                .setLimit(3)
                .setSortBy(Sort.newBuilder().setDirection(Sort.Direction.ASCENDING))
                .build());
  }

  @Test
  void bothJsonMarshalersAcceptProtoAndJsonNamesEnumNumbersAndInt64Numbers() throws Exception {
    byte[] body =
        ("{\"id\": {\"project\": \"p\"}, \"sort_by\": {\"direction\": 1}, \"limit\": \"7\"}")
            .getBytes(StandardCharsets.UTF_8);
    ResourceListRequest expected =
        ResourceListRequest.newBuilder()
            .setId(NamedEntityIdentifier.newBuilder().setProject("p"))
            .setSortBy(Sort.newBuilder().setDirection(Sort.Direction.ASCENDING))
            .setLimit(7)
            .build();
    for (JsonMarshaler marshaler : List.of(SNAKE, CAMEL)) {
      ResourceListRequest.Builder builder = ResourceListRequest.newBuilder();
      marshaler.merge(body, builder);
      assertThat(builder.build()).isEqualTo(expected);
    }
  }

  @Test
  void outputIsCompactAndDoesNotHtmlEscape() throws Exception {
    NamedEntityIdentifier id = NamedEntityIdentifier.newBuilder().setName("<a&b='c'>").build();
    String printed = new String(SNAKE.marshal(id), StandardCharsets.UTF_8);
    assertThat(printed)
        .isEqualTo("{\"project\":\"\",\"domain\":\"\",\"name\":\"<a&b='c'>\",\"org\":\"\"}");
  }
}

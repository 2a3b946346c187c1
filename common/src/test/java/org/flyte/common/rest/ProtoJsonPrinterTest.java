package org.flyte.common.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.BoolValue;
import com.google.protobuf.ByteString;
import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.JsonFormat;
import com.google.protobuf.util.Timestamps;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.ExecutionClosure;
import flyteidl.admin.ExecutionOuterClass.ExecutionSpec;
import flyteidl.admin.TaskOuterClass.Task;
import flyteidl.admin.TaskOuterClass.TaskClosure;
import flyteidl.core.Compiler.CompiledTask;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Literals.Binary;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralCollection;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.service.AdminServiceGrpc;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtoJsonPrinterTest {

  private static final JsonFormat.TypeRegistry TYPES =
      RestGateway.typeRegistry(
          List.of(AdminServiceGrpc.getServiceDescriptor()), List.of(SampleTypes.SAMPLE));

  private static Literal primitive(Primitive.Builder value) {
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setPrimitive(value)).build();
  }

  /** A task whose closure holds every kind of value a Flyte message prints. */
  private static final Task TASK =
      Task.newBuilder()
          .setId(
              Identifier.newBuilder()
                  .setResourceType(ResourceType.TASK)
                  .setProject("p")
                  .setDomain("d")
                  .setName("t <&> \u2028 \"quoted\" \\ é")
                  .setVersion("v"))
          .setClosure(
              TaskClosure.newBuilder()
                  .setCreatedAt(Timestamps.fromMillis(1_700_000_000_123L))
                  .setCompiledTask(
                      CompiledTask.newBuilder()
                          .setTemplate(
                              TaskTemplate.newBuilder()
                                  .setType("python-task")
                                  .setTaskTypeVersion(-3)
                                  .setCustom(
                                      Struct.newBuilder()
                                          .putFields(
                                              "html",
                                              Value.newBuilder().setStringValue("<b>").build())
                                          .putFields(
                                              "n", Value.newBuilder().setNumberValue(1e21).build())
                                          .putFields(
                                              "nested",
                                              Value.newBuilder()
                                                  .setStructValue(
                                                      Struct.newBuilder()
                                                          .putFields(
                                                              "b",
                                                              Value.newBuilder()
                                                                  .setBoolValue(true)
                                                                  .build()))
                                                  .build()))
                                  .putConfig("k", "v"))))
          .build();

  private static final LiteralMap LITERALS =
      LiteralMap.newBuilder()
          .putLiterals("i", primitive(Primitive.newBuilder().setInteger(Long.MIN_VALUE)))
          .putLiterals("nan", primitive(Primitive.newBuilder().setFloatValue(Double.NaN)))
          .putLiterals(
              "inf", primitive(Primitive.newBuilder().setFloatValue(Double.NEGATIVE_INFINITY)))
          .putLiterals("small", primitive(Primitive.newBuilder().setFloatValue(1.5e-7)))
          .putLiterals(
              "when", primitive(Primitive.newBuilder().setDatetime(Timestamps.fromSeconds(5))))
          .putLiterals(
              "bytes",
              Literal.newBuilder()
                  .setScalar(
                      Scalar.newBuilder()
                          .setBinary(
                              Binary.newBuilder()
                                  .setValue(ByteString.copyFrom(new byte[] {0, -1, 64}))
                                  .setTag("t")))
                  .build())
          .putLiterals(
              "list",
              Literal.newBuilder()
                  .setCollection(
                      LiteralCollection.newBuilder()
                          .addLiterals(primitive(Primitive.newBuilder().setBoolean(false)))
                          .addLiterals(primitive(Primitive.newBuilder().setStringValue(""))))
                  .build())
          .build();

  /** A Struct with every kind of Value. */
  private static final Struct VALUES =
      Struct.newBuilder()
          .putFields(
              "list",
              Value.newBuilder()
                  .setListValue(
                      ListValue.newBuilder()
                          .addValues(Value.getDefaultInstance())
                          .addValues(Value.newBuilder().setNullValue(NullValue.NULL_VALUE))
                          .addValues(Value.newBuilder().setNumberValue(1))
                          .addValues(Value.newBuilder().setNumberValue(0.25))
                          .addValues(
                              Value.newBuilder().setListValue(ListValue.getDefaultInstance())))
                  .build())
          .build();

  private static final Execution WELL_KNOWN =
      Execution.newBuilder()
          .setSpec(
              ExecutionSpec.newBuilder()
                  .setInterruptible(BoolValue.of(true))
                  .setInputs(
                      LiteralMap.newBuilder()
                          .putLiterals(
                              "generic",
                              Literal.newBuilder()
                                  .setScalar(Scalar.newBuilder().setGeneric(VALUES))
                                  .build())))
          .setClosure(
              ExecutionClosure.newBuilder()
                  .setStartedAt(Timestamps.fromMillis(1_700_000_000_123L))
                  .setDuration(Durations.fromMillis(12_500)))
          .build();

  /** Ours without its nulls is what JsonFormat prints (same values, any order). */
  private static void assertSameValuesAsJsonFormat(Message message) throws Exception {
    for (boolean protoNames : new boolean[] {true, false}) {
      JsonMarshaler ours =
          protoNames ? JsonMarshaler.protoNames(TYPES) : JsonMarshaler.jsonNames(TYPES);
      JsonFormat.Printer reference =
          JsonFormat.printer().usingTypeRegistry(TYPES).alwaysPrintFieldsWithNoPresence();
      if (protoNames) {
        reference = reference.preservingProtoFieldNames();
      }
      assertThat(withoutNulls(JsonParser.parseString(ours.print(message))))
          .isEqualTo(JsonParser.parseString(reference.print(message)));
    }
  }

  private static JsonElement withoutNulls(JsonElement element) {
    if (element.isJsonObject()) {
      JsonObject kept = new JsonObject();
      for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
        if (!entry.getValue().isJsonNull()) {
          kept.add(entry.getKey(), withoutNulls(entry.getValue()));
        }
      }
      return kept;
    }
    if (element.isJsonArray()) {
      JsonArray kept = new JsonArray();
      element.getAsJsonArray().forEach(item -> kept.add(withoutNulls(item)));
      return kept;
    }
    return element;
  }

  @Test
  void printsTheValuesJsonFormatPrints() throws Exception {
    assertSameValuesAsJsonFormat(TASK);
    assertSameValuesAsJsonFormat(LITERALS);
    assertSameValuesAsJsonFormat(Task.getDefaultInstance());
    assertSameValuesAsJsonFormat(WELL_KNOWN);
  }

  @Test
  void refusesANonFiniteNumberInAValueAsJsonFormatDoes() {
    Struct nan =
        Struct.newBuilder()
            .putFields("x", Value.newBuilder().setNumberValue(Double.NaN).build())
            .build();
    assertThatThrownBy(() -> JsonMarshaler.protoNames(TYPES).print(nan))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("infinity or nan");
  }

  @Test
  void spellsWellKnownTypesAsJsonFormatDoes() throws Exception {
    String text = JsonMarshaler.protoNames(TYPES).print(WELL_KNOWN);
    assertThat(text)
        .contains("\"duration\":\"12.500s\"")
        .contains("\"interruptible\":true")
        .contains("\"list\":[null,null,1.0,0.25,[]]")
        .contains("\"started_at\":\"2023-11-14T22:13:20.123Z\"");
  }

  @Test
  void spellsScalarsAsProtojsonDoes() throws Exception {
    String text = JsonMarshaler.protoNames(TYPES).print(LITERALS);
    assertThat(text)
        .contains("\"integer\":\"-9223372036854775808\"")
        .contains("\"float_value\":\"NaN\"")
        .contains("\"float_value\":\"-Infinity\"")
        .contains("\"float_value\":1.5E-7")
        .contains("\"datetime\":\"1970-01-01T00:00:05Z\"")
        .contains("\"value\":\"AP9A\"")
        .contains("\"boolean\":false")
        .contains("\"string_value\":\"\"");
  }

  @Test
  void escapesStringsOnceAndWithoutHtmlEscapesInsideAndOutsideWellKnownTypes() throws Exception {
    String text = JsonMarshaler.protoNames(TYPES).print(TASK);
    assertThat(text)
        .contains("\"name\":\"t <&> \\u2028 \\\"quoted\\\" \\\\ é\"")
        .contains("\"html\":\"<b>\"")
        .contains("\"task_type_version\":-3")
        .contains("\"config\":{\"k\":\"v\"}")
        .doesNotContain("\\u003c");
  }

  @Test
  void writesFieldsInDeclarationOrderWithNullsForUnsetMessages() throws Exception {
    String text = JsonMarshaler.jsonNames(TYPES).print(Task.getDefaultInstance());
    assertThat(text).isEqualTo("{\"id\":null,\"closure\":null,\"shortDescription\":\"\"}");
  }
}

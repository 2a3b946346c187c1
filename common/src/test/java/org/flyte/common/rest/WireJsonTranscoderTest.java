package org.flyte.common.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flyte.common.rest.SampleTypes.field;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Timestamp;
import com.google.protobuf.UnknownFieldSet;
import com.google.protobuf.util.JsonFormat;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.MethodDescriptor.PrototypeMarshaller;
import io.grpc.ServerMethodDefinition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The wire-form transcoder against the printer's getter walk, byte for byte: random messages of
 * every type the admin service answers with, of {@link SampleTypes#SAMPLE} and of a type with the
 * scalar and map-key kinds Flyte's protos do not use, both as generated messages and as {@link
 * DynamicMessage}s.
 */
class WireJsonTranscoderTest {

  private static final JsonFormat.TypeRegistry TYPES =
      RestGateway.typeRegistry(
          List.of(AdminServiceGrpc.getServiceDescriptor()), List.of(SampleTypes.SAMPLE));

  private static final String[] STRINGS = {
    "",
    "a",
    "flytesnacks",
    "q\"b\\c",
    "tab\tnew\nline",
    "\u0001\u001f",
    "é",
    "日本",
    "\u2028\u2029",
    "😀",
    "\uD800x",
    "x\uDC00",
    "<b>&amp;</b>"
  };

  private static final Descriptor EXOTIC = exotic();

  private static List<ProtoJsonPrinter> printers() {
    List<ProtoJsonPrinter> printers = new ArrayList<>();
    for (boolean protoNames : new boolean[] {true, false}) {
      JsonFormat.Printer p =
          JsonFormat.printer()
              .usingTypeRegistry(TYPES)
              .alwaysPrintFieldsWithNoPresence()
              .omittingInsignificantWhitespace();
      printers.add(
          new ProtoJsonPrinter(TYPES, protoNames, protoNames ? p.preservingProtoFieldNames() : p));
    }
    return printers;
  }

  /** The getter walk's text, or its exception's class and message. */
  private static String byGetters(ProtoJsonPrinter printer, Message message) {
    try {
      CompactJsonWriter out = new CompactJsonWriter();
      printer.value(message, out);
      return out.toString();
    } catch (Exception e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  private static String byWire(ProtoJsonPrinter printer, Message message) {
    try {
      return new String(printer.bytes(message), StandardCharsets.UTF_8);
    } catch (Exception e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  @Test
  void writesWhatTheGetterWalkWritesForRandomAdminAnswers() throws Exception {
    List<Message> prototypes = new ArrayList<>();
    for (ServerMethodDefinition<?, ?> method :
        AdminServiceGrpc.bindService(new AdminServiceGrpc.AdminServiceImplBase() {}).getMethods()) {
      if (method.getMethodDescriptor().getResponseMarshaller()
          instanceof PrototypeMarshaller<?> marshaller) {
        prototypes.add((Message) marshaller.getMessagePrototype());
      }
    }
    assertThat(prototypes).hasSizeGreaterThan(40);
    int printed = 0;
    for (Message prototype : prototypes) {
      for (int seed = 0; seed < 12; seed++) {
        Message dynamic = random(prototype.getDescriptorForType(), new Random(seed), 0);
        MessageLite generated = prototype.getParserForType().parseFrom(dynamic.toByteArray());
        for (ProtoJsonPrinter printer : printers()) {
          String expected = byGetters(printer, dynamic);
          assertThat(byWire(printer, dynamic)).isEqualTo(expected);
          // a generated map keeps the last entry of a repeated key, a dynamic one keeps both
          assertThat(byWire(printer, (Message) generated))
              .isEqualTo(byGetters(printer, (Message) generated));
          printed += expected.startsWith("{") ? 1 : 0;
        }
      }
    }
    assertThat(printed).as("messages printed, not refused").isGreaterThan(prototypes.size() * 12);
  }

  @Test
  void writesWhatTheGetterWalkWritesForEveryScalarAndMapKeyKind() {
    for (Descriptor type : List.of(SampleTypes.SAMPLE, EXOTIC)) {
      for (int seed = 0; seed < 200; seed++) {
        Message message = random(type, new Random(seed), 0);
        for (ProtoJsonPrinter printer : printers()) {
          assertThat(byWire(printer, message))
              .as("%s seed %d", type.getName(), seed)
              .isEqualTo(byGetters(printer, message));
        }
      }
    }
  }

  @Test
  void leavesOutFieldsThisBuildDoesNotKnow() throws Exception {
    Identifier known =
        Identifier.newBuilder()
            .setResourceType(ResourceType.TASK)
            .setProject("p")
            .setName("n")
            .build();
    Identifier withUnknown =
        known.toBuilder()
            .setUnknownFields(
                UnknownFieldSet.newBuilder()
                    .addField(
                        99,
                        UnknownFieldSet.Field.newBuilder()
                            .addLengthDelimited(ByteString.copyFromUtf8("later"))
                            .addVarint(7)
                            .build())
                    .build())
            .build();
    ProtoJsonPrinter printer = printers().get(0);
    assertThat(byWire(printer, withUnknown))
        .isEqualTo(byGetters(printer, known))
        .isEqualTo(
            "{\"resource_type\":\"TASK\",\"project\":\"p\",\"domain\":\"\",\"name\":\"n\","
                + "\"version\":\"\",\"org\":\"\"}");
  }

  @Test
  void readsBytesABuiltMessageNeverHoldsThroughTheGetters() throws Exception {
    // project twice (the last one counts) and an Any holding a registered type
    byte[] wire =
        ByteString.copyFrom(Identifier.newBuilder().setProject("first").build().toByteArray())
            .concat(
                Identifier.newBuilder().setProject("second").setName("n").build().toByteString())
            .toByteArray();
    ProtoJsonPrinter printer = printers().get(0);
    CompactJsonWriter out = new CompactJsonWriter();
    new WireJsonTranscoder(printer, wire, out).message(Identifier.getDescriptor(), 0, wire.length);
    assertThat(out.toString())
        .isEqualTo(byGetters(printer, Identifier.parseFrom(wire)))
        .contains("\"project\":\"second\"");

    Any any = Any.pack(Timestamp.newBuilder().setSeconds(5).build());
    Message holder =
        DynamicMessage.newBuilder(SampleTypes.SAMPLE)
            .setField(SampleTypes.SAMPLE.findFieldByName("extra"), any)
            .build();
    assertThat(byWire(printer, holder))
        .isEqualTo(byGetters(printer, holder))
        .contains(
            "\"extra\":{\"@type\":\"type.googleapis.com/google.protobuf.Timestamp\","
                + "\"value\":\"1970-01-01T00:00:05Z\"}");
  }

  /** A random message: each field set or not, lists and maps of up to three. */
  private static DynamicMessage random(Descriptor type, Random random, int depth) {
    DynamicMessage.Builder message = DynamicMessage.newBuilder(type);
    switch (type.getFullName()) {
      case "google.protobuf.Timestamp", "google.protobuf.Duration" -> {
        message.setField(type.findFieldByNumber(1), (long) random.nextInt(2_000_000_000));
        message.setField(type.findFieldByNumber(2), random.nextInt(1_000_000_000));
        return message.build();
      }
      case "google.protobuf.Any" -> {
        return message.build(); // packed content: readsBytesABuiltMessageNeverHolds
      }
      default -> {}
    }
    for (FieldDescriptor field : type.getFields()) {
      boolean message1 = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE;
      if (random.nextInt(3) == 0 || (message1 && depth >= 5 && !field.isMapField())) {
        continue;
      }
      if (field.isRepeated()) {
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
          message.addRepeatedField(field, value(field, random, depth));
        }
      } else {
        message.setField(field, value(field, random, depth));
      }
    }
    return message.build();
  }

  private static Object value(FieldDescriptor field, Random random, int depth) {
    return switch (field.getJavaType()) {
      case INT -> random.nextBoolean() ? random.nextInt(100) - 50 : random.nextInt();
      case LONG -> random.nextBoolean() ? (long) random.nextInt(100) - 50 : random.nextLong();
      case BOOLEAN -> random.nextBoolean();
      case FLOAT ->
          new float[] {0f, -0f, 1.5e-7f, Float.NaN, Float.NEGATIVE_INFINITY, 3.25f, 1e20f}
              [random.nextInt(7)];
      case DOUBLE ->
          new double[] {
                0, -0.0, 1e21, Double.NaN, Double.POSITIVE_INFINITY, 0.1, random.nextDouble()
              }
              [random.nextInt(7)];
      case STRING -> STRINGS[random.nextInt(STRINGS.length)];
      case BYTE_STRING -> {
        byte[] bytes = new byte[random.nextInt(6)];
        random.nextBytes(bytes);
        yield ByteString.copyFrom(bytes);
      }
      case ENUM -> {
        EnumDescriptor type = field.getEnumType();
        yield random.nextInt(5) == 0
            ? type.findValueByNumberCreatingIfUnknown(77)
            : type.getValues().get(random.nextInt(type.getValues().size()));
      }
      case MESSAGE -> random(field.getMessageType(), random, depth + 1);
    };
  }

  /**
   * {@code message Exotic { sint64 s64 = 5; sint32 s32 = 1; fixed32 x32 = 2; fixed64 x64 = 3;
   * sfixed32 sx32 = 4; sfixed64 sx64 = 6; repeated sint64 ss = 7; repeated fixed32 xs = 8; repeated
   * float fs = 9; repeated bytes bs = 10; map<int32, string> by_int = 11; map<bool, Exotic> by_bool
   * = 12; map<uint64, Kind> by_u64 = 13; map<sint64, double> by_s64 = 14; map<fixed32, bytes>
   * by_x32 = 15; Kind kind = 16; }}, declared out of number order.
   */
  private static Descriptor exotic() {
    DescriptorProto.Builder exotic =
        DescriptorProto.newBuilder()
            .setName("Exotic")
            .addField(field("s64", 5, Type.TYPE_SINT64))
            .addField(field("s32", 1, Type.TYPE_SINT32))
            .addField(field("x32", 2, Type.TYPE_FIXED32))
            .addField(field("x64", 3, Type.TYPE_FIXED64))
            .addField(field("sx32", 4, Type.TYPE_SFIXED32))
            .addField(field("sx64", 6, Type.TYPE_SFIXED64))
            .addField(field("ss", 7, Type.TYPE_SINT64).setLabel(Label.LABEL_REPEATED))
            .addField(field("xs", 8, Type.TYPE_FIXED32).setLabel(Label.LABEL_REPEATED))
            .addField(field("fs", 9, Type.TYPE_FLOAT).setLabel(Label.LABEL_REPEATED))
            .addField(field("bs", 10, Type.TYPE_BYTES).setLabel(Label.LABEL_REPEATED))
            .addField(field("kind", 16, Type.TYPE_ENUM).setTypeName(".test.exotic.Kind"));
    String[][] maps = {
      {"by_int", "11", "TYPE_INT32", "TYPE_STRING", ""},
      {"by_bool", "12", "TYPE_BOOL", "TYPE_MESSAGE", ".test.exotic.Exotic"},
      {"by_u64", "13", "TYPE_UINT64", "TYPE_ENUM", ".test.exotic.Kind"},
      {"by_s64", "14", "TYPE_SINT64", "TYPE_DOUBLE", ""},
      {"by_x32", "15", "TYPE_FIXED32", "TYPE_BYTES", ""},
    };
    for (String[] map : maps) {
      String entry = map[0].replace("_", "") + "Entry";
      FieldDescriptorProto.Builder value = field("value", 2, Type.valueOf(map[3]));
      if (!map[4].isEmpty()) {
        value.setTypeName(map[4]);
      }
      exotic.addNestedType(
          DescriptorProto.newBuilder()
              .setName(entry)
              .setOptions(MessageOptions.newBuilder().setMapEntry(true))
              .addField(field("key", 1, Type.valueOf(map[2])))
              .addField(value));
      exotic.addField(
          field(map[0], Integer.parseInt(map[1]), Type.TYPE_MESSAGE)
              .setTypeName(".test.exotic.Exotic." + entry)
              .setLabel(Label.LABEL_REPEATED));
    }
    FileDescriptorProto file =
        FileDescriptorProto.newBuilder()
            .setName("exotic.proto")
            .setPackage("test.exotic")
            .setSyntax("proto3")
            .addMessageType(exotic)
            .addEnumType(
                com.google.protobuf.DescriptorProtos.EnumDescriptorProto.newBuilder()
                    .setName("Kind")
                    .addValue(
                        com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto.newBuilder()
                            .setName("NONE")
                            .setNumber(0))
                    .addValue(
                        com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto.newBuilder()
                            .setName("SOME")
                            .setNumber(3)))
            .build();
    try {
      return FileDescriptor.buildFrom(file, new FileDescriptor[0]).findMessageTypeByName("Exotic");
    } catch (DescriptorValidationException e) {
      throw new IllegalStateException(e);
    }
  }
}

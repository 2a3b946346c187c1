package org.flyte.common.rest;

import com.google.protobuf.AnyProto;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.FieldMaskProto;
import com.google.protobuf.StructProto;
import com.google.protobuf.TimestampProto;
import com.google.protobuf.WrappersProto;

/**
 * A proto3 test message with one field of every shape the gateway must handle, built from a
 * descriptor in code (the common module compiles no test protos):
 *
 * <pre>
 * message Sample {
 *   bool flag = 1; int32 i32 = 2; int64 i64 = 3; uint32 u32 = 4; uint64 u64 = 5;
 *   float f32 = 6; double f64 = 7; string text = 8; bytes data = 9;
 *   repeated string tags = 10; repeated int32 nums = 11; map&lt;string, string&gt; labels = 12;
 *   google.protobuf.Timestamp at = 13; google.protobuf.Duration wait = 14;
 *   google.protobuf.Int64Value big = 15; google.protobuf.BoolValue maybe = 16;
 *   google.protobuf.StringValue label = 17; google.protobuf.FieldMask mask = 18;
 *   google.protobuf.Struct meta = 19; Nested nested = 20;
 *   oneof choice { string left = 21; Nested right = 22; }
 *   repeated Color colors = 23; optional string opt = 24; google.protobuf.ListValue list = 25;
 *   google.protobuf.Any extra = 26; map&lt;string, Nested&gt; children = 27;
 *   repeated Nested items = 28;
 *   message Nested { string leaf_name = 1; Color color = 2; Nested inner = 3; }
 *   enum Color { RED = 0; GREEN = 1; BLUE = 2; }
 * }
 * </pre>
 */
final class SampleTypes {

  static final FileDescriptor FILE = build();
  static final Descriptor SAMPLE = FILE.findMessageTypeByName("Sample");
  static final Descriptor NESTED = SAMPLE.findNestedTypeByName("Nested");

  private SampleTypes() {}

  static DynamicMessage.Builder sample() {
    return DynamicMessage.newBuilder(SAMPLE);
  }

  static DynamicMessage.Builder nested() {
    return DynamicMessage.newBuilder(NESTED);
  }

  static FieldDescriptorProto.Builder field(String name, int number, Type type) {
    return FieldDescriptorProto.newBuilder()
        .setName(name)
        .setNumber(number)
        .setType(type)
        .setLabel(Label.LABEL_OPTIONAL);
  }

  private static FieldDescriptorProto.Builder message(String name, int number, String typeName) {
    return field(name, number, Type.TYPE_MESSAGE).setTypeName(typeName);
  }

  private static FileDescriptor build() {
    DescriptorProto nested =
        DescriptorProto.newBuilder()
            .setName("Nested")
            .addField(field("leaf_name", 1, Type.TYPE_STRING))
            .addField(field("color", 2, Type.TYPE_ENUM).setTypeName(".test.Sample.Color"))
            .addField(message("inner", 3, ".test.Sample.Nested"))
            .build();
    DescriptorProto labelsEntry =
        DescriptorProto.newBuilder()
            .setName("LabelsEntry")
            .setOptions(MessageOptions.newBuilder().setMapEntry(true))
            .addField(field("key", 1, Type.TYPE_STRING))
            .addField(field("value", 2, Type.TYPE_STRING))
            .build();
    DescriptorProto childrenEntry =
        DescriptorProto.newBuilder()
            .setName("ChildrenEntry")
            .setOptions(MessageOptions.newBuilder().setMapEntry(true))
            .addField(field("key", 1, Type.TYPE_STRING))
            .addField(message("value", 2, ".test.Sample.Nested"))
            .build();
    EnumDescriptorProto color =
        EnumDescriptorProto.newBuilder()
            .setName("Color")
            .addValue(EnumValueDescriptorProto.newBuilder().setName("RED").setNumber(0))
            .addValue(EnumValueDescriptorProto.newBuilder().setName("GREEN").setNumber(1))
            .addValue(EnumValueDescriptorProto.newBuilder().setName("BLUE").setNumber(2))
            .build();
    DescriptorProto sample =
        DescriptorProto.newBuilder()
            .setName("Sample")
            .addNestedType(nested)
            .addNestedType(labelsEntry)
            .addNestedType(childrenEntry)
            .addEnumType(color)
            .addOneofDecl(OneofDescriptorProto.newBuilder().setName("choice"))
            .addOneofDecl(OneofDescriptorProto.newBuilder().setName("_opt"))
            .addField(field("flag", 1, Type.TYPE_BOOL))
            .addField(field("i32", 2, Type.TYPE_INT32))
            .addField(field("i64", 3, Type.TYPE_INT64))
            .addField(field("u32", 4, Type.TYPE_UINT32))
            .addField(field("u64", 5, Type.TYPE_UINT64))
            .addField(field("f32", 6, Type.TYPE_FLOAT))
            .addField(field("f64", 7, Type.TYPE_DOUBLE))
            .addField(field("text", 8, Type.TYPE_STRING))
            .addField(field("data", 9, Type.TYPE_BYTES))
            .addField(field("tags", 10, Type.TYPE_STRING).setLabel(Label.LABEL_REPEATED))
            .addField(field("nums", 11, Type.TYPE_INT32).setLabel(Label.LABEL_REPEATED))
            .addField(
                message("labels", 12, ".test.Sample.LabelsEntry").setLabel(Label.LABEL_REPEATED))
            .addField(message("at", 13, ".google.protobuf.Timestamp"))
            .addField(message("wait", 14, ".google.protobuf.Duration"))
            .addField(message("big", 15, ".google.protobuf.Int64Value"))
            .addField(message("maybe", 16, ".google.protobuf.BoolValue"))
            .addField(message("label", 17, ".google.protobuf.StringValue"))
            .addField(message("mask", 18, ".google.protobuf.FieldMask"))
            .addField(message("meta", 19, ".google.protobuf.Struct"))
            .addField(message("nested", 20, ".test.Sample.Nested"))
            .addField(field("left", 21, Type.TYPE_STRING).setOneofIndex(0))
            .addField(message("right", 22, ".test.Sample.Nested").setOneofIndex(0))
            .addField(
                field("colors", 23, Type.TYPE_ENUM)
                    .setTypeName(".test.Sample.Color")
                    .setLabel(Label.LABEL_REPEATED))
            .addField(field("opt", 24, Type.TYPE_STRING).setOneofIndex(1).setProto3Optional(true))
            .addField(message("list", 25, ".google.protobuf.ListValue"))
            .addField(message("extra", 26, ".google.protobuf.Any"))
            .addField(
                message("children", 27, ".test.Sample.ChildrenEntry")
                    .setLabel(Label.LABEL_REPEATED))
            .addField(message("items", 28, ".test.Sample.Nested").setLabel(Label.LABEL_REPEATED))
            .build();
    FileDescriptorProto file =
        FileDescriptorProto.newBuilder()
            .setName("test/sample.proto")
            .setPackage("test")
            .setSyntax("proto3")
            .addDependency("google/protobuf/timestamp.proto")
            .addDependency("google/protobuf/duration.proto")
            .addDependency("google/protobuf/wrappers.proto")
            .addDependency("google/protobuf/field_mask.proto")
            .addDependency("google/protobuf/struct.proto")
            .addDependency("google/protobuf/any.proto")
            .addMessageType(sample)
            .build();
    try {
      return FileDescriptor.buildFrom(
          file,
          new FileDescriptor[] {
            TimestampProto.getDescriptor(),
            DurationProto.getDescriptor(),
            WrappersProto.getDescriptor(),
            FieldMaskProto.getDescriptor(),
            StructProto.getDescriptor(),
            AnyProto.getDescriptor()
          });
    } catch (DescriptorValidationException e) {
      throw new IllegalStateException(e);
    }
  }
}

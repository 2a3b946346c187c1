package org.flyte.compiler.k8s.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.MapEntry;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Protobuf messages the way Go's {@code encoding/json} writes the structs {@code protoc-gen-go}
 * generates, which is how FlytePropeller's types write the protobuf values they hold without a JSON
 * method of their own ({@code securityContext}, {@code executionId}, {@code rawOutputDataConfig}, a
 * branch's {@code elseFail}, output aliases, pod templates): keys are the protobuf field names
 * ({@code failed_node_id}, {@code run_as}), zero values are left out ({@code omitempty}), enums are
 * numbers, 64-bit integers are JSON numbers, bytes are base64, and a oneof is a key named after the
 * oneof in Go spelling holding an object keyed by the member's Go name ({@code
 * "Kind":{"StringValue":"x"}}), {@code null} when no member is set. Well-known types are plain
 * structs here too ({@code Timestamp} is {@code {"seconds":..,"nanos":..}}).
 */
public final class GoStructJson {

  private GoStructJson() {}

  /** {@code message} as {@code encoding/json} writes its generated Go struct. */
  public static JsonObject write(MessageOrBuilder message) {
    JsonObject out = new JsonObject();
    for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
      OneofDescriptor oneof = field.getRealContainingOneof();
      if (oneof != null) {
        if (oneof.getField(0).equals(field)) {
          FieldDescriptor set = message.getOneofFieldDescriptor(oneof);
          if (set == null) {
            out.add(GoValues.goCamelCase(oneof.getName()), JsonNull.INSTANCE);
          } else {
            JsonObject wrapper = new JsonObject();
            wrapper.add(GoValues.goCamelCase(set.getName()), value(set, message.getField(set)));
            out.add(GoValues.goCamelCase(oneof.getName()), wrapper);
          }
        }
      } else if (field.isRepeated()) {
        if (message.getRepeatedFieldCount(field) > 0) {
          out.add(field.getName(), field.isMapField() ? map(field, message) : list(field, message));
        }
      } else if (field.hasPresence()) {
        if (message.hasField(field)) {
          out.add(field.getName(), value(field, message.getField(field)));
        }
      } else if (!message.getField(field).equals(field.getDefaultValue())) {
        out.add(field.getName(), value(field, message.getField(field)));
      }
    }
    return out;
  }

  private static JsonArray list(FieldDescriptor field, MessageOrBuilder message) {
    JsonArray array = new JsonArray();
    for (Object item : (List<?>) message.getField(field)) {
      array.add(value(field, item));
    }
    return array;
  }

  private static JsonObject map(FieldDescriptor field, MessageOrBuilder message) {
    FieldDescriptor valueField = field.getMessageType().findFieldByName("value");
    JsonObject object = new JsonObject();
    for (Object item : (List<?>) message.getField(field)) {
      MapEntry<?, ?> entry = (MapEntry<?, ?>) item;
      object.add(String.valueOf(entry.getKey()), value(valueField, entry.getValue()));
    }
    return object;
  }

  private static JsonElement value(FieldDescriptor field, Object value) {
    return switch (field.getJavaType()) {
      case MESSAGE -> write((Message) value);
      case ENUM -> new JsonPrimitive(((EnumValueDescriptor) value).getNumber());
      case STRING -> new JsonPrimitive((String) value);
      case BOOLEAN -> new JsonPrimitive((Boolean) value);
      case BYTE_STRING ->
          new JsonPrimitive(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
      case FLOAT -> JsonParser.parseString(GoValues.formatFloat(value.toString()));
      case DOUBLE -> JsonParser.parseString(GoValues.formatFloat(value.toString()));
      case LONG ->
          new JsonPrimitive(
              isUnsigned(field)
                  ? new java.math.BigInteger(Long.toUnsignedString((Long) value))
                  : (Number) value);
      case INT ->
          new JsonPrimitive(
              isUnsigned(field) ? Integer.toUnsignedLong((Integer) value) : (Number) value);
    };
  }

  private static boolean isUnsigned(FieldDescriptor field) {
    return switch (field.getType()) {
      case UINT32, UINT64, FIXED32, FIXED64 -> true;
      default -> false;
    };
  }

  /**
   * Reads what {@link #write} writes into {@code builder}; unknown keys are ignored, as {@code
   * encoding/json} ignores them.
   *
   * @throws IllegalArgumentException when a value does not fit its field
   */
  public static <B extends Message.Builder> B read(JsonElement json, B builder) {
    if (json == null || json.isJsonNull()) {
      return builder;
    }
    if (!json.isJsonObject()) {
      throw new IllegalArgumentException(
          "expected an object for " + builder.getDescriptorForType().getFullName());
    }
    for (Map.Entry<String, JsonElement> entry : json.getAsJsonObject().entrySet()) {
      FieldDescriptor field = builder.getDescriptorForType().findFieldByName(entry.getKey());
      if (field != null && field.getRealContainingOneof() == null) {
        readField(builder, field, entry.getValue());
        continue;
      }
      for (OneofDescriptor oneof : builder.getDescriptorForType().getRealOneofs()) {
        if (GoValues.goCamelCase(oneof.getName()).equals(entry.getKey())
            && entry.getValue().isJsonObject()) {
          for (Map.Entry<String, JsonElement> member :
              entry.getValue().getAsJsonObject().entrySet()) {
            for (FieldDescriptor candidate : oneof.getFields()) {
              if (GoValues.goCamelCase(candidate.getName()).equals(member.getKey())) {
                readField(builder, candidate, member.getValue());
              }
            }
          }
        }
      }
    }
    return builder;
  }

  private static void readField(Message.Builder builder, FieldDescriptor field, JsonElement json) {
    if (json.isJsonNull()) {
      return;
    }
    if (field.isMapField()) {
      FieldDescriptor keyField = field.getMessageType().findFieldByName("key");
      FieldDescriptor valueField = field.getMessageType().findFieldByName("value");
      for (Map.Entry<String, JsonElement> e : json.getAsJsonObject().entrySet()) {
        Message.Builder entry = builder.newBuilderForField(field);
        entry.setField(keyField, scalar(keyField, new JsonPrimitive(e.getKey())));
        entry.setField(valueField, readValue(entry, valueField, e.getValue()));
        builder.addRepeatedField(field, entry.build());
      }
    } else if (field.isRepeated()) {
      for (JsonElement item : json.getAsJsonArray()) {
        builder.addRepeatedField(field, readValue(builder, field, item));
      }
    } else {
      builder.setField(field, readValue(builder, field, json));
    }
  }

  private static Object readValue(Message.Builder parent, FieldDescriptor field, JsonElement json) {
    if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      return read(json, parent.newBuilderForField(field)).build();
    }
    return scalar(field, json);
  }

  private static Object scalar(FieldDescriptor field, JsonElement json) {
    try {
      return switch (field.getJavaType()) {
        case ENUM -> {
          EnumValueDescriptor e =
              json.getAsJsonPrimitive().isNumber()
                  ? field.getEnumType().findValueByNumber(json.getAsInt())
                  : field.getEnumType().findValueByName(json.getAsString());
          if (e == null) {
            throw new IllegalArgumentException("unknown value " + json + " of " + field.getName());
          }
          yield e;
        }
        case STRING -> json.getAsString();
        case BOOLEAN -> json.getAsBoolean();
        case BYTE_STRING -> ByteString.copyFrom(Base64.getDecoder().decode(json.getAsString()));
        case FLOAT -> json.getAsFloat();
        case DOUBLE -> json.getAsDouble();
        case LONG -> json.getAsBigInteger().longValue();
        case INT -> json.getAsBigInteger().intValue();
        case MESSAGE -> throw new IllegalStateException("not a scalar: " + field.getName());
      };
    } catch (NumberFormatException | UnsupportedOperationException | IllegalStateException e) {
      throw new IllegalArgumentException("bad value " + json + " for " + field.getFullName(), e);
    }
  }
}

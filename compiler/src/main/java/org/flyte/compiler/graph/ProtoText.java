package org.flyte.compiler.graph;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MapEntry;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Flyte's text rendering of protobuf messages (follows {@code common/pretty_print.go}, v1.16.8, and
 * the single-line text format Go's generated {@code String()} methods produce). Flyte uses these
 * strings as index keys (identifiers) and inside error messages (identifiers, types, bindings), so
 * the messages we produce read like Flyte's: {@code resource_type:TASK name:"t"}, {@code
 * collection_type:{simple:INTEGER}}.
 *
 * <p>Go separates fields by one or, chosen per binary, two spaces; we always use one.
 */
public final class ProtoText {

  private ProtoText() {}

  /** The single-line text of {@code message}; {@code <nil>} for null, as Go prints nil messages. */
  public static String render(MessageOrBuilder message) {
    if (message == null) {
      return "<nil>";
    }
    StringBuilder out = new StringBuilder();
    writeFields(message, out);
    return out.toString();
  }

  /**
   * Go's {@code LiteralTypeToStr}: {@code None} for null, a readable form for structs (their
   * dataclass fields, sorted by name here where Go's order is random), the text form otherwise.
   */
  public static String literalType(LiteralType type) {
    if (type == null) {
      return "None";
    }
    if (type.getSimple() == SimpleType.STRUCT) {
      List<String> fields = new ArrayList<>();
      new TreeMap<>(type.getStructure().getDataclassTypeMap())
          .forEach(
              (name, fieldType) ->
                  fields.add(
                      "dataclass_type:{key:" + name + " value:{" + literalType(fieldType) + "}"));
      return "simple: STRUCT structure{" + String.join(", ", fields) + "}";
    }
    return render(type);
  }

  private static void writeFields(MessageOrBuilder message, StringBuilder out) {
    for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
      if (field.isRepeated()) {
        int count = message.getRepeatedFieldCount(field);
        if (count == 0) {
          continue;
        }
        List<Object> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          values.add(message.getRepeatedField(field, i));
        }
        if (field.isMapField()) {
          values.sort(Comparator.comparing(ProtoText::mapKey, ProtoText::compareKeys));
        }
        for (Object value : values) {
          writeField(field, value, out);
        }
      } else if (message.hasField(field)) {
        writeField(field, message.getField(field), out);
      }
    }
  }

  private static void writeField(FieldDescriptor field, Object value, StringBuilder out) {
    if (!out.isEmpty()) {
      out.append(' ');
    }
    out.append(field.getName()).append(':');
    writeValue(field, value, out);
  }

  private static void writeValue(FieldDescriptor field, Object value, StringBuilder out) {
    switch (field.getJavaType()) {
      case MESSAGE -> {
        out.append('{');
        StringBuilder inner = new StringBuilder();
        writeFields((Message) value, inner);
        out.append(inner).append('}');
      }
      case ENUM -> {
        EnumValueDescriptor e = (EnumValueDescriptor) value;
        out.append(e.getIndex() < 0 ? String.valueOf(e.getNumber()) : e.getName());
      }
      case STRING -> quote(((String) value).getBytes(StandardCharsets.UTF_8), out);
      case BYTE_STRING -> quote(((ByteString) value).toByteArray(), out);
      case FLOAT -> out.append(formatFloat(((Float) value).doubleValue(), true));
      case DOUBLE -> out.append(formatFloat((Double) value, false));
      case LONG ->
          out.append(
              isUnsigned(field)
                  ? Long.toUnsignedString((Long) value)
                  : String.valueOf((long) (Long) value));
      case INT ->
          out.append(
              isUnsigned(field)
                  ? Integer.toUnsignedString((Integer) value)
                  : String.valueOf((int) (Integer) value));
      default -> out.append(value);
    }
  }

  private static boolean isUnsigned(FieldDescriptor field) {
    return switch (field.getType()) {
      case UINT32, UINT64, FIXED32, FIXED64 -> true;
      default -> false;
    };
  }

  private static Object mapKey(Object entry) {
    return ((MapEntry<?, ?>) entry).getKey();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareKeys(Object a, Object b) {
    return ((Comparable) a).compareTo(b);
  }

  /** Go's text-format string quoting: printable UTF-8 as is, escapes for the rest. */
  private static void quote(byte[] bytes, StringBuilder out) {
    out.append('"');
    String text = new String(bytes, StandardCharsets.UTF_8);
    text.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                  if (cp < ' ' || cp == 0x7f) {
                    out.append("\\x").append(String.format("%02x", cp));
                  } else {
                    out.appendCodePoint(cp);
                  }
                }
              }
            });
    out.append('"');
  }

  /** Go's {@code strconv.FormatFloat(v, 'g', -1, bits)}. */
  static String formatFloat(double value, boolean single) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (value == 0) {
      return (1 / value < 0) ? "-0" : "0";
    }
    BigDecimal decimal =
        new BigDecimal(single ? Float.toString((float) value) : Double.toString(value))
            .stripTrailingZeros();
    int exponent = decimal.precision() - decimal.scale() - 1;
    if (exponent < -4 || exponent >= 6) {
      String digits = decimal.unscaledValue().abs().toString();
      StringBuilder out = new StringBuilder(decimal.signum() < 0 ? "-" : "");
      out.append(digits.charAt(0));
      if (digits.length() > 1) {
        out.append('.').append(digits, 1, digits.length());
      }
      out.append('e').append(exponent < 0 ? '-' : '+');
      int abs = Math.abs(exponent);
      out.append(abs < 10 ? "0" + abs : String.valueOf(abs));
      return out.toString();
    }
    return decimal.toPlainString();
  }
}

package org.flyte.common.rest;

import com.google.protobuf.BoolValue;
import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DoubleValue;
import com.google.protobuf.Duration;
import com.google.protobuf.FieldMask;
import com.google.protobuf.FloatValue;
import com.google.protobuf.Int32Value;
import com.google.protobuf.Int64Value;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.StringValue;
import com.google.protobuf.Struct;
import com.google.protobuf.UInt32Value;
import com.google.protobuf.UInt64Value;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import com.google.protobuf.util.Timestamps;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses one path or query parameter string into the value of a proto field, with the rules of
 * grpc-gateway v2's {@code parseField} / {@code parseMessage} ({@code runtime/query.go}): Go's
 * {@code strconv} syntax for numbers and booleans, enums by name or number, bytes as base64,
 * Timestamp as RFC 3339, Duration in Go syntax ({@code 1.5s}, {@code 1h2m}), wrapper types by bare
 * value, FieldMask as a comma-separated list and Struct/Value as JSON. Other message types are
 * refused.
 */
final class FieldValueParser {

  private static final Pattern SIGNED = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern UNSIGNED = Pattern.compile("[0-9]+");
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
  private static final Pattern INF_NAN = Pattern.compile("[+-]?(inf|infinity)|nan");
  private static final BigInteger MAX_UINT32 = BigInteger.valueOf(0xFFFF_FFFFL);

  private static final Map<String, Long> DURATION_UNITS =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "\u00b5s", 1_000L,
          "\u03bcs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  private FieldValueParser() {}

  /**
   * The value to pass to {@code Message.Builder#setField} (or {@code addRepeatedField}) for one
   * element of {@code field}.
   *
   * @throws IllegalArgumentException with a reason that names the offending value
   */
  static Object parse(FieldDescriptor field, String value) {
    return switch (field.getJavaType()) {
      case BOOLEAN -> parseBool(value);
      case INT -> parseInt32(field, value);
      case LONG -> parseInt64(field, value);
      case FLOAT -> parseFloat(value);
      case DOUBLE -> parseDouble(value);
      case STRING -> value;
      case BYTE_STRING -> ByteString.copyFrom(parseBytes(value));
      case ENUM -> parseEnum(field, value);
      case MESSAGE -> parseMessage(field, value);
    };
  }

  private static boolean parseBool(String value) {
    return switch (value) {
      case "1", "t", "T", "TRUE", "true", "True" -> true;
      case "0", "f", "F", "FALSE", "false", "False" -> false;
      default -> throw invalid(value, "a bool");
    };
  }

  private static boolean isUnsigned(FieldDescriptor field) {
    return switch (field.getType()) {
      case UINT32, FIXED32, UINT64, FIXED64 -> true;
      default -> false;
    };
  }

  private static int parseInt32(FieldDescriptor field, String value) {
    return isUnsigned(field) ? (int) parseUnsigned(value, MAX_UINT32, "a uint32") : signed32(value);
  }

  private static long parseInt64(FieldDescriptor field, String value) {
    return isUnsigned(field) ? unsigned64(value) : signed64(value);
  }

  private static long signed64(String value) {
    if (!SIGNED.matcher(value).matches()) {
      throw invalid(value, "an int64");
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw invalid(value, "an int64 (out of range)");
    }
  }

  private static long unsigned64(String value) {
    return parseUnsigned(value, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE), "a uint64");
  }

  private static int signed32(String value) {
    if (!SIGNED.matcher(value).matches()) {
      throw invalid(value, "an int32");
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw invalid(value, "an int32 (out of range)");
    }
  }

  private static long parseUnsigned(String value, BigInteger max, String what) {
    if (!UNSIGNED.matcher(value).matches()) {
      throw invalid(value, what);
    }
    BigInteger parsed = new BigInteger(value);
    if (parsed.compareTo(max) > 0) {
      throw invalid(value, what + " (out of range)");
    }
    return parsed.longValue();
  }

  private static double parseDouble(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (INF_NAN.matcher(lower).matches()) {
      if (lower.equals("nan")) {
        return Double.NaN;
      }
      return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (!DECIMAL.matcher(value).matches()) {
      throw invalid(value, "a number");
    }
    double parsed = Double.parseDouble(value);
    if (Double.isInfinite(parsed)) {
      throw invalid(value, "a number (out of range)");
    }
    return parsed;
  }

  private static float parseFloat(String value) {
    double parsed = parseDouble(value);
    float narrowed = (float) parsed;
    if (Float.isInfinite(narrowed) && !Double.isInfinite(parsed)) {
      throw invalid(value, "a float (out of range)");
    }
    return narrowed;
  }

  private static byte[] parseBytes(String value) {
    try {
      return Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException standard) {
      try {
        return Base64.getUrlDecoder().decode(value);
      } catch (IllegalArgumentException url) {
        throw invalid(value, "base64 bytes");
      }
    }
  }

  private static EnumValueDescriptor parseEnum(FieldDescriptor field, String value) {
    EnumValueDescriptor byName = field.getEnumType().findValueByName(value);
    if (byName != null) {
      return byName;
    }
    if (SIGNED.matcher(value).matches()) {
      try {
        EnumValueDescriptor byNumber =
            field.getEnumType().findValueByNumber(Integer.parseInt(value));
        if (byNumber != null) {
          return byNumber;
        }
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw new IllegalArgumentException(
        "\"" + value + "\" is not a valid value of " + field.getEnumType().getFullName());
  }

  private static Message parseMessage(FieldDescriptor field, String value) {
    String type = field.getMessageType().getFullName();
    return switch (type) {
      case "google.protobuf.Timestamp" -> {
        try {
          yield Timestamps.parse(value);
        } catch (ParseException e) {
          throw invalid(value, "an RFC 3339 timestamp");
        }
      }
      case "google.protobuf.Duration" -> parseDuration(value);
      case "google.protobuf.DoubleValue" -> DoubleValue.of(parseDouble(value));
      case "google.protobuf.FloatValue" -> FloatValue.of(parseFloat(value));
      case "google.protobuf.Int64Value" -> Int64Value.of(signed64(value));
      case "google.protobuf.Int32Value" -> Int32Value.of(signed32(value));
      case "google.protobuf.UInt64Value" -> UInt64Value.of(unsigned64(value));
      case "google.protobuf.UInt32Value" ->
          UInt32Value.of((int) parseUnsigned(value, MAX_UINT32, "a uint32"));
      case "google.protobuf.BoolValue" -> BoolValue.of(parseBool(value));
      case "google.protobuf.StringValue" -> StringValue.of(value);
      case "google.protobuf.BytesValue" -> BytesValue.of(ByteString.copyFrom(parseBytes(value)));
      case "google.protobuf.FieldMask" ->
          FieldMask.newBuilder().addAllPaths(List.of(value.split(",", -1))).build();
      case "google.protobuf.Value" -> parseJson(value, Value.newBuilder());
      case "google.protobuf.Struct" -> parseJson(value, Struct.newBuilder());
      default -> throw new IllegalArgumentException("unsupported message type: \"" + type + "\"");
    };
  }

  private static Message parseJson(String value, Message.Builder builder) {
    try {
      JsonFormat.parser().merge(value, builder);
      return builder.build();
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Go's {@code time.ParseDuration}: {@code [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+} or {@code 0}. */
  static Duration parseDuration(String value) {
    String s = value;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.getDefaultInstance();
    }
    if (s.isEmpty()) {
      throw invalidDuration(value);
    }
    BigDecimal nanos = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      String number = s.substring(start, i);
      if (number.isEmpty()
          || number.equals(".")
          || number.indexOf('.') != number.lastIndexOf('.')) {
        throw invalidDuration(value);
      }
      int unitStart = i;
      while (i < s.length() && !isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      String unit = s.substring(unitStart, i);
      Long scale = DURATION_UNITS.get(unit);
      if (unit.isEmpty()) {
        throw new IllegalArgumentException("missing unit in duration \"" + value + "\"");
      }
      if (scale == null) {
        throw new IllegalArgumentException(
            "unknown unit \"" + unit + "\" in duration \"" + value + "\"");
      }
      nanos = nanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(scale)));
    }
    BigInteger whole = nanos.toBigInteger();
    if (whole.bitLength() > 63) {
      throw invalidDuration(value);
    }
    long total = whole.longValue();
    if (negative) {
      total = -total;
    }
    return Duration.newBuilder()
        .setSeconds(total / 1_000_000_000L)
        .setNanos((int) (total % 1_000_000_000L))
        .build();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static IllegalArgumentException invalidDuration(String value) {
    return new IllegalArgumentException("invalid duration \"" + value + "\"");
  }

  private static IllegalArgumentException invalid(String value, String what) {
    return new IllegalArgumentException("\"" + value + "\" is not " + what);
  }
}

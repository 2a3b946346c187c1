package org.flyte.compiler.k8s.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * How Go's {@code encoding/json} writes the scalar values the custom resource carries: floats
 * ({@code float64} / {@code float32}), Kubernetes times ({@code metav1.Time}, RFC 3339 in whole
 * seconds, UTC) and Go identifiers made from protobuf names ({@code protoc-gen-go}'s {@code
 * GoCamelCase}, the keys of oneof fields when a message is written as a plain Go struct).
 */
public final class GoValues {

  private static final DateTimeFormatter RFC3339_SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final BigDecimal SMALL = new BigDecimal("1e-6");
  private static final BigDecimal LARGE = new BigDecimal("1e21");

  private GoValues() {}

  /**
   * A float as Go's {@code encoding/json} writes it, from its shortest decimal text (Java's {@code
   * Double.toString} / {@code Float.toString}, or any JSON number text): plain notation between
   * 1e-6 and 1e21 ({@code 1}, {@code 0.1}, {@code 10}), else {@code 1e-7} / {@code 1e+21}.
   */
  public static String formatFloat(String decimalText) {
    BigDecimal value = new BigDecimal(decimalText);
    if (value.signum() == 0) {
      return decimalText.startsWith("-") ? "-0" : "0";
    }
    value = value.stripTrailingZeros();
    BigDecimal abs = value.abs();
    if (abs.compareTo(SMALL) >= 0 && abs.compareTo(LARGE) < 0) {
      return value.toPlainString();
    }
    String digits = value.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - value.scale();
    StringBuilder out = new StringBuilder(value.signum() < 0 ? "-" : "");
    out.append(digits.charAt(0));
    if (digits.length() > 1) {
      out.append('.').append(digits, 1, digits.length());
    }
    out.append('e').append(exponent < 0 ? '-' : '+');
    int magnitude = Math.abs(exponent);
    if (exponent > 0 && magnitude < 10) {
      out.append('0');
    }
    return out.append(magnitude).toString();
  }

  /** {@code metav1.Time}'s JSON text: RFC 3339, whole seconds, UTC. */
  public static String formatTime(Instant time) {
    return RFC3339_SECONDS.format(time.truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * Parses {@code metav1.Time}'s JSON text (RFC 3339 with any offset).
   *
   * @throws IllegalArgumentException when it is not RFC 3339
   */
  public static Instant parseTime(String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an RFC 3339 time: " + text, e);
    }
  }

  /**
   * {@code protoc-gen-go}'s {@code GoCamelCase}: the Go name of a protobuf field or oneof ({@code
   * string_value} → {@code StringValue}, {@code k8s_service_account} → {@code K8SServiceAccount}).
   */
  public static String goCamelCase(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '.' && i + 1 < name.length() && isLower(name.charAt(i + 1))) {
        continue;
      } else if (c == '.') {
        out.append('_');
      } else if (c == '_' && (i == 0 || name.charAt(i - 1) == '.')) {
        out.append('X');
      } else if (c == '_' && i + 1 < name.length() && isLower(name.charAt(i + 1))) {
        continue;
      } else if (c >= '0' && c <= '9') {
        out.append(c);
      } else {
        out.append(isLower(c) ? (char) (c - 'a' + 'A') : c);
        while (i + 1 < name.length() && isLower(name.charAt(i + 1))) {
          out.append(name.charAt(++i));
        }
      }
    }
    return out.toString();
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }
}

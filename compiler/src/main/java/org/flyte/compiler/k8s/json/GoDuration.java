package org.flyte.compiler.k8s.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;

/**
 * Go's {@code time.Duration} text, as {@code metav1.Duration} writes and reads it in the custom
 * resource ({@code executionDeadline}, {@code activeDeadline}): {@code 1h0m0s}, {@code 1m30s},
 * {@code 1.5s}, {@code 500ms}, {@code 0s}.
 */
public final class GoDuration {

  private static final long SECOND = 1_000_000_000L;

  private GoDuration() {}

  /** Go's {@code Duration.String()}. */
  public static String format(Duration duration) {
    long nanos = duration.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    StringBuilder out = new StringBuilder(nanos < 0 ? "-" : "");
    BigInteger magnitude = BigInteger.valueOf(nanos).abs();
    long u = magnitude.longValue();
    if (magnitude.compareTo(BigInteger.valueOf(SECOND)) < 0) {
      if (u < 1_000) {
        return out.append(u).append("ns").toString();
      } else if (u < 1_000_000) {
        return out.append(fraction(u, 3)).append("µs").toString();
      }
      return out.append(fraction(u, 6)).append("ms").toString();
    }
    BigInteger[] secondsAndNanos = magnitude.divideAndRemainder(BigInteger.valueOf(SECOND));
    long seconds = secondsAndNanos[0].longValue();
    long hours = seconds / 3600;
    long minutes = (seconds / 60) % 60;
    String secondsText = fraction(seconds % 60 * SECOND + secondsAndNanos[1].longValue(), 9) + "s";
    if (hours > 0) {
      out.append(hours).append('h').append(minutes).append('m');
    } else if (minutes > 0) {
      out.append(minutes).append('m');
    }
    return out.append(secondsText).toString();
  }

  /** {@code value / 10^digits} with the fraction's trailing zeros (and a bare point) removed. */
  private static String fraction(long value, int digits) {
    return new BigDecimal(BigInteger.valueOf(value), digits).stripTrailingZeros().toPlainString();
  }

  /**
   * Go's {@code time.ParseDuration}: a sign, then numbers with optional fractions and units ({@code
   * ns}, {@code us}, {@code µs}, {@code ms}, {@code s}, {@code m}, {@code h}).
   *
   * @throws IllegalArgumentException when the text is not a Go duration
   */
  public static Duration parse(String text) {
    String s = text;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw invalid(text);
    }
    BigDecimal total = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      String number = s.substring(start, i);
      if (number.isEmpty()
          || number.equals(".")
          || number.indexOf('.') != number.lastIndexOf('.')) {
        throw invalid(text);
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      long unit =
          switch (s.substring(unitStart, i)) {
            case "ns" -> 1L;
            case "us", "µs", "μs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> SECOND;
            case "m" -> 60 * SECOND;
            case "h" -> 3600 * SECOND;
            default -> throw invalid(text);
          };
      total = total.add(new BigDecimal(number).multiply(BigDecimal.valueOf(unit)));
    }
    long nanos = total.longValue();
    return Duration.ofNanos(negative ? -nanos : nanos);
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("not a Go duration: \"" + text + "\"");
  }
}

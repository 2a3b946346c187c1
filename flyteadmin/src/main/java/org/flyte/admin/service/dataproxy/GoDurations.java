package org.flyte.admin.service.dataproxy;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Durations as Go's {@code time.Duration.String} prints them ({@code 1h0m0s}, {@code 1m30s}, {@code
 * 1.5s}, {@code 500ms}, {@code 0s}), for Flyte's messages that embed them.
 */
final class GoDurations {

  private GoDurations() {}

  static String format(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    String sign = duration.isNegative() ? "-" : "";
    Duration d = duration.abs();
    long totalNanos;
    try {
      totalNanos = d.toNanos();
    } catch (ArithmeticException e) {
      // beyond Go's ~292 years; Go cannot represent it either
      return sign + d.getSeconds() + "s";
    }
    if (totalNanos < 1_000L) {
      return sign + totalNanos + "ns";
    }
    if (totalNanos < 1_000_000L) {
      return sign + decimal(totalNanos, 3) + "µs";
    }
    if (totalNanos < 1_000_000_000L) {
      return sign + decimal(totalNanos, 6) + "ms";
    }
    long hours = d.toHours();
    long minutes = d.toMinutesPart();
    String seconds = decimal(totalNanos % 60_000_000_000L, 9) + "s";
    StringBuilder text = new StringBuilder(sign);
    if (hours > 0) {
      text.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      text.append(minutes).append('m');
    }
    return text.append(seconds).toString();
  }

  private static String decimal(long value, int scale) {
    BigDecimal number = BigDecimal.valueOf(value, scale).stripTrailingZeros();
    return number.scale() < 0 ? number.toBigInteger().toString() : number.toPlainString();
  }
}

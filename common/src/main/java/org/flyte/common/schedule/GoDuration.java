package org.flyte.common.schedule;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a duration written as Go's {@code time.ParseDuration} accepts it: an optional sign, then
 * one or more decimal numbers each with a unit ({@code ns}, {@code us}, {@code µs}, {@code ms},
 * {@code s}, {@code m}, {@code h}), e.g. {@code 1h30m} or {@code 1.5s}; a lone {@code 0} is zero.
 */
public final class GoDuration {

  private static final Pattern WHOLE =
      Pattern.compile("[-+]?(0|((\\d+(\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h))+)");
  private static final Pattern PART =
      Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
  private static final Map<String, Long> NANOS =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "µs", 1_000L,
          "μs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  private GoDuration() {}

  /**
   * The duration of {@code text}.
   *
   * @throws IllegalArgumentException with Go's message ({@code time: invalid duration "x"})
   */
  public static Duration parse(String text) {
    if (!WHOLE.matcher(text).matches()) {
      throw new IllegalArgumentException("time: invalid duration \"" + text + "\"");
    }
    boolean negative = text.startsWith("-");
    BigDecimal nanos = BigDecimal.ZERO;
    Matcher part = PART.matcher(text);
    while (part.find()) {
      nanos =
          nanos.add(
              new BigDecimal(part.group(1).startsWith(".") ? "0" + part.group(1) : part.group(1))
                  .multiply(BigDecimal.valueOf(NANOS.get(part.group(2)))));
    }
    long whole = nanos.longValue();
    return Duration.ofNanos(negative ? -whole : whole);
  }
}

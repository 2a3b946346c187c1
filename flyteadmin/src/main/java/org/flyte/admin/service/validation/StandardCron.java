package org.flyte.admin.service.validation;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a cron text as the native scheduler's parser ({@code robfig/cron/v3}'s {@code
 * ParseStandard}, used by {@code validateSchedule} in {@code
 * flyteadmin/pkg/manager/impl/validation/launch_plan_validator.go}, v1.16.8) would: an optional
 * {@code TZ=}/{@code CRON_TZ=} zone prefix, then either a descriptor ({@code @yearly}, {@code
 * @annually}, {@code @monthly}, {@code @weekly}, {@code @daily}, {@code @midnight}, {@code @hourly},
 * {@code @every <Go duration>}) or exactly five fields (minute 0-59, hour 0-23, day of month 1-31,
 * month 1-12 or {@code jan}-{@code dec}, day of week 0-6 or {@code sun}-{@code sat}), each a
 * comma-separated list of {@code *}, {@code ?}, {@code n}, {@code n-m}, with an optional {@code
 * /step}. Error texts follow the library's, which Flyte puts after {@code Invalid cron expression:}.
 * Only validation is needed here (no library of the shared list is available offline); next-time
 * computation belongs to the scheduler.
 */
public final class StandardCron {

  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12));
  private static final Map<String, Integer> DAYS =
      Map.of("sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4, "fri", 5, "sat", 6);
  private static final List<String> DESCRIPTORS =
      List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");
  private static final Pattern GO_DURATION =
      Pattern.compile("[-+]?(0|((\\d+(\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h))+)");

  private record Bounds(int min, int max, Map<String, Integer> names) {}

  private static final List<Bounds> FIELDS =
      List.of(
          new Bounds(0, 59, null),
          new Bounds(0, 23, null),
          new Bounds(1, 31, null),
          new Bounds(1, 12, MONTHS),
          new Bounds(0, 6, DAYS));

  private StandardCron() {}

  /** The parser's complaint about {@code spec}, or empty when it parses. */
  public static Optional<String> problem(String spec) {
    try {
      check(spec);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static void check(String spec) {
    if (spec.isEmpty()) {
      throw new IllegalArgumentException("empty spec string");
    }
    if (spec.startsWith("TZ=") || spec.startsWith("CRON_TZ=")) {
      int space = spec.indexOf(' ');
      String zone = spec.substring(spec.indexOf('=') + 1, space < 0 ? spec.length() : space);
      try {
        ZoneId.of(zone);
      } catch (DateTimeException e) {
        throw new IllegalArgumentException(
            "provided bad location " + zone + ": unknown time zone " + zone);
      }
      spec = space < 0 ? "" : spec.substring(space).strip();
    }
    if (spec.startsWith("@")) {
      descriptor(spec);
      return;
    }
    String[] fields = spec.isBlank() ? new String[0] : spec.strip().split("\\s+");
    if (fields.length != FIELDS.size()) {
      throw new IllegalArgumentException(
          "expected exactly 5 fields, found "
              + fields.length
              + ": ["
              + String.join(" ", fields)
              + "]");
    }
    for (int i = 0; i < fields.length; i++) {
      for (String range : fields[i].split(",", -1)) {
        range(range, FIELDS.get(i));
      }
    }
  }

  private static void descriptor(String spec) {
    if (DESCRIPTORS.contains(spec)) {
      return;
    }
    if (spec.startsWith("@every ")) {
      String duration = spec.substring("@every ".length());
      if (!GO_DURATION.matcher(duration).matches()) {
        throw new IllegalArgumentException(
            "failed to parse duration " + spec + ": time: invalid duration \"" + duration + "\"");
      }
      return;
    }
    throw new IllegalArgumentException("unrecognized descriptor: " + spec);
  }

  private static void range(String expr, Bounds bounds) {
    String[] rangeAndStep = expr.split("/", -1);
    String[] lowAndHigh = rangeAndStep[0].split("-", -1);
    boolean single = lowAndHigh.length == 1;
    int start;
    int end;
    if (lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?")) {
      start = bounds.min();
      end = bounds.max();
    } else {
      start = intOrName(lowAndHigh[0], bounds.names());
      end =
          switch (lowAndHigh.length) {
            case 1 -> start;
            case 2 -> intOrName(lowAndHigh[1], bounds.names());
            default -> throw new IllegalArgumentException("too many hyphens: " + expr);
          };
    }
    int step;
    switch (rangeAndStep.length) {
      case 1 -> step = 1;
      case 2 -> {
        step = number(rangeAndStep[1]);
        if (single) {
          end = bounds.max();
        }
      }
      default -> throw new IllegalArgumentException("too many slashes: " + expr);
    }
    if (start < bounds.min()) {
      throw new IllegalArgumentException(
          String.format(
              "beginning of range (%d) below minimum (%d): %s", start, bounds.min(), expr));
    }
    if (end > bounds.max()) {
      throw new IllegalArgumentException(
          String.format("end of range (%d) above maximum (%d): %s", end, bounds.max(), expr));
    }
    if (start > end) {
      throw new IllegalArgumentException(
          String.format("beginning of range (%d) beyond end of range (%d): %s", start, end, expr));
    }
    if (step == 0) {
      throw new IllegalArgumentException("step of range should be a positive number: " + expr);
    }
  }

  private static int intOrName(String expr, Map<String, Integer> names) {
    if (names != null) {
      Integer named = names.get(expr.toLowerCase(Locale.ROOT));
      if (named != null) {
        return named;
      }
    }
    return number(expr);
  }

  private static int number(String expr) {
    int value;
    try {
      value = Integer.parseInt(expr);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "failed to parse int from "
              + expr
              + ": strconv.Atoi: parsing \""
              + expr
              + "\": invalid syntax");
    }
    if (value < 0) {
      throw new IllegalArgumentException("negative number (" + value + ") not allowed: " + expr);
    }
    return value;
  }
}

package org.flyte.common.schedule;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A cron schedule in the native scheduler's grammar: the standard parser of {@code robfig/cron/v3}
 * (the fork {@code unionai/cron/v3} that {@code flyteadmin/scheduler} v1.16.8 uses). It reads
 *
 * <ul>
 *   <li>an optional zone prefix {@code TZ=<IANA zone> } or {@code CRON_TZ=<IANA zone> };
 *   <li>then a descriptor ({@code @yearly}, {@code @annually}, {@code @monthly}, {@code @weekly},
 *       {@code @daily}, {@code @midnight}, {@code @hourly}, {@code @every <Go duration>}),
 *   <li>or exactly five fields: minute 0-59, hour 0-23, day of month 1-31, month 1-12 or {@code
 *       jan}-{@code dec}, day of week 0-6 or {@code sun}-{@code sat}; each a comma-separated list
 *       of {@code *}, {@code ?}, {@code n} or {@code n-m}, with an optional {@code /step}.
 * </ul>
 *
 * Errors carry the library's texts (Flyte puts them after {@code Invalid cron expression:}).
 *
 * <p>{@link #next} answers the library's next instant, so that the execution names derived from it
 * match the Go scheduler's: when both day fields are restricted (neither starts with {@code *} or
 * {@code ?} without a step above one), a day matches either; a wall-clock time that a
 * daylight-saving change skips does not fire that day, and one that it repeats fires twice (once
 * per offset); {@code @every d} fires {@code d} (whole seconds, at least one) after the previous
 * instant, truncated to the second. A schedule that matches nothing within five years never fires
 * ({@code 0 0 31 2 *}).
 */
public final class CronSchedule {

  private static final long STAR = 1L << 63;
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

  private record Bounds(int min, int max, Map<String, Integer> names) {
    long all() {
      return bits(min, max, 1) | STAR;
    }
  }

  private static final Bounds MINUTE = new Bounds(0, 59, null);
  private static final Bounds HOUR = new Bounds(0, 23, null);
  private static final Bounds DOM = new Bounds(1, 31, null);
  private static final Bounds MONTH = new Bounds(1, 12, MONTHS);
  private static final Bounds DOW = new Bounds(0, 6, DAYS);
  private static final List<Bounds> FIELDS = List.of(MINUTE, HOUR, DOM, MONTH, DOW);

  private final String spec;
  private final ZoneId zone;
  private final long[] fields;
  private final Duration every;

  private CronSchedule(String spec, ZoneId zone, long[] fields, Duration every) {
    this.spec = spec;
    this.zone = zone;
    this.fields = fields;
    this.every = every;
  }

  /**
   * Parses {@code spec}.
   *
   * @throws IllegalArgumentException with the library's complaint
   */
  public static CronSchedule parse(String spec) {
    String rest = spec;
    if (rest.isEmpty()) {
      throw new IllegalArgumentException("empty spec string");
    }
    ZoneId zone = null;
    if (rest.startsWith("TZ=") || rest.startsWith("CRON_TZ=")) {
      int space = rest.indexOf(' ');
      String name = rest.substring(rest.indexOf('=') + 1, space < 0 ? rest.length() : space);
      try {
        zone = ZoneId.of(name);
      } catch (DateTimeException e) {
        throw new IllegalArgumentException(
            "provided bad location " + name + ": unknown time zone " + name);
      }
      rest = space < 0 ? "" : rest.substring(space).strip();
    }
    if (rest.startsWith("@")) {
      return descriptor(spec, zone, rest);
    }
    String[] texts = rest.isBlank() ? new String[0] : rest.strip().split("\\s+");
    if (texts.length != FIELDS.size()) {
      throw new IllegalArgumentException(
          "expected exactly 5 fields, found "
              + texts.length
              + ": ["
              + String.join(" ", texts)
              + "]");
    }
    long[] fields = new long[FIELDS.size()];
    for (int i = 0; i < texts.length; i++) {
      for (String range : texts[i].split(",", -1)) {
        fields[i] |= range(range, FIELDS.get(i));
      }
    }
    return new CronSchedule(spec, zone, fields, null);
  }

  /** The parser's complaint about {@code spec}, or empty when it parses. */
  public static Optional<String> problem(String spec) {
    try {
      parse(spec);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** The text this schedule was parsed from. */
  public String spec() {
    return spec;
  }

  /** The zone of a {@code TZ=} / {@code CRON_TZ=} prefix, if the text has one. */
  public Optional<ZoneId> zone() {
    return Optional.ofNullable(zone);
  }

  /**
   * The first instant after {@code after} at which this schedule fires, reading wall-clock fields
   * in the prefix's zone or else in {@code defaultZone}; empty when none comes within five years.
   */
  public Optional<Instant> next(Instant after, ZoneId defaultZone) {
    if (every != null) {
      return Optional.of(after.truncatedTo(ChronoUnit.SECONDS).plus(every));
    }
    ZoneId loc = zone != null ? zone : defaultZone;
    ZonedDateTime t = after.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).atZone(loc);
    boolean added = false;
    int yearLimit = t.getYear() + 5;
    long minutes = fields[0];
    long hours = fields[1];
    long months = fields[3];
    wrap:
    while (true) {
      if (t.getYear() > yearLimit) {
        return Optional.empty();
      }
      while (!has(months, t.getMonthValue())) {
        if (!added) {
          added = true;
          t = goDate(LocalDate.of(t.getYear(), t.getMonthValue(), 1).atStartOfDay(), loc);
        }
        t = goDate(addMonths(t.toLocalDateTime(), 1), loc);
        if (t.getMonthValue() == 1) {
          continue wrap;
        }
      }
      while (!dayMatches(t)) {
        if (!added) {
          added = true;
          t = goDate(t.toLocalDate().atStartOfDay(), loc);
        }
        t = goDate(t.toLocalDateTime().plusDays(1), loc);
        // Midnight may not exist on a daylight-saving day: back to the day's start.
        if (t.getHour() != 0) {
          t = t.getHour() > 12 ? t.plusHours(24 - t.getHour()) : t.minusHours(t.getHour());
        }
        if (t.getDayOfMonth() == 1) {
          continue wrap;
        }
      }
      while (!has(hours, t.getHour())) {
        if (!added) {
          added = true;
          t = goDate(t.toLocalDate().atTime(t.getHour(), 0), loc);
        }
        t = t.plusHours(1);
        if (t.getHour() == 0) {
          continue wrap;
        }
      }
      while (!has(minutes, t.getMinute())) {
        if (!added) {
          added = true;
          t = t.toInstant().truncatedTo(ChronoUnit.MINUTES).atZone(loc);
        }
        t = t.plusMinutes(1);
        if (t.getMinute() == 0) {
          continue wrap;
        }
      }
      // The standard parser fixes the seconds field at 0.
      while (t.getSecond() != 0) {
        t = t.plusSeconds(1);
        if (t.getSecond() == 0) {
          continue wrap;
        }
      }
      return Optional.of(t.toInstant());
    }
  }

  private boolean dayMatches(ZonedDateTime t) {
    long dom = fields[2];
    long dow = fields[4];
    boolean domMatch = has(dom, t.getDayOfMonth());
    boolean dowMatch = has(dow, t.getDayOfWeek().getValue() % 7);
    if ((dom & STAR) != 0 || (dow & STAR) != 0) {
      return domMatch && dowMatch;
    }
    return domMatch || dowMatch;
  }

  private static boolean has(long bits, int value) {
    return (bits & (1L << value)) != 0;
  }

  /** Go's {@code AddDate(0, n, 0)}: the month moves, an overflowing day spills into the next. */
  private static LocalDateTime addMonths(LocalDateTime t, int n) {
    return t.withDayOfMonth(1).plusMonths(n).plusDays(t.getDayOfMonth() - 1L);
  }

  /**
   * Go's {@code time.Date} for a wall-clock time: the offset in force at the wall time read as UTC,
   * corrected once if the result falls outside that offset's period. A time that a change skips
   * lands before it, and a repeated one takes the offset Go's lookup finds (which depends on the
   * zone's side of UTC).
   */
  static ZonedDateTime goDate(LocalDateTime local, ZoneId zone) {
    long unix = local.toEpochSecond(ZoneOffset.UTC);
    var rules = zone.getRules();
    ZoneOffset offset = rules.getOffset(Instant.ofEpochSecond(unix));
    if (offset.getTotalSeconds() != 0) {
      ZoneOffset atUtc = rules.getOffset(Instant.ofEpochSecond(unix - offset.getTotalSeconds()));
      if (!atUtc.equals(offset)) {
        offset = atUtc;
      }
    }
    return Instant.ofEpochSecond(unix - offset.getTotalSeconds(), local.getNano()).atZone(zone);
  }

  private static CronSchedule descriptor(String spec, ZoneId zone, String descriptor) {
    long[] f =
        switch (descriptor) {
          case "@yearly", "@annually" -> new long[] {1, 1, 1L << 1, 1L << 1, DOW.all()};
          case "@monthly" -> new long[] {1, 1, 1L << 1, MONTH.all(), DOW.all()};
          case "@weekly" -> new long[] {1, 1, DOM.all(), MONTH.all(), 1};
          case "@daily", "@midnight" -> new long[] {1, 1, DOM.all(), MONTH.all(), DOW.all()};
          case "@hourly" -> new long[] {1, HOUR.all(), DOM.all(), MONTH.all(), DOW.all()};
          default -> null;
        };
    if (f != null) {
      return new CronSchedule(spec, zone, f, null);
    }
    if (descriptor.startsWith("@every ")) {
      Duration duration;
      try {
        duration = GoDuration.parse(descriptor.substring("@every ".length()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "failed to parse duration " + descriptor + ": " + e.getMessage());
      }
      // Whole seconds, at least one (robfig's Every).
      return new CronSchedule(
          spec, zone, null, Duration.ofSeconds(Math.max(1, duration.toSeconds())));
    }
    throw new IllegalArgumentException("unrecognized descriptor: " + descriptor);
  }

  private static long range(String expr, Bounds bounds) {
    String[] rangeAndStep = expr.split("/", -1);
    String[] lowAndHigh = rangeAndStep[0].split("-", -1);
    boolean single = lowAndHigh.length == 1;
    int start;
    int end;
    long extra = 0;
    if (lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?")) {
      start = bounds.min();
      end = bounds.max();
      extra = STAR;
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
        if (step > 1) {
          extra = 0;
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
    return bits(start, end, step) | extra;
  }

  private static long bits(int min, int max, int step) {
    long bits = 0;
    for (int i = min; i <= max; i += step) {
      bits |= 1L << i;
    }
    return bits;
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
      if (!expr.matches("[+-]?[0-9]+")) {
        throw new NumberFormatException(expr);
      }
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

  @Override
  public String toString() {
    return spec;
  }
}

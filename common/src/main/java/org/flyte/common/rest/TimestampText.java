package org.flyte.common.rest;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The RFC 3339 text of a {@code google.protobuf.Timestamp}, spelled as protobuf-java's {@code
 * Timestamps.toString} spells it (UTC with {@code Z}, a four-digit year, the fraction in 0, 3, 6 or
 * 9 digits) and refused outside the same range, written with {@code java.time}'s arithmetic instead
 * of its thread-local {@code SimpleDateFormat}: every execution and task in a REST JSON list
 * carries a few of them.
 */
final class TimestampText {

  /** {@code 0001-01-01T00:00:00Z}, the smallest timestamp protojson writes. */
  static final long MIN_SECONDS = -62_135_596_800L;

  /** {@code 9999-12-31T23:59:59Z}, the largest. */
  static final long MAX_SECONDS = 253_402_300_799L;

  private TimestampText() {}

  /**
   * The text of {@code seconds} and {@code nanos} since the epoch.
   *
   * @throws IllegalArgumentException out of the range above, or nanos outside [0, 999,999,999]
   */
  static String of(long seconds, int nanos) {
    if (seconds < MIN_SECONDS || seconds > MAX_SECONDS || nanos < 0 || nanos > 999_999_999) {
      throw new IllegalArgumentException(
          "Timestamp is not valid: seconds " + seconds + ", nanos " + nanos);
    }
    LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    char[] text = new char[30];
    int at = digits(text, 0, time.getYear(), 4);
    text[at++] = '-';
    at = digits(text, at, time.getMonthValue(), 2);
    text[at++] = '-';
    at = digits(text, at, time.getDayOfMonth(), 2);
    text[at++] = 'T';
    at = digits(text, at, time.getHour(), 2);
    text[at++] = ':';
    at = digits(text, at, time.getMinute(), 2);
    text[at++] = ':';
    at = digits(text, at, time.getSecond(), 2);
    if (nanos != 0) {
      text[at++] = '.';
      if (nanos % 1_000_000 == 0) {
        at = digits(text, at, nanos / 1_000_000, 3);
      } else if (nanos % 1_000 == 0) {
        at = digits(text, at, nanos / 1_000, 6);
      } else {
        at = digits(text, at, nanos, 9);
      }
    }
    text[at++] = 'Z';
    return new String(text, 0, at);
  }

  /** Writes {@code value} as exactly {@code width} decimal digits at {@code at}; the next index. */
  private static int digits(char[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return at + width;
  }
}

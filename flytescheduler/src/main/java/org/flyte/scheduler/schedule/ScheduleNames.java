package org.flyte.scheduler.schedule;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The native scheduler's names ({@code flyteadmin/scheduler/identifier/identifier.go} and {@code
 * executor/executor_impl.go}, v1.16.8), bit for bit, so that a slot fired by the Go scheduler and
 * by this one has one execution name and admin refuses the second as {@code ALREADY_EXISTS}.
 *
 * <ul>
 *   <li>Schedule name: the decimal (unsigned) 64-bit FNV-1 hash of {@code
 *       project:domain:name:version}.
 *   <li>Execution name: the FNV-1 hash of {@code project:domain:name:version:<slot in Unix
 *       seconds>}, written as 8 little-endian bytes into a zeroed 16-byte UUID whose dashless text
 *       is cut to 19 characters, after an {@code f}: always {@code f} + 16 hex digits + {@code
 *       000}.
 * </ul>
 */
public final class ScheduleNames {

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private ScheduleNames() {}

  /** The schedule name of a launch plan version (the key of Flyte's snapshot). */
  public static String scheduleName(String project, String domain, String name, String version) {
    return Long.toUnsignedString(fnv1(project + ":" + domain + ":" + name + ":" + version));
  }

  /** The schedule name of {@code row}. */
  public static String scheduleName(ScheduleRow row) {
    return scheduleName(row.project(), row.domain(), row.name(), row.version());
  }

  /** The execution name of the slot {@code slot} of {@code row}. */
  public static String executionName(ScheduleRow row, Instant slot) {
    return executionName(row.project(), row.domain(), row.name(), row.version(), slot);
  }

  /** The execution name of the slot {@code slot} of a launch plan version. */
  public static String executionName(
      String project, String domain, String name, String version, Instant slot) {
    long hash =
        fnv1(project + ":" + domain + ":" + name + ":" + version + ":" + slot.getEpochSecond());
    StringBuilder text = new StringBuilder(20).append('f');
    for (int i = 0; i < 8; i++) {
      int b = (int) (hash >>> (8 * i)) & 0xff;
      text.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return text.append("000").toString();
  }

  /** 64-bit FNV-1 (multiply, then xor) over the UTF-8 bytes of {@code text}. */
  static long fnv1(String text) {
    long hash = FNV_OFFSET;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash *= FNV_PRIME;
      hash ^= b & 0xff;
    }
    return hash;
  }
}

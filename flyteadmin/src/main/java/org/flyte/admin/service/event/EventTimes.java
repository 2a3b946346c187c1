package org.flyte.admin.service.event;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import org.flyte.common.error.FlyteException;

/** Conversions between protobuf and Java times for the event records. */
public final class EventTimes {

  private EventTimes() {}

  public static Instant instant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }

  public static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }

  public static Duration duration(long nanos) {
    return Duration.newBuilder()
        .setSeconds(Math.floorDiv(nanos, 1_000_000_000L))
        .setNanos((int) Math.floorMod(nanos, 1_000_000_000L))
        .build();
  }

  /** Nanoseconds from {@code from} to {@code to} (negative when reported out of order). */
  public static long nanosBetween(Instant from, Instant to) {
    return java.time.Duration.between(from, to).toNanos();
  }

  /**
   * The event's {@code occurred_at}, which every record's times come from.
   *
   * @throws FlyteException INVALID_ARGUMENT when it is missing or out of range
   */
  public static Instant occurredAt(boolean present, Timestamp occurredAt) {
    if (!present) {
      throw FlyteException.invalidArgument("missing occurred_at");
    }
    if (occurredAt.getNanos() < 0
        || occurredAt.getNanos() > 999_999_999
        || occurredAt.getSeconds() < -62_135_596_800L
        || occurredAt.getSeconds() > 253_402_300_799L) {
      throw FlyteException.invalidArgument("invalid occurred_at: out of range");
    }
    return instant(occurredAt);
  }

  /** {@code reported_at} when set and non-zero, else {@code occurred_at} (Flyte's rule). */
  public static Timestamp reportedAt(boolean present, Timestamp reportedAt, Timestamp occurredAt) {
    if (!present || (reportedAt.getSeconds() == 0 && reportedAt.getNanos() == 0)) {
      return occurredAt;
    }
    if (reportedAt.getNanos() < 0 || reportedAt.getNanos() > 999_999_999) {
      return occurredAt;
    }
    return reportedAt;
  }
}

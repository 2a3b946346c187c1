package org.flyte.scheduler.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.flyte.common.schedule.CronSchedule;

/**
 * The instants a schedule fires at, each computed from the previous one as the native scheduler
 * computes them ({@code GetScheduledTime} in {@code flyteadmin/scheduler/core/gocron_scheduler.go},
 * v1.16.8): a cron schedule's next match, or a fixed rate's previous instant (truncated to the
 * second) plus {@code value × unit}. Chaining from the row's activation time or its last fired
 * instant gives every replica and every restart the same slots.
 */
public sealed interface Cadence {

  /** The first slot after {@code after}; empty when the schedule never fires again. */
  Optional<Instant> next(Instant after);

  /**
   * The cadence of {@code row}, reading cron fields in {@code defaultZone} unless the text has a
   * zone prefix.
   *
   * @throws IllegalArgumentException when the row cannot be scheduled (bad cron text, unknown unit,
   *     zero rate), with a message that says why
   */
  static Cadence of(ScheduleRow row, ZoneId defaultZone) {
    if (row.isCron()) {
      return new Cron(CronSchedule.parse(row.cronExpression()), defaultZone);
    }
    Duration unit =
        switch (row.unit()) {
          case 0 -> Duration.ofMinutes(1);
          case 1 -> Duration.ofHours(1);
          case 2 -> Duration.ofDays(1);
          default ->
              throw new IllegalArgumentException(
                  "unsupported unit " + row.unit() + " for fixed rate scheduling");
        };
    if (row.fixedRateValue() <= 0) {
      throw new IllegalArgumentException(
          "a fixed rate of " + row.fixedRateValue() + " never fires");
    }
    return new FixedRate(unit.multipliedBy(row.fixedRateValue()));
  }

  /** A cron schedule. */
  record Cron(CronSchedule schedule, ZoneId defaultZone) implements Cadence {
    @Override
    public Optional<Instant> next(Instant after) {
      return schedule.next(after, defaultZone);
    }
  }

  /** A fixed rate. */
  record FixedRate(Duration delay) implements Cadence {
    @Override
    public Optional<Instant> next(Instant after) {
      return Optional.of(after.truncatedTo(ChronoUnit.SECONDS).plus(delay));
    }
  }
}

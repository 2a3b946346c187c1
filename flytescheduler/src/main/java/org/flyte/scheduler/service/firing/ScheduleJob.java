package org.flyte.scheduler.service.firing;

import java.time.Instant;
import org.flyte.scheduler.repository.firetime.FireTimeRepository.Key;
import org.flyte.scheduler.schedule.Cadence;
import org.flyte.scheduler.schedule.ScheduleRow;

/**
 * One active schedule in the job store. Its {@code watermark} is the latest slot up to which every
 * slot has been handled; {@code next} is the slot after it (null: never again). A job fires one
 * slot at a time, so a failing slot holds back only its own schedule. Guarded by the engine's lock.
 */
final class ScheduleJob {

  final ScheduleRow row;
  final Cadence cadence;
  final Key key;
  Instant watermark;
  Instant next;
  boolean inFlight;
  boolean removed;

  ScheduleJob(ScheduleRow row, Cadence cadence, Instant watermark) {
    this.row = row;
    this.cadence = cadence;
    this.key = Key.of(row);
    advanceTo(watermark);
  }

  void advanceTo(Instant handled) {
    watermark = handled;
    next = cadence.next(handled).orElse(null);
  }
}

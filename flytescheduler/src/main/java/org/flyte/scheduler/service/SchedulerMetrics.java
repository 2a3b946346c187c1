package org.flyte.scheduler.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.flyte.scheduler.launch.ExecutionLauncher.Outcome;

/**
 * The scheduler's metrics, named {@code flyte_flytescheduler_*} in Prometheus; docs/metrics.md maps
 * them to Flyte's {@code flyte:flytescheduler:*} counters ({@code
 * flyteadmin/scheduler/executor/executor_impl.go}, {@code core/gocron_scheduler.go}, {@code
 * snapshoter/snapshoter.go}, v1.16.8).
 */
public final class SchedulerMetrics {

  private static final String PREFIX = "flyte.flytescheduler.";

  private final MeterRegistry registry;
  private final Timer lateness;
  private final Counter givenUp;
  private final Counter retries;
  private final Counter jobScheduleFailed;
  private final AtomicInteger leader = new AtomicInteger();
  private final AtomicInteger activeSchedules = new AtomicInteger();

  public SchedulerMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.lateness =
        Timer.builder(PREFIX + "fire.lateness")
            .description("time from a slot to its first CreateExecution call")
            .publishPercentileHistogram()
            .register(registry);
    this.givenUp =
        Counter.builder(PREFIX + "given_up_slots")
            .description("slots whose CreateExecution failed for good (after retries)")
            .register(registry);
    this.retries =
        Counter.builder(PREFIX + "retried_execution")
            .description("CreateExecution calls tried again after a transient failure")
            .register(registry);
    this.jobScheduleFailed =
        Counter.builder(PREFIX + "job_schedule_failed")
            .description("active schedules that cannot be scheduled (bad cron text or unit)")
            .register(registry);
    registry.gauge(PREFIX + "leader", leader);
    registry.gauge(PREFIX + "active_schedules", activeSchedules);
  }

  public void fired(Outcome outcome) {
    registry
        .counter(PREFIX + "successful_execution", "outcome", outcome.name().toLowerCase())
        .increment();
  }

  public void failedAttempt(String code) {
    registry.counter(PREFIX + "failed_execution", "code", code).increment();
  }

  public void retried() {
    retries.increment();
  }

  public void gaveUp() {
    givenUp.increment();
  }

  public void lateness(Duration late) {
    lateness.record(late.isNegative() ? Duration.ZERO : late);
  }

  public void jobScheduleFailed() {
    jobScheduleFailed.increment();
  }

  public void saveFailed(String table) {
    registry.counter(PREFIX + "checkpoint_save_error", "table", table).increment();
  }

  public void snapshotUnreadable() {
    registry.counter(PREFIX + "checkpoint_read_error").increment();
  }

  public void leader(boolean isLeader) {
    leader.set(isLeader ? 1 : 0);
  }

  public void activeSchedules(int count) {
    activeSchedules.set(count);
  }
}

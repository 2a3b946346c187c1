package org.flyte.scheduler.config;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Flyte's {@code scheduler} section, under {@code flyte.scheduler}. Flyte's keys follow {@code
 * flyteadmin/pkg/runtime/interfaces/scheduler_configuration.go} (v1.16.8); the others are ours and
 * say so. Flyte's admin-side keys ({@code eventScheduler.*}, {@code reconnectAttempts}, the AWS
 * ones) are FlyteAdmin's and ignored here.
 *
 * @param profilerPort the HTTP port of health and metrics ({@code /actuator/prometheus}); default
 *     10254
 * @param adminWait how long the scheduler waits at start-up for admin's gRPC health service {@code
 *     flyteadmin} to report SERVING before it gives up (Flyte's {@code precheck}); default 5m.
 *     Ours, not Flyte's.
 * @param adminWaitInterval the pause between two health checks while waiting; default 1s. Ours.
 * @param workflowExecutor Flyte's {@code workflowExecutor} section: its {@code local} part (rate
 *     limit, time zone) configures this scheduler
 * @param updaterPeriod how often the schedule table is read again: a launch plan activated or
 *     deactivated is picked up within this period; default 30s (hard-coded in Flyte). Ours.
 * @param snapshotPeriod how often Flyte's snapshot ({@code schedule_entities_snapshots}) is written
 *     for a Go scheduler to take over from; {@code 0} never writes it; default 30s (hard-coded in
 *     Flyte). Ours.
 * @param leaderElection how replicas agree on the one that fires (ours, see {@link LeaderElection})
 * @param fireRetry how a failed CreateExecution is retried (ours, see {@link FireRetry})
 * @param tick the longest the firing loop sleeps before it reads the clock again; default 1s. Ours.
 * @param maxInFlight the most CreateExecution calls under way at once (the rest queue, in slot
 *     order); default 64. Ours: a burst of slots reaches admin at its best pace instead of as one
 *     crowd.
 */
@ConfigurationProperties(prefix = "flyte.scheduler")
public record SchedulerProperties(
    @DefaultValue("10254") int profilerPort,
    @DefaultValue("5m") Duration adminWait,
    @DefaultValue("1s") Duration adminWaitInterval,
    @DefaultValue WorkflowExecutor workflowExecutor,
    @DefaultValue("30s") Duration updaterPeriod,
    @DefaultValue("30s") Duration snapshotPeriod,
    @DefaultValue LeaderElection leaderElection,
    @DefaultValue FireRetry fireRetry,
    @DefaultValue("1s") Duration tick,
    @DefaultValue("64") int maxInFlight) {

  /** The defaults, with a different start-up wait (for tests of the wait). */
  public static SchedulerProperties waitingFor(Duration adminWait, Duration adminWaitInterval) {
    return new SchedulerProperties(
        10254,
        adminWait,
        adminWaitInterval,
        new WorkflowExecutor(new Local(new AdminRateLimit(100, 10), false)),
        Duration.ofSeconds(30),
        Duration.ofSeconds(30),
        new LeaderElection(Duration.ofSeconds(2), Duration.ofSeconds(5)),
        new FireRetry(10, Duration.ofSeconds(1), Duration.ofMinutes(1)),
        Duration.ofSeconds(1),
        64);
  }

  /** The zone cron fields are read in when the text has no {@code TZ=} prefix. */
  public ZoneId cronZone() {
    return workflowExecutor.local().useUTCTz() ? ZoneOffset.UTC : ZoneId.systemDefault();
  }

  /** Flyte's {@code scheduler.workflowExecutor}. */
  public record WorkflowExecutor(@DefaultValue Local local) {}

  /**
   * Flyte's {@code scheduler.workflowExecutor.local}.
   *
   * @param adminRateLimit the limit on CreateExecution calls of the whole process
   * @param useUTCTz read cron fields in UTC rather than the process's zone; default false
   */
  public record Local(
      @DefaultValue AdminRateLimit adminRateLimit, @DefaultValue("false") boolean useUTCTz) {}

  /**
   * Flyte's {@code adminRateLimit}: a token bucket.
   *
   * @param tps calls a second; default 100
   * @param burst calls at once; default 10
   */
  public record AdminRateLimit(@DefaultValue("100") double tps, @DefaultValue("10") int burst) {}

  /**
   * Ours: replicas share one PostgreSQL advisory lock; its holder fires.
   *
   * @param retryPeriod how often a replica tries to take the lock, and the leader checks that its
   *     lock session is alive; default 2s
   * @param checkTimeout how long that check may take before the leader steps down; default 5s
   */
  public record LeaderElection(
      @DefaultValue("2s") Duration retryPeriod, @DefaultValue("5s") Duration checkTimeout) {}

  /**
   * Ours: a slot whose CreateExecution fails with a transient error (unavailable, deadline,
   * internal ...) is tried again after a backoff that doubles from {@code initialBackoff} up to
   * {@code maxBackoff}, at most {@code maxAttempts} times in all; an error that will not change
   * (invalid argument, not found, failed precondition, permission denied) gives the slot up at
   * once. Only the failing schedule waits; the others fire on time.
   */
  public record FireRetry(
      @DefaultValue("10") int maxAttempts,
      @DefaultValue("1s") Duration initialBackoff,
      @DefaultValue("1m") Duration maxBackoff) {

    /** The pause before attempt {@code attempt + 1}, after {@code attempt} failed. */
    public Duration backoff(int attempt) {
      Duration backoff = initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 30));
      return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }
  }
}

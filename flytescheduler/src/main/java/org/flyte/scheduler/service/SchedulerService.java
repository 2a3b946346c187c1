package org.flyte.scheduler.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.flyte.scheduler.config.SchedulerProperties;
import org.flyte.scheduler.launch.ExecutionLauncher;
import org.flyte.scheduler.launch.TokenBucket;
import org.flyte.scheduler.repository.firetime.FireTimeRepository;
import org.flyte.scheduler.repository.schedule.SchedulableEntityRepository;
import org.flyte.scheduler.repository.snapshot.SnapshotRepository;
import org.flyte.scheduler.service.firing.FiringEngine;
import org.flyte.scheduler.service.leader.LeaderLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the scheduler on this replica. Every {@code leaderElection.retryPeriod} a follower tries to
 * take the leader lock, and the leader checks that it still holds it. Taking the lead starts a
 * term: read every schedule row, the last fire times and Flyte's snapshot, start firing (slots
 * missed while nobody led are due at once: that is the catch-up), then read the rows again every
 * {@code updaterPeriod} and write Flyte's snapshot every {@code snapshotPeriod}. Losing the lock
 * ends the term at once.
 *
 * <p>Follows {@code flyteadmin/scheduler/schedule_executor.go} (v1.16.8), which runs one replica
 * and relies on admin to refuse the duplicates of a second.
 */
public final class SchedulerService implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SchedulerService.class);

  /** How long a graceful stop waits for CreateExecution calls under way. */
  private static final Duration DRAIN = Duration.ofSeconds(10);

  private final Clock clock;
  private final SchedulerProperties properties;
  private final SchedulableEntityRepository schedules;
  private final FireTimeRepository fireTimes;
  private final SnapshotRepository snapshots;
  private final LeaderLock lock;
  private final ExecutionLauncher launcher;
  private final SchedulerMetrics metrics;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("flytescheduler-leader"));
  private final TokenBucket rateLimit;
  private FiringEngine engine;
  private ScheduledFuture<?> updater;
  private ScheduledFuture<?> snapshotWriter;
  private Map<String, Instant> lastSnapshot = Map.of();

  public SchedulerService(
      Clock clock,
      SchedulerProperties properties,
      SchedulableEntityRepository schedules,
      FireTimeRepository fireTimes,
      SnapshotRepository snapshots,
      LeaderLock lock,
      ExecutionLauncher launcher,
      SchedulerMetrics metrics) {
    this.clock = clock;
    this.properties = properties;
    this.schedules = schedules;
    this.fireTimes = fireTimes;
    this.snapshots = snapshots;
    this.lock = lock;
    this.launcher = launcher;
    this.metrics = metrics;
    var limit = properties.workflowExecutor().local().adminRateLimit();
    this.rateLimit = new TokenBucket(limit.tps(), limit.burst());
  }

  /** Set by {@link #close()} on the executor's thread; read only there. */
  private boolean closed;

  /** Starts competing for the lead. */
  public void start() {
    Duration period = properties.leaderElection().retryPeriod();
    executor.scheduleWithFixedDelay(this::elect, 0, period.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Whether this replica leads now. */
  public boolean isLeader() {
    return submit(() -> engine != null);
  }

  /** Stops firing, writes what was fired, and gives the lead up. */
  @Override
  public void close() {
    runOnExecutor(
        () -> {
          // set on the executor's thread: an election step queued behind this one must not take
          // the lead again between the end of the term and the executor's shutdown
          closed = true;
          endTerm(true);
        });
    executor.shutdownNow();
  }

  /**
   * Stops at once, as a killed process would: nothing more is fired or written, and the lock's
   * session closes so another replica takes over.
   */
  public void halt() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
      if (engine != null) {
        engine.stop(false, Duration.ZERO);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    lock.close();
    metrics.leader(false);
  }

  private void elect() {
    if (closed) {
      return;
    }
    try {
      if (engine == null) {
        if (lock.tryAcquire()) {
          beginTerm();
        }
      } else if (!lock.stillHeld(properties.leaderElection().checkTimeout())) {
        log.error("Lost the scheduler's leader lock: this replica stops firing");
        endTerm(false);
      }
    } catch (RuntimeException e) {
      log.error("Leader election step failed", e);
    }
  }

  private void beginTerm() {
    try {
      FiringEngine next =
          new FiringEngine(
              new FiringEngine.Parts(
                  clock,
                  properties.cronZone(),
                  launcher,
                  rateLimit,
                  properties.maxInFlight(),
                  properties.fireRetry(),
                  properties.tick(),
                  fireTimes,
                  metrics));
      var rows = schedules.findAll();
      next.sync(rows, fireTimes.findAll(), goSnapshot());
      next.start();
      engine = next;
    } catch (RuntimeException e) {
      log.error("Could not start firing after taking the lead; giving the lead up", e);
      lock.close();
      return;
    }
    metrics.leader(true);
    log.info("This replica leads the scheduler");
    Duration updaterPeriod = properties.updaterPeriod();
    updater =
        executor.scheduleWithFixedDelay(
            this::update, updaterPeriod.toNanos(), updaterPeriod.toNanos(), TimeUnit.NANOSECONDS);
    Duration snapshotPeriod = properties.snapshotPeriod();
    if (!snapshotPeriod.isZero()) {
      snapshotWriter =
          executor.scheduleWithFixedDelay(
              this::writeSnapshot,
              snapshotPeriod.toNanos(),
              snapshotPeriod.toNanos(),
              TimeUnit.NANOSECONDS);
    }
  }

  private void endTerm(boolean graceful) {
    if (engine == null) {
      return;
    }
    if (updater != null) {
      updater.cancel(false);
    }
    if (snapshotWriter != null) {
      snapshotWriter.cancel(false);
    }
    try {
      engine.stop(graceful, DRAIN);
      if (graceful && !properties.snapshotPeriod().isZero()) {
        writeSnapshot();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    engine = null;
    lock.close();
    metrics.leader(false);
  }

  private void update() {
    try {
      engine.sync(schedules.findAll(), fireTimes.findAll(), Map.of());
    } catch (RuntimeException e) {
      log.error("Could not read the schedules in this round: {}", e.toString());
    }
  }

  private Map<String, Instant> goSnapshot() {
    try {
      return snapshots.latestLastTimes();
    } catch (RuntimeException e) {
      metrics.snapshotUnreadable();
      log.warn(
          "Flyte's schedule snapshot cannot be read ({}); schedules start from their own last"
              + " fire times",
          e.getMessage());
      return Map.of();
    }
  }

  private void writeSnapshot() {
    if (engine == null) {
      return;
    }
    Map<String, Instant> times = engine.lastTimes();
    if (times.isEmpty() || times.equals(lastSnapshot)) {
      return;
    }
    try {
      snapshots.write(times);
      lastSnapshot = times;
    } catch (RuntimeException e) {
      metrics.saveFailed("schedule_entities_snapshots");
      log.warn("Could not write Flyte's schedule snapshot: {}", e.toString());
    }
  }

  private <T> T submit(java.util.concurrent.Callable<T> task) {
    try {
      return executor.submit(task).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException
        | java.util.concurrent.RejectedExecutionException e) {
      throw new IllegalStateException("the scheduler has stopped", e);
    }
  }

  private void runOnExecutor(Runnable task) {
    try {
      submit(
          () -> {
            task.run();
            return null;
          });
    } catch (IllegalStateException stopped) {
      log.debug("Scheduler already stopped");
    }
  }
}

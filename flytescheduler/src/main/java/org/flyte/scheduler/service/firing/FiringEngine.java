package org.flyte.scheduler.service.firing;

import io.grpc.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.flyte.scheduler.config.SchedulerProperties.FireRetry;
import org.flyte.scheduler.launch.ExecutionLauncher;
import org.flyte.scheduler.launch.ScheduledExecutions;
import org.flyte.scheduler.launch.TokenBucket;
import org.flyte.scheduler.repository.firetime.FireTimeRepository;
import org.flyte.scheduler.repository.firetime.FireTimeRepository.Key;
import org.flyte.scheduler.schedule.Cadence;
import org.flyte.scheduler.schedule.ScheduleNames;
import org.flyte.scheduler.schedule.ScheduleRow;
import org.flyte.scheduler.service.DaemonThreads;
import org.flyte.scheduler.service.SchedulerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job store and the firing loop of one leadership term. {@link #sync} brings the store in step
 * with the schedule table; the loop wakes when the earliest slot is due (or after {@code tick}, so
 * that a clock that jumps is noticed), and starts every due slot's CreateExecution without waiting
 * for the answer. A job's next slot is taken only after its current one is handled, so each
 * schedule fires in order and a failing one holds back only itself.
 */
public final class FiringEngine {

  private static final Logger log = LoggerFactory.getLogger(FiringEngine.class);

  /**
   * The parts an engine works with.
   *
   * @param maxInFlight the most CreateExecution calls under way at once; more wait their turn
   */
  public record Parts(
      Clock clock,
      ZoneId cronZone,
      ExecutionLauncher launcher,
      TokenBucket rateLimit,
      int maxInFlight,
      FireRetry retry,
      Duration tick,
      FireTimeRepository fireTimes,
      SchedulerMetrics metrics) {}

  private final Parts parts;
  private final FireTimeWriter writer;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Map<Key, ScheduleJob> jobs = new HashMap<>();
  private final PriorityQueue<ScheduleJob> queue =
      new PriorityQueue<>(Comparator.comparing((ScheduleJob job) -> job.next));
  private final Set<Key> unschedulable = new HashSet<>();
  private final ScheduledExecutorService timers;
  private final java.util.concurrent.atomic.AtomicInteger callsUnderWay =
      new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.ArrayDeque<Runnable> waitingCalls = new java.util.ArrayDeque<>();
  private int callSlotsTaken;
  private volatile boolean running;
  private Thread dispatcher;

  public FiringEngine(Parts parts) {
    this.parts = parts;
    this.writer = new FireTimeWriter(parts.fireTimes(), parts.metrics(), Duration.ofMillis(200));
    this.timers =
        Executors.newScheduledThreadPool(1, DaemonThreads.factory("flytescheduler-timer"));
  }

  /**
   * Brings the job store in step with {@code rows}: inactive or vanished schedules stop (a slot in
   * flight still completes), new ones start from the latest of the row's activation time, its last
   * fire time in {@code fired} and the Go scheduler's in {@code goLastTimes}; a re-activated one
   * starts again from its new activation time.
   */
  public void sync(
      List<ScheduleRow> rows, Map<Key, Instant> fired, Map<String, Instant> goLastTimes) {
    lock.lock();
    try {
      Set<Key> seen = new HashSet<>();
      int started = 0;
      int stopped = 0;
      for (ScheduleRow row : rows) {
        Key key = Key.of(row);
        seen.add(key);
        ScheduleJob existing = jobs.get(key);
        if (!row.active()) {
          if (existing != null) {
            remove(existing);
            log.info("Schedule of launch plan {} deactivated: it fires no more", row.describe());
          }
          unschedulable.remove(key);
          continue;
        }
        if (existing != null
            && (existing.row.updatedAt().equals(row.updatedAt()) || existing.inFlight)) {
          continue;
        }
        Cadence cadence;
        try {
          cadence = Cadence.of(row, parts.cronZone());
        } catch (IllegalArgumentException e) {
          if (unschedulable.add(key)) {
            parts.metrics().jobScheduleFailed();
            log.error(
                "Schedule of launch plan {} cannot be scheduled: {}",
                row.describe(),
                e.getMessage());
          }
          continue;
        }
        Instant watermark = latest(row.updatedAt(), fired.get(key));
        watermark = latest(watermark, goLastTimes.get(ScheduleNames.scheduleName(row)));
        if (existing != null) {
          watermark = latest(watermark, existing.watermark);
          remove(existing);
        }
        ScheduleJob job = new ScheduleJob(row, cadence, watermark);
        jobs.put(key, job);
        if (job.next != null) {
          queue.add(job);
        }
        started++;
        log.debug(
            "Schedule of launch plan {} ({}) active from {}, next slot {}",
            row.describe(),
            row.isCron() ? row.cronExpression() : cadence,
            watermark,
            job.next);
      }
      for (ScheduleJob job : List.copyOf(jobs.values())) {
        if (!seen.contains(job.key)) {
          remove(job);
          stopped++;
        }
      }
      if (started > 0 || stopped > 0) {
        log.info(
            "Schedules: {} active, {} started, {} removed from the table",
            jobs.size(),
            started,
            stopped);
      }
      parts.metrics().activeSchedules(jobs.size());
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Schedule name to last handled slot, for Flyte's snapshot. */
  public Map<String, Instant> lastTimes() {
    lock.lock();
    try {
      Map<String, Instant> times = new HashMap<>();
      jobs.values().forEach(job -> times.put(ScheduleNames.scheduleName(job.row), job.watermark));
      return times;
    } finally {
      lock.unlock();
    }
  }

  public void start() {
    running = true;
    writer.start("flytescheduler-fire-times");
    dispatcher = DaemonThreads.start("flytescheduler-firing", this::loop);
  }

  /**
   * Stops firing: no new call starts. With {@code graceful}, the calls under way get up to {@code
   * drain} to finish and the last fire times handled are written; without (the replica lost its
   * lock or is halted), nothing more is written and the next leader fires those slots again.
   */
  public void stop(boolean graceful, Duration drain) throws InterruptedException {
    running = false;
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    timers.shutdownNow();
    if (dispatcher != null) {
      dispatcher.join();
    }
    long deadline = System.nanoTime() + drain.toNanos();
    while (graceful && callsUnderWay.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    writer.stop(graceful);
  }

  private void loop() {
    while (running) {
      List<ScheduleJob> due = new ArrayList<>();
      List<Instant> slots = new ArrayList<>();
      lock.lock();
      try {
        Instant now = parts.clock().instant();
        while (!queue.isEmpty() && !queue.peek().next.isAfter(now)) {
          ScheduleJob job = queue.poll();
          job.inFlight = true;
          due.add(job);
          slots.add(job.next);
        }
        if (due.isEmpty()) {
          long wait = parts.tick().toNanos();
          if (!queue.isEmpty()) {
            wait = Math.min(wait, Duration.between(now, queue.peek().next).toNanos());
          }
          changed.awaitNanos(Math.max(wait, 1));
          continue;
        }
      } catch (InterruptedException e) {
        return;
      } finally {
        lock.unlock();
      }
      for (int i = 0; i < due.size(); i++) {
        attempt(due.get(i), slots.get(i), 1);
      }
    }
  }

  private void attempt(ScheduleJob job, Instant slot, int attempt) {
    long wait = parts.rateLimit().reserve();
    if (wait <= 0) {
      whenACallSlotIsFree(() -> call(job, slot, attempt));
      return;
    }
    try {
      timers.schedule(
          () -> whenACallSlotIsFree(() -> call(job, slot, attempt)), wait, TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException stopped) {
      // The engine stopped: the slot stays unrecorded and the next leader fires it.
    }
  }

  /** Runs {@code call} now if fewer than {@code maxInFlight} calls are under way, else later. */
  private void whenACallSlotIsFree(Runnable call) {
    synchronized (waitingCalls) {
      if (callSlotsTaken >= parts.maxInFlight()) {
        waitingCalls.add(call);
        return;
      }
      callSlotsTaken++;
    }
    call.run();
  }

  /** A call ended: the longest-waiting call takes its place. */
  private void callSlotFreed() {
    Runnable next;
    synchronized (waitingCalls) {
      next = waitingCalls.poll();
      if (next == null) {
        callSlotsTaken--;
        return;
      }
    }
    next.run();
  }

  private void call(ScheduleJob job, Instant slot, int attempt) {
    if (!running || job.removed) {
      callSlotFreed();
      return;
    }
    if (attempt == 1) {
      parts.metrics().lateness(Duration.between(slot, parts.clock().instant()));
    }
    callsUnderWay.incrementAndGet();
    parts
        .launcher()
        .launch(ScheduledExecutions.request(job.row, slot))
        .whenComplete(
            (outcome, error) -> {
              callsUnderWay.decrementAndGet();
              callSlotFreed();
              if (error == null) {
                parts.metrics().fired(outcome);
                log.debug("Fired slot {} of launch plan {}: {}", slot, job.row.describe(), outcome);
                handled(job, slot);
              } else {
                failed(job, slot, attempt, error);
              }
            });
  }

  private void failed(ScheduleJob job, Instant slot, int attempt, Throwable error) {
    FireRetry retry = parts.retry();
    Status status = Status.fromThrowable(error);
    parts.metrics().failedAttempt(status.getCode().name());
    String execution = ScheduleNames.executionName(job.row, slot);
    if (ExecutionLauncher.retryable(error) && attempt < retry.maxAttempts() && running) {
      Duration backoff = retry.backoff(attempt);
      parts.metrics().retried();
      log.warn(
          "CreateExecution {} for slot {} of launch plan {} failed (attempt {} of {}): {} {};"
              + " trying again in {}",
          execution,
          slot,
          job.row.describe(),
          attempt,
          retry.maxAttempts(),
          status.getCode(),
          status.getDescription(),
          backoff);
      try {
        timers.schedule(
            () -> attempt(job, slot, attempt + 1), backoff.toNanos(), TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.RejectedExecutionException stopped) {
        // The engine stopped: the next leader fires the slot.
      }
      return;
    }
    if (!running) {
      return;
    }
    parts.metrics().gaveUp();
    log.error(
        "Gave up slot {} of launch plan {} (execution {}) after {} attempt(s): {} {}",
        slot,
        job.row.describe(),
        execution,
        attempt,
        status.getCode(),
        status.getDescription());
    handled(job, slot);
  }

  private void handled(ScheduleJob job, Instant slot) {
    writer.record(job.key, slot);
    lock.lock();
    try {
      job.advanceTo(slot);
      job.inFlight = false;
      if (!job.removed && job.next != null) {
        queue.add(job);
        if (queue.peek() == job) {
          changed.signalAll();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  private void remove(ScheduleJob job) {
    job.removed = true;
    jobs.remove(job.key);
    queue.remove(job);
  }

  private static Instant latest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}

package org.flyte.scheduler.service.firing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.flyte.scheduler.repository.firetime.FireTimeRepository;
import org.flyte.scheduler.repository.firetime.FireTimeRepository.Key;
import org.flyte.scheduler.service.DaemonThreads;
import org.flyte.scheduler.service.SchedulerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes last fire times off the firing path: slots handled since the last write are merged (the
 * latest per schedule) and written in one statement every {@code interval}. A write that fails is
 * kept and tried again with the next; until then a takeover fires those slots again, which admin
 * answers with {@code ALREADY_EXISTS}.
 */
final class FireTimeWriter {

  private static final Logger log = LoggerFactory.getLogger(FireTimeWriter.class);

  private final FireTimeRepository repository;
  private final SchedulerMetrics metrics;
  private final Duration interval;
  private final Object lock = new Object();
  private Map<Key, Instant> pending = new HashMap<>();
  private Thread thread;
  private volatile boolean running;

  FireTimeWriter(FireTimeRepository repository, SchedulerMetrics metrics, Duration interval) {
    this.repository = repository;
    this.metrics = metrics;
    this.interval = interval;
  }

  void record(Key key, Instant slot) {
    synchronized (lock) {
      pending.merge(key, slot, (a, b) -> a.isAfter(b) ? a : b);
    }
  }

  void start(String name) {
    running = true;
    thread = DaemonThreads.start(name, this::loop);
  }

  /** Stops the loop; with {@code flush}, writes what is pending first. */
  void stop(boolean flush) throws InterruptedException {
    running = false;
    if (thread != null) {
      thread.interrupt();
      thread.join();
    }
    if (flush) {
      flush();
    }
  }

  private void loop() {
    while (running) {
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      flush();
    }
  }

  void flush() {
    Map<Key, Instant> batch;
    synchronized (lock) {
      if (pending.isEmpty()) {
        return;
      }
      batch = pending;
      pending = new HashMap<>();
    }
    try {
      repository.record(batch);
    } catch (RuntimeException e) {
      metrics.saveFailed("flytescheduler_fire_times");
      log.warn(
          "Could not record {} last fire times (will try again): {}", batch.size(), e.toString());
      synchronized (lock) {
        batch.forEach((key, slot) -> pending.merge(key, slot, (a, b) -> a.isAfter(b) ? a : b));
      }
    }
  }
}

package org.flyte.admin.service.event;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.flyte.admin.config.EventProperties;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.springframework.stereotype.Component;

/**
 * Back-pressure for event ingestion: at most {@code maxInFlight} events are applied at once, at
 * most {@code maxQueued} wait (each for at most {@code queueTimeout}), and the rest are refused
 * with RESOURCE_EXHAUSTED before anything is read or written. An event that was admitted is applied
 * and answered like any other; an event that was refused changed nothing, so propeller's retry is
 * safe. The message never contains "message larger than max", which propeller reads as an event too
 * large to ever succeed ({@code flytepropeller/events/errors/errors.go}, Flyte v1.16.8).
 */
@Component
public class EventAdmission {

  private final Semaphore slots;
  private final AtomicInteger waiting = new AtomicInteger();
  private final EventProperties properties;

  public EventAdmission(EventProperties properties) {
    this.properties = properties;
    this.slots = new Semaphore(properties.maxInFlight(), true);
  }

  /** Runs {@code event} when a slot is free. */
  public <T> T admit(Supplier<T> event) {
    if (!slots.tryAcquire()) {
      if (waiting.incrementAndGet() > properties.maxQueued()) {
        waiting.decrementAndGet();
        throw busy();
      }
      boolean acquired;
      try {
        acquired = slots.tryAcquire(properties.queueTimeout().toNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FlyteException(
            ErrorCode.UNAVAILABLE, "interrupted while waiting to record the event");
      } finally {
        waiting.decrementAndGet();
      }
      if (!acquired) {
        throw busy();
      }
    }
    try {
      return event.get();
    } finally {
      slots.release();
    }
  }

  /** Events waiting for a slot now (for tests and metrics). */
  public int waiting() {
    return waiting.get();
  }

  /** Events being applied now (for tests and metrics). */
  public int inFlight() {
    return properties.maxInFlight() - slots.availablePermits();
  }

  private FlyteException busy() {
    return new FlyteException(
        ErrorCode.RESOURCE_EXHAUSTED,
        String.format(
            "too many events in flight (%d applied, %d queued): retry later",
            properties.maxInFlight(), properties.maxQueued()));
  }
}

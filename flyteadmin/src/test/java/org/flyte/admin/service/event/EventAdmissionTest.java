package org.flyte.admin.service.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flyte.admin.config.EventProperties;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.junit.jupiter.api.Test;

class EventAdmissionTest {

  @Test
  void eventsPastTheSlotsAndTheQueueAreRefusedAsResourceExhausted() throws Exception {
    EventAdmission admission =
        new EventAdmission(new EventProperties(1, 1, Duration.ofSeconds(30)));
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<String> first =
          pool.submit(
              () ->
                  admission.admit(
                      () -> {
                        holding.countDown();
                        await(release);
                        return "first";
                      }));
      holding.await(5, TimeUnit.SECONDS);
      Future<String> queued = pool.submit(() -> admission.admit(() -> "queued"));
      // wait until the second event is queued, then a third finds slot and queue full
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (admission.waiting() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(admission.waiting()).isEqualTo(1);
      FlyteException refused =
          catchThrowableOfType(FlyteException.class, () -> admission.admit(() -> "third"));
      assertThat(refused).isNotNull();
      assertThat(refused.code()).isEqualTo(ErrorCode.RESOURCE_EXHAUSTED);
      assertThat(refused.getMessage())
          .startsWith("too many events in flight")
          .doesNotContain("message larger than max");
      assertThat(admission.inFlight()).isEqualTo(1);
      release.countDown();
      assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
      assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo("queued");
      assertThat(admission.inFlight()).isZero();
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void aQueuedEventGivesUpAfterTheTimeout() throws Exception {
    EventAdmission admission = new EventAdmission(new EventProperties(1, 5, Duration.ofMillis(50)));
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch holding = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      pool.submit(
          () ->
              admission.admit(
                  () -> {
                    holding.countDown();
                    await(release);
                    return null;
                  }));
      holding.await(5, TimeUnit.SECONDS);
      FlyteException refused =
          catchThrowableOfType(FlyteException.class, () -> admission.admit(() -> "late"));
      assertThat(refused.code()).isEqualTo(ErrorCode.RESOURCE_EXHAUSTED);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

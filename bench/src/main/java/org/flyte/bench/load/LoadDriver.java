package org.flyte.bench.load;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives one operation for a bounded time and count: either asynchronous calls with a fixed number
 * in flight (gRPC future stubs), or blocking calls from a fixed number of threads (in-process
 * repository calls). Latencies go to an HdrHistogram; a warm-up is run and discarded first.
 */
public final class LoadDriver {

  /** What one measured phase achieved. */
  public record Result(String name, long ops, long errors, double seconds, Histogram latencies) {

    public double throughput() {
      return ops / seconds;
    }

    public double p50Millis() {
      return latencies.getValueAtPercentile(50) / 1e6;
    }

    public double p99Millis() {
      return latencies.getValueAtPercentile(99) / 1e6;
    }
  }

  private final Duration warmup;
  private final Duration duration;
  private final long maxOps;

  public LoadDriver(Duration warmup, Duration duration, long maxOps) {
    this.warmup = warmup;
    this.duration = duration;
    this.maxOps = maxOps;
  }

  /** {@code inFlight} asynchronous calls at all times; errors are counted, not timed. */
  public Result async(String name, int inFlight, Supplier<ListenableFuture<?>> call)
      throws InterruptedException {
    return async(name, inFlight, call, () -> {});
  }

  /**
   * As {@link #async(String, int, Supplier)}, running {@code measuring} between warm-up and run.
   */
  public Result async(
      String name, int inFlight, Supplier<ListenableFuture<?>> call, Runnable measuring)
      throws InterruptedException {
    asyncPhase(name, inFlight, call, warmup);
    measuring.run();
    return asyncPhase(name, inFlight, call, duration);
  }

  private Result asyncPhase(
      String name, int inFlight, Supplier<ListenableFuture<?>> call, Duration length)
      throws InterruptedException {
    Recorder recorder = new Recorder(3);
    Semaphore permits = new Semaphore(inFlight);
    AtomicLong ops = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    long start = System.nanoTime();
    long deadline = start + length.toNanos();
    long issued = 0;
    while (System.nanoTime() < deadline && issued < maxOps) {
      permits.acquire();
      issued++;
      long begin = System.nanoTime();
      Futures.addCallback(
          call.get(),
          new FutureCallback<Object>() {
            @Override
            public void onSuccess(Object result) {
              recorder.recordValue(System.nanoTime() - begin);
              ops.incrementAndGet();
              permits.release();
            }

            @Override
            public void onFailure(Throwable t) {
              errors.incrementAndGet();
              permits.release();
            }
          },
          MoreExecutors.directExecutor());
    }
    permits.acquire(inFlight); // wait for the calls still in flight
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(name, ops.get(), errors.get(), seconds, recorder.getIntervalHistogram());
  }

  /** {@code threads} threads calling {@code call} in a loop. */
  public Result blocking(String name, int threads, Runnable call) throws Exception {
    blockingPhase(name, threads, call, warmup);
    return blockingPhase(name, threads, call, duration);
  }

  private Result blockingPhase(String name, int threads, Runnable call, Duration length)
      throws Exception {
    Recorder recorder = new Recorder(3);
    AtomicLong ops = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong budget = new AtomicLong(maxOps);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    long deadline = start + length.toNanos();
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < deadline && budget.decrementAndGet() >= 0) {
                  long begin = System.nanoTime();
                  try {
                    call.run();
                    recorder.recordValue(System.nanoTime() - begin);
                    ops.incrementAndGet();
                  } catch (RuntimeException e) {
                    errors.incrementAndGet();
                  }
                }
              }));
    }
    for (Future<?> worker : workers) {
      worker.get(length.toSeconds() + 60, TimeUnit.SECONDS);
    }
    pool.shutdownNow();
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(name, ops.get(), errors.get(), seconds, recorder.getIntervalHistogram());
  }
}

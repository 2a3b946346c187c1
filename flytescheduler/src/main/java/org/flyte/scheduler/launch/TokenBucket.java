package org.flyte.scheduler.launch;

import java.util.concurrent.TimeUnit;

/**
 * The process-wide limit on CreateExecution calls: a token bucket of {@code tps} tokens a second
 * holding at most {@code burst} (Flyte's {@code scheduler.workflowExecutor.local.adminRateLimit},
 * the Go scheduler's {@code rate.Limiter}). Callers reserve a token and learn how long to wait for
 * it, in reservation order, so that nobody blocks a thread while waiting. Measured on the monotonic
 * clock: the limit protects admin in real time, whatever the scheduling clock says.
 */
public final class TokenBucket {

  private final double nanosPerToken;
  private final double capacity;
  private double tokens;
  private long last;

  public TokenBucket(double tps, int burst) {
    if (tps <= 0 || burst < 1) {
      throw new IllegalArgumentException(
          "adminRateLimit needs tps > 0 and burst >= 1, got tps " + tps + ", burst " + burst);
    }
    this.nanosPerToken = TimeUnit.SECONDS.toNanos(1) / tps;
    this.capacity = burst;
    this.tokens = burst;
    this.last = System.nanoTime();
  }

  /** Takes one token and answers how many nanoseconds the caller must wait before using it. */
  public synchronized long reserve() {
    long now = System.nanoTime();
    tokens = Math.min(capacity, tokens + (now - last) / nanosPerToken);
    last = now;
    tokens -= 1;
    return tokens >= 0 ? 0 : (long) Math.ceil(-tokens * nanosPerToken);
  }
}

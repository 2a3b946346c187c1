package org.flyte.runner.process;

import java.time.Duration;

/** A started task process. */
public interface LaunchedProcess {

  /**
   * Waits at most {@code timeout} for the process to end.
   *
   * @return its exit code, or null when it is still running
   */
  Integer waitFor(Duration timeout) throws InterruptedException;

  /** Kills the process and every process it started (its process group); idempotent. */
  void kill();
}

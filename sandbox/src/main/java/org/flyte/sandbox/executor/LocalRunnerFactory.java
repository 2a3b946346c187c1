package org.flyte.sandbox.executor;

import org.flyte.common.storage.BlobStore;

/** Starts the sandbox's {@link LocalRunner} once its apps listen; tests start a fake instead. */
@FunctionalInterface
public interface LocalRunnerFactory {

  /** The real one: the runner module's runner ({@link InProcessRunner}). */
  LocalRunnerFactory IN_PROCESS = InProcessRunner::start;

  /**
   * Starts a runner.
   *
   * @param store the store it uses, on the sandbox's S3 endpoint; the runner closes it
   */
  LocalRunner start(
      SandboxExecutorProperties.Runner properties, InProcessRunner.Wiring wiring, BlobStore store);
}

package org.flyte.sandbox.executor;

import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import org.flyte.compiler.k8s.model.FlyteWorkflow;

/**
 * What the sandbox's executor hands executions to: the local runner, or a fake in tests. Both calls
 * return at once; the runner reports progress to FlyteAdmin through the events API.
 */
public interface LocalRunner extends AutoCloseable {

  /** Starts running {@code workflow}; starting an execution already running does nothing. */
  void start(FlyteWorkflow workflow);

  /**
   * Stops an execution: its processes are killed and it is reported {@code ABORTED} with {@code
   * cause}. Aborting an execution the runner does not hold does nothing.
   */
  void abort(WorkflowExecutionIdentifier executionId, String cause);

  /** Stops the runner; what still runs is aborted. */
  @Override
  void close();
}

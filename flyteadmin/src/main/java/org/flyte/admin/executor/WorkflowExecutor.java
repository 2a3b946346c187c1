package org.flyte.admin.executor;

/**
 * Runs executions somewhere (a Kubernetes cluster, the sandbox's local runner). Follows {@code
 * WorkflowExecutor} of {@code flyteadmin/pkg/workflowengine/interfaces/executor.go} (v1.16.8).
 */
public interface WorkflowExecutor {

  /**
   * Starts an execution. Submitting an execution that the target already holds (same name in the
   * same place) is not an error.
   *
   * @return where the execution went
   * @throws org.flyte.common.error.FlyteException with the code FlyteAdmin answers the caller
   */
  ExecutionResponse execute(ExecutionData data);

  /**
   * Stops an execution started by {@link #execute}. Aborting one that the target no longer holds is
   * not an error.
   *
   * @throws org.flyte.common.error.FlyteException with the code FlyteAdmin answers the caller
   */
  void abort(AbortData data);

  /** A short name of this executor for logs and metrics (e.g. {@code "k8s"}). */
  String id();
}

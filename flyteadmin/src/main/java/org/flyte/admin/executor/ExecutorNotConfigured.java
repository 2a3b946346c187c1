package org.flyte.admin.executor;

import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;

/**
 * What FlyteAdmin answers when an execution should start but no {@link WorkflowExecutor} is
 * configured (no Kubernetes cluster, not the sandbox): {@code FAILED_PRECONDITION} naming the
 * configuration that is missing. FlyteAdmin starts without an executor; only running executions
 * needs one.
 */
public final class ExecutorNotConfigured {

  /** The message, naming the keys that configure an executor. */
  public static final String MESSAGE =
      "no workflow executor is configured: set flyte.clusters.clusterConfigs (Kubernetes clusters),"
          + " or flyte.server.kube-config / flyte.server.master, or run FlyteAdmin inside"
          + " Kubernetes (in-cluster), or use the sandbox";

  private ExecutorNotConfigured() {}

  /** The {@code FAILED_PRECONDITION} error to answer. */
  public static FlyteException exception() {
    return new FlyteException(ErrorCode.FAILED_PRECONDITION, MESSAGE);
  }
}

package org.flyte.admin.service.execution;

import org.flyte.admin.executor.ExecutorNotConfigured;
import org.flyte.admin.executor.WorkflowExecutor;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The workflow executor of this FlyteAdmin, when one is configured. FlyteAdmin starts without one
 * (registration and reads work); creating or terminating an execution then answers
 * FAILED_PRECONDITION naming the configuration that is missing.
 */
@Component
public class WorkflowExecutors {

  private final ObjectProvider<WorkflowExecutor> executors;

  public WorkflowExecutors(ObjectProvider<WorkflowExecutor> executors) {
    this.executors = executors;
  }

  /**
   * The executor.
   *
   * @throws FlyteException FAILED_PRECONDITION when none is configured
   */
  public WorkflowExecutor require() {
    WorkflowExecutor executor = executors.getIfUnique();
    if (executor == null) {
      throw executors.stream().findAny().isPresent()
          ? new FlyteException(
              ErrorCode.FAILED_PRECONDITION,
              "several workflow executors are configured; FlyteAdmin needs exactly one")
          : ExecutorNotConfigured.exception();
    }
    return executor;
  }
}

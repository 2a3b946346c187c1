package org.flyte.sandbox.executor;

import java.util.concurrent.atomic.AtomicReference;
import org.flyte.admin.executor.AbortData;
import org.flyte.admin.executor.ExecutionData;
import org.flyte.admin.executor.ExecutionResponse;
import org.flyte.admin.executor.WorkflowExecutor;
import org.flyte.admin.executor.resource.FlyteWorkflowFactory;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.compiler.k8s.model.FlyteWorkflow;

/**
 * Runs FlyteAdmin's executions in the sandbox: builds each execution's {@code FlyteWorkflow} custom
 * resource exactly as the Kubernetes executor does ({@link FlyteWorkflowFactory}) and hands it to
 * the {@link LocalRunner} in this JVM instead of a cluster's API. The runner is attached once the
 * sandbox's apps all listen (it talks to FlyteAdmin and DataCatalog over gRPC); until then, and
 * after it is detached at the stop, executions are refused as {@code UNAVAILABLE}.
 */
public final class SandboxWorkflowExecutor implements WorkflowExecutor {

  /** The cluster recorded in the execution: the sandbox's runner. */
  public static final String CLUSTER = "sandbox";

  /** The cause propeller reports when an execution's resource is deleted. */
  static final String ABORT_CAUSE = "Workflow aborted.";

  private final FlyteWorkflowFactory resources;
  private final AtomicReference<LocalRunner> runner = new AtomicReference<>();

  public SandboxWorkflowExecutor(FlyteWorkflowFactory resources) {
    this.resources = resources;
  }

  /** Starts handing executions to {@code localRunner}. */
  public void attach(LocalRunner localRunner) {
    runner.set(localRunner);
  }

  /**
   * Stops handing executions over.
   *
   * @return the runner that was attached, or null
   */
  public LocalRunner detach() {
    return runner.getAndSet(null);
  }

  @Override
  public ExecutionResponse execute(ExecutionData data) {
    FlyteWorkflow workflow = resources.create(data);
    require().start(workflow);
    return new ExecutionResponse(CLUSTER);
  }

  @Override
  public void abort(AbortData data) {
    require().abort(data.executionId(), ABORT_CAUSE);
  }

  @Override
  public String id() {
    return "sandbox";
  }

  private LocalRunner require() {
    LocalRunner current = runner.get();
    if (current == null) {
      throw new FlyteException(
          ErrorCode.UNAVAILABLE,
          "the sandbox's workflow runner is not running (the sandbox is starting or stopping)");
    }
    return current;
  }
}

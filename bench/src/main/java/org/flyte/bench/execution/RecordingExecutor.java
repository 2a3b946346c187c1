package org.flyte.bench.execution;

import java.util.concurrent.atomic.AtomicLong;
import org.flyte.admin.executor.AbortData;
import org.flyte.admin.executor.ExecutionData;
import org.flyte.admin.executor.ExecutionResponse;
import org.flyte.admin.executor.WorkflowExecutor;
import org.flyte.admin.executor.resource.FlyteWorkflowFactory;
import org.flyte.compiler.k8s.json.FlyteWorkflowJson;

/**
 * The executor of the benchmark: builds each execution's {@code FlyteWorkflow} custom resource and
 * its JSON exactly as the Kubernetes executor does, then records it instead of sending it to an API
 * server, so that CreateExecution is measured without a cluster's latency.
 */
public final class RecordingExecutor implements WorkflowExecutor {

  private final FlyteWorkflowFactory resources;
  private final AtomicLong created = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();

  public RecordingExecutor(FlyteWorkflowFactory resources) {
    this.resources = resources;
  }

  @Override
  public ExecutionResponse execute(ExecutionData data) {
    String json = FlyteWorkflowJson.write(resources.create(data));
    created.incrementAndGet();
    bytes.addAndGet(json.length());
    return new ExecutionResponse("bench");
  }

  @Override
  public void abort(AbortData data) {}

  @Override
  public String id() {
    return "bench";
  }

  /** Resources recorded so far. */
  long created() {
    return created.get();
  }

  /** Mean size of a recorded resource's JSON, in characters. */
  long meanSize() {
    long n = created.get();
    return n == 0 ? 0 : bytes.get() / n;
  }
}

package org.flyte.runner.engine;

import flyteidl.core.Execution.WorkflowExecution;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import org.flyte.compiler.k8s.model.FlyteWorkflow;
import org.flyte.runner.RunnerServices;
import org.flyte.runner.RunnerSettings;

/** One execution of a custom resource. */
public final class WorkflowRun {

  public WorkflowRun(
      FlyteWorkflow workflow,
      RunnerSettings settings,
      RunnerServices services,
      ExecutorService threads,
      Semaphore taskSlots) {}

  public void run() {}

  public void abort(String cause) {}

  public Optional<WorkflowExecution.Phase> await(Duration timeout) {
    return Optional.empty();
  }
}

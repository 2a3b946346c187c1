package org.flyte.runner;

import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import io.grpc.Channel;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.flyte.common.storage.BlobStore;
import org.flyte.compiler.k8s.model.FlyteWorkflow;
import org.flyte.runner.catalog.DataCatalogTaskCatalog;
import org.flyte.runner.engine.WorkflowRun;
import org.flyte.runner.event.AdminEventSink;
import org.flyte.runner.process.LocalProcessLauncher;
import org.flyte.runner.remote.GrpcControlPlane;

/**
 * Runs {@code FlyteWorkflow} custom resources on this machine, standing in for FlytePropeller
 * v1.16.8 ({@code flytepropeller/pkg/controller}): the entry point of the module.
 *
 * <p>{@link #start} returns at once; the execution runs on the runner's threads and reports every
 * phase change to FlyteAdmin. {@link #abort} stops it: task processes are killed and the execution
 * is reported {@code ABORTED}. Both are idempotent.
 */
public final class WorkflowRunner implements AutoCloseable {

  private final RunnerSettings settings;
  private final RunnerServices services;
  private final ExecutorService threads;
  private final Semaphore taskSlots;
  private final Map<String, WorkflowRun> runs = new ConcurrentHashMap<>();

  public WorkflowRunner(RunnerSettings settings, RunnerServices services) {
    this.settings = settings;
    this.services = services;
    AtomicInteger count = new AtomicInteger();
    this.threads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "flyte-runner-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.taskSlots = new Semaphore(settings.maxParallelTasks(), true);
  }

  /**
   * A runner that reports to FlyteAdmin and caches in DataCatalog over gRPC and runs tasks as local
   * processes.
   *
   * @param store the store FlyteAdmin and the tasks use
   * @param admin a channel to FlyteAdmin (events, child executions, signals)
   * @param dataCatalog a channel to DataCatalog; null for no task cache
   */
  public static WorkflowRunner create(
      RunnerSettings settings, BlobStore store, Channel admin, Channel dataCatalog) {
    return new WorkflowRunner(
        settings,
        new RunnerServices(
            store,
            new AdminEventSink(admin),
            new LocalProcessLauncher(),
            new GrpcControlPlane(admin),
            dataCatalog == null ? null : new DataCatalogTaskCatalog(dataCatalog),
            null));
  }

  /**
   * Starts running {@code workflow} (offloaded closure and inputs are read from the store).
   * Starting an execution the runner already holds does nothing.
   */
  public void start(FlyteWorkflow workflow) {
    String key = key(workflow.executionId());
    runs.computeIfAbsent(
        key,
        k -> {
          WorkflowRun run = new WorkflowRun(workflow, settings, services, threads, taskSlots);
          threads.execute(
              () -> {
                runs.values().removeIf(WorkflowRun::done);
                run.run();
              });
          return run;
        });
  }

  /**
   * Aborts an execution: running task processes are killed, running child executions terminated,
   * and the execution is reported {@code ABORTED} with {@code cause}. Aborting an execution the
   * runner does not hold does nothing.
   */
  public void abort(WorkflowExecutionIdentifier executionId, String cause) {
    WorkflowRun run = runs.get(key(executionId));
    if (run != null) {
      run.abort(cause);
    }
  }

  /** Whether the runner is running the execution. */
  public boolean isRunning(WorkflowExecutionIdentifier executionId) {
    WorkflowRun run = runs.get(key(executionId));
    return run != null && !run.done();
  }

  /**
   * Waits at most {@code timeout} for the execution to end.
   *
   * @return the terminal phase it ended in, empty if it is still running after {@code timeout} or
   *     the runner does not hold it (finished executions are forgotten when the next one starts)
   */
  public Optional<flyteidl.core.Execution.WorkflowExecution.Phase> await(
      WorkflowExecutionIdentifier executionId, Duration timeout) throws InterruptedException {
    WorkflowRun run = runs.get(key(executionId));
    return run == null ? Optional.empty() : run.await(timeout);
  }

  /** Aborts every running execution ("runner shut down") and stops the runner's threads. */
  @Override
  public void close() {
    runs.values().forEach(run -> run.abort("the runner shut down"));
    threads.shutdown();
    try {
      threads.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    threads.shutdownNow();
  }

  private static String key(WorkflowExecutionIdentifier id) {
    return id.getProject() + "/" + id.getDomain() + "/" + id.getName();
  }
}

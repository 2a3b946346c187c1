package org.flyte.runner.engine;

import flyteidl.core.Compiler.CompiledWorkflowClosure;
import flyteidl.core.Execution.ExecutionError;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.Literals.LiteralMap;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.flyte.common.storage.DataReference;
import org.flyte.common.storage.ProtoStore;
import org.flyte.compiler.k8s.FlyteWorkflowBuilder;
import org.flyte.compiler.k8s.model.FlyteWorkflow;
import org.flyte.runner.RunnerServices;
import org.flyte.runner.RunnerSettings;
import org.flyte.runner.event.EventRejectedException;
import org.flyte.runner.event.OrderedEventSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution of a custom resource ({@code flytepropeller/pkg/controller/workflow/executor.go},
 * v1.16.8): {@code RUNNING}, the graph, then {@code SUCCEEDING} / {@code SUCCEEDED} with the
 * outputs, or {@code FAILING}, the failure node, {@code FAILED} with the error, or {@code ABORTED}.
 */
public final class WorkflowRun {

  private final FlyteWorkflow workflow;
  private final RunnerSettings settings;
  private final RunnerServices services;
  private final ExecutorService threads;
  private final Semaphore taskSlots;
  private final Cancellation cancel = Cancellation.root();
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile WorkflowExecution.Phase phase;
  private volatile boolean aborted;

  public WorkflowRun(
      FlyteWorkflow workflow,
      RunnerSettings settings,
      RunnerServices services,
      ExecutorService threads,
      Semaphore taskSlots) {
    this.workflow = workflow;
    this.settings = settings;
    this.services = services;
    this.threads = threads;
    this.taskSlots = taskSlots;
  }

  /** Runs the execution to its end on the calling thread. */
  public void run() {
    OrderedEventSender sender =
        new OrderedEventSender(
            services.events(),
            threads,
            refused -> cancel.cancel("FlyteAdmin refused an event: " + refused.getMessage()));
    Events events =
        new Events(sender, services.clock(), settings.producerId(), workflow.executionId());
    try {
      phase = execute(events);
      sender.flush();
    } catch (EventRejectedException e) {
      LOG.warn("execution {}: FlyteAdmin refused an event, stopping", name(), e);
      cancel.cancel("FlyteAdmin refused an event: " + e.getMessage());
      phase = WorkflowExecution.Phase.UNDEFINED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("execution {}: interrupted before its last events were sent", name());
    } catch (RuntimeException | Error e) {
      LOG.error("execution {} failed in the runner", name(), e);
      cancel.cancel("the runner failed: " + e);
      phase = WorkflowExecution.Phase.FAILED;
      try {
        events.workflow(
            WorkflowExecution.Phase.FAILED,
            ev ->
                ev.setError(
                    NodeFailure.error(
                        ExecutionError.ErrorKind.SYSTEM,
                        "RuntimeExecutionError",
                        String.valueOf(e))));
        sender.flush();
      } catch (InterruptedException again) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException again) {
        LOG.warn("execution {}: cannot report its failure", name(), again);
      }
    } finally {
      finished.countDown();
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(WorkflowRun.class);

  private String name() {
    var id = workflow.executionId();
    return id.getProject() + "/" + id.getDomain() + "/" + id.getName();
  }

  private WorkflowExecution.Phase execute(Events events) {
    RunContext ctx;
    LiteralMap inputs;
    try {
      inputs = inputs(workflow);
      FlyteWorkflow cr = resolved(workflow, inputs);
      ctx = new RunContext(cr, settings, services, threads, taskSlots, events);
    } catch (RuntimeException e) {
      ExecutionError err =
          NodeFailure.error(
              ExecutionError.ErrorKind.SYSTEM, "BadSpecification", String.valueOf(e.getMessage()));
      events.workflow(WorkflowExecution.Phase.FAILED, ev -> ev.setError(err));
      return WorkflowExecution.Phase.FAILED;
    }
    events.workflow(WorkflowExecution.Phase.RUNNING, ev -> {});
    GraphRun graph = new GraphRun(ctx, ctx.cr.spec(), null, ctx.dataDir, inputs, cancel);
    try {
      LiteralMap outputs = graph.run();
      DataReference file = ctx.dataDir.resolve("end-node", "data", "0", "outputs.pb");
      ctx.protos.write(file, outputs);
      events.workflow(WorkflowExecution.Phase.SUCCEEDING, ev -> {});
      events.workflow(WorkflowExecution.Phase.SUCCEEDED, ev -> ev.setOutputUri(file.toString()));
      return WorkflowExecution.Phase.SUCCEEDED;
    } catch (NodeFailure.Raised e) {
      ExecutionError err = e.failure().error();
      events.workflow(WorkflowExecution.Phase.FAILING, ev -> ev.setError(err));
      if (ctx.cr.spec().onFailure() != null && !aborted) {
        runFailureNode(ctx, inputs);
      }
      if (aborted) {
        return reportAborted(events);
      }
      events.workflow(WorkflowExecution.Phase.FAILED, ev -> ev.setError(err));
      return WorkflowExecution.Phase.FAILED;
    } catch (Cancellation.Cancelled e) {
      return reportAborted(events);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return reportAborted(events);
    } catch (RuntimeException e) {
      ExecutionError err =
          NodeFailure.error(
              ExecutionError.ErrorKind.SYSTEM, "RuntimeExecutionError", String.valueOf(e));
      events.workflow(WorkflowExecution.Phase.FAILED, ev -> ev.setError(err));
      return WorkflowExecution.Phase.FAILED;
    }
  }

  private void runFailureNode(RunContext ctx, LiteralMap inputs) {
    GraphRun failureGraph =
        new GraphRun(ctx, ctx.cr.spec(), null, ctx.dataDir, inputs, Cancellation.root());
    try {
      new NodeExecutor(failureGraph).execute(ctx.cr.spec().onFailure(), null);
    } catch (NodeFailure.Raised | InterruptedException | RuntimeException e) {
      // the workflow reports its own error; the failure node's events carry its outcome
    }
  }

  private WorkflowExecution.Phase reportAborted(Events events) {
    String cause = cancel.reason() == null ? "aborted" : cancel.reason();
    events.workflow(
        WorkflowExecution.Phase.ABORTED,
        ev ->
            ev.setError(
                NodeFailure.error(ExecutionError.ErrorKind.SYSTEM, "ExecutionAborted", cause)));
    return WorkflowExecution.Phase.ABORTED;
  }

  /** Stops the execution: processes killed, nodes and workflow reported aborted. */
  public void abort(String cause) {
    aborted = true;
    cancel.cancel(cause);
  }

  /** The terminal phase, once reached within {@code timeout}. */
  public Optional<WorkflowExecution.Phase> await(Duration timeout) throws InterruptedException {
    if (finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      return Optional.ofNullable(phase);
    }
    return Optional.empty();
  }

  /** Whether the execution has ended. */
  public boolean done() {
    return finished.getCount() == 0;
  }

  private FlyteWorkflow resolved(FlyteWorkflow cr, LiteralMap inputs) {
    if (cr.spec() != null || cr.workflowClosureReference().isEmpty()) {
      if (cr.spec() == null) {
        throw new IllegalArgumentException("the resource has neither a spec nor a closure");
      }
      return cr;
    }
    CompiledWorkflowClosure closure =
        new ProtoStore(services.store())
            .read(
                DataReference.parse(cr.workflowClosureReference()),
                CompiledWorkflowClosure.getDefaultInstance());
    FlyteWorkflow built =
        FlyteWorkflowBuilder.build(closure, inputs, cr.executionId(), cr.metadata().namespace());
    return cr.toBuilder()
        .spec(built.spec())
        .tasks(built.tasks())
        .subWorkflows(built.subWorkflows())
        .build();
  }

  private LiteralMap inputs(FlyteWorkflow cr) {
    if (cr.inputs() != null) {
      return cr.inputs();
    }
    if (!cr.offloadedInputs().isEmpty()) {
      return new ProtoStore(services.store())
          .read(DataReference.parse(cr.offloadedInputs()), LiteralMap.getDefaultInstance());
    }
    return LiteralMap.getDefaultInstance();
  }
}

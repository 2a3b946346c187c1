package org.flyte.runner.engine;

import flyteidl.core.Execution.NodeExecution;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.event.Event.TaskNodeMetadata;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flyte.compiler.k8s.json.GoDuration;

/**
 * A task node ({@code flytepropeller/pkg/controller/nodes/task/handler.go}, v1.16.8): the cache
 * looked up first ({@link TaskCache}), then attempts until one succeeds or a budget is spent (user
 * failures: the node's {@code min_attempts}; system failures: 3 more, propeller's {@code
 * max-node-retries-for-system- failures}); the outputs of a success put in the cache.
 */
final class TaskNode {

  /** Propeller's default {@code max-node-retries-for-system-failures}. */
  static final int SYSTEM_RETRIES = 3;

  private final GraphRun graph;
  private final RunContext ctx;
  private final NodeRef ref;
  private final NodeExecutor.NodeOutcome outcome;

  TaskNode(GraphRun graph, NodeRef ref, NodeExecutor.NodeOutcome outcome) {
    this.graph = graph;
    this.ctx = graph.ctx;
    this.ref = ref;
    this.outcome = outcome;
  }

  LiteralMap run(LiteralMap inputs) throws NodeFailure.Raised, InterruptedException {
    TaskTemplate task = ctx.task(ref.spec().taskRef());
    if (!runnable(task)) {
      throw NodeFailure.user(
              "UnsupportedTaskType",
              "task type ["
                  + task.getType()
                  + "] cannot run in the local runner: it needs a cluster (only Python tasks"
                  + " run by pyflyte-execute, pyflyte-fast-execute or pyflyte-map-execute run"
                  + " locally)",
              false)
          .raise();
    }
    TaskCache cache = new TaskCache(ctx, graph.cancel);
    LiteralMap outputs =
        cache.run(task, inputs, ref.uniqueId(), () -> attempts(task, inputs), () -> lastAttempt);
    TaskNodeMetadata.Builder metadata = cache.metadata();
    outcome.decorate = e -> e.setTaskNodeMetadata(metadata);
    return outputs;
  }

  private flyteidl.core.IdentifierOuterClass.TaskExecutionIdentifier lastAttempt;

  private LiteralMap attempts(TaskTemplate task, LiteralMap inputs)
      throws NodeFailure.Raised, InterruptedException {
    int userBudget = userAttempts(task);
    int userFailures = 0;
    int systemFailures = 0;
    AtomicBoolean runningReported = new AtomicBoolean();
    Duration active = ref.spec().activeDeadline();
    long activeEnd =
        active == null || active.isZero() ? Long.MAX_VALUE : System.nanoTime() + active.toNanos();
    for (int attempt = 0; ; attempt++) {
      outcome.attempt = attempt;
      TaskAttempt run = new TaskAttempt(ctx, ref, task, attempt, graph.cancel);
      lastAttempt = run.id;
      Duration timeout = timeout(task);
      long left = activeEnd - System.nanoTime();
      boolean activeBound =
          activeEnd != Long.MAX_VALUE && (timeout == null || left < timeout.toNanos());
      try {
        if (activeBound && left <= 0) {
          throw activeTimeout(active);
        }
        TaskAttempt.Result result =
            run.run(
                inputs,
                activeBound ? Duration.ofNanos(left) : timeout,
                () -> {
                  if (runningReported.compareAndSet(false, true)) {
                    ctx.events.node(ref, NodeExecution.Phase.RUNNING, e -> {});
                  }
                });
        outcome.outputsWritten = result.outputs() != null;
        if (result.futures() != null) {
          return new DynamicNode(graph, ref, outcome).run(task, inputs, result.futures());
        }
        return result.outputs();
      } catch (NodeFailure.Raised e) {
        NodeFailure f = e.failure();
        if (activeBound && f.error().getCode().equals("TimeoutExpired")) {
          throw activeTimeout(active);
        }
        if (!f.recoverable()) {
          throw e;
        }
        if (f.isSystem()) {
          systemFailures++;
          if (systemFailures > SYSTEM_RETRIES) {
            throw e;
          }
        } else {
          userFailures++;
          if (userFailures >= userBudget) {
            throw e;
          }
        }
      }
    }
  }

  /**
   * The node ran past its active deadline, retries included ({@code executor.go}): timed out, not
   * retried.
   */
  private static NodeFailure.Raised activeTimeout(Duration active) {
    return new NodeFailure(
            NodeFailure.error(
                flyteidl.core.Execution.ExecutionError.ErrorKind.USER,
                "TimeoutExpired",
                "task active timeout [" + GoDuration.format(active) + "] expired"),
            false,
            true)
        .raise();
  }

  private int userAttempts(TaskTemplate task) {
    if (ref.spec().retry() != null && ref.spec().retry().minAttempts() != null) {
      return Math.max(1, ref.spec().retry().minAttempts());
    }
    return Math.max(1, task.getMetadata().getRetries().getRetries() + 1);
  }

  private Duration timeout(TaskTemplate task) {
    if (ref.spec().executionDeadline() != null && !ref.spec().executionDeadline().isZero()) {
      return ref.spec().executionDeadline();
    }
    if (task.getMetadata().hasTimeout()) {
      var t = task.getMetadata().getTimeout();
      Duration d = Duration.ofSeconds(t.getSeconds(), t.getNanos());
      if (!d.isZero()) {
        return d;
      }
    }
    return ctx.settings.defaultTimeout();
  }

  /**
   * Container tasks whose program is one of flytekit's entry points; not the old array plugin's
   * {@code container_array} (flytekit's map tasks are array nodes now).
   */
  static boolean runnable(TaskTemplate task) {
    if (!task.hasContainer() || task.getType().equals("container_array")) {
      return false;
    }
    var c = task.getContainer();
    String program =
        c.getCommandCount() > 0 ? c.getCommand(0) : c.getArgsCount() > 0 ? c.getArgs(0) : "";
    String name = program.substring(program.lastIndexOf('/') + 1);
    return name.startsWith("pyflyte-");
  }
}

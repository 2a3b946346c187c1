package org.flyte.runner.engine;

import flyteidl.core.Catalog.CatalogCacheStatus;
import flyteidl.core.Execution.ExecutionError;
import flyteidl.core.Execution.NodeExecution;
import flyteidl.core.Execution.TaskExecution;
import flyteidl.core.Execution.TaskLog;
import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.TaskExecutionIdentifier;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralCollection;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Literals.Void;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.event.Event.ExternalResourceInfo;
import flyteidl.event.Event.TaskExecutionEvent;
import flyteidl.event.Event.TaskExecutionMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.flyte.compiler.k8s.model.ArrayNodeSpec;
import org.flyte.compiler.k8s.model.NodeKind;
import org.flyte.compiler.k8s.model.NodeSpec;

/**
 * An array node, as flytekit's {@code map_task} serializes ({@code
 * flytepropeller/pkg/controller/nodes/array/handler.go}, v1.16.8): its task runs once per element
 * of the collection inputs (bound inputs whole), sub-node {@code n<i>} getting element {@code i}
 * and the environment {@code FLYTE_K8S_ARRAY_INDEX=i}; at most {@code parallelism} at once; each
 * retried on its own; the node succeeds when {@code min_successes} (or {@code min_success_ratio})
 * of them did, its outputs the collections of theirs ({@code None} for failures). The sub-tasks are
 * reported as propeller's default array event version does: as external resources of one task event
 * of the array node.
 */
final class ArrayNode {

  private final GraphRun graph;
  private final RunContext ctx;
  private final NodeRef ref;
  private final NodeExecutor.NodeOutcome outcome;

  ArrayNode(GraphRun graph, NodeRef ref, NodeExecutor.NodeOutcome outcome) {
    this.graph = graph;
    this.ctx = graph.ctx;
    this.ref = ref;
    this.outcome = outcome;
  }

  private record Sub(
      int index,
      LiteralMap outputs,
      NodeFailure failure,
      int attempt,
      List<TaskLog> logs,
      CatalogCacheStatus cacheStatus) {

    Sub(int index, LiteralMap outputs, NodeFailure failure, int attempt, List<TaskLog> logs) {
      this(index, outputs, failure, attempt, logs, CatalogCacheStatus.CACHE_DISABLED);
    }

    Sub cached(CatalogCacheStatus status) {
      return new Sub(index, outputs, failure, attempt, logs, status);
    }
  }

  LiteralMap run(LiteralMap inputs) throws NodeFailure.Raised, InterruptedException {
    ArrayNodeSpec array = ref.spec().array();
    NodeSpec sub = array.subNodeSpec();
    if (sub == null || sub.kind() != NodeKind.TASK) {
      throw NodeFailure.user(
              "UnsupportedArrayNode", "the local runner runs array nodes of tasks only", false)
          .raise();
    }
    TaskTemplate task = ctx.task(sub.taskRef());
    if (!TaskNode.runnable(task)) {
      throw NodeFailure.user(
              "UnsupportedTaskType",
              "task type ["
                  + task.getType()
                  + "] cannot run in the local runner: it needs a cluster",
              false)
          .raise();
    }
    List<String> bound = array.boundInputs() == null ? List.of() : array.boundInputs();
    int size = -1;
    for (Map.Entry<String, Literal> e : inputs.getLiteralsMap().entrySet()) {
      if (bound.contains(e.getKey()) || !e.getValue().hasCollection()) {
        continue;
      }
      int n = e.getValue().getCollection().getLiteralsCount();
      if (size >= 0 && size != n) {
        throw NodeFailure.user(
                "InvalidArrayLength",
                "input arrays have different lengths: expecting '" + size + "' found '" + n + "'",
                false)
            .raise();
      }
      size = n;
    }
    if (size < 0) {
      if (bound.size() != inputs.getLiteralsCount()) {
        throw NodeFailure.user("InvalidArrayLength", "no input array provided", false).raise();
      }
      size = 1;
    }
    outcome.decorate = e -> e.setIsArray(true);
    ctx.events.node(ref, NodeExecution.Phase.RUNNING, e -> e.setIsArray(true));
    AtomicInteger version = new AtomicInteger();
    report(task, TaskExecution.Phase.RUNNING, version.getAndIncrement(), List.of(), null);
    // At most parallelism sub-tasks at once, and never more threads than task slots: the
    // processes are bounded by the slots anyway.
    int slots = ctx.settings.maxParallelTasks();
    Semaphore parallel =
        new Semaphore(
            array.parallelism() != null && array.parallelism() > 0
                ? (int) Math.min(array.parallelism(), slots)
                : slots);
    List<java.util.concurrent.Future<Sub>> futures = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      int index = i;
      LiteralMap element = element(inputs, bound, index);
      RunContext.acquire(parallel, graph.cancel);
      futures.add(
          ctx.threads.submit(
              () -> {
                try {
                  return runOne(task, sub, index, element);
                } finally {
                  parallel.release();
                }
              }));
    }
    List<Sub> subs = new ArrayList<>();
    try {
      for (var f : futures) {
        subs.add(f.get());
      }
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
    graph.cancel.check();
    long succeeded = subs.stream().filter(s -> s.outputs() != null).count();
    long required = required(array, size);
    List<ExternalResourceInfo> resources = new ArrayList<>();
    for (Sub s : subs) {
      resources.add(resource(s));
    }
    if (succeeded < required) {
      NodeFailure first =
          subs.stream().filter(s -> s.failure() != null).findFirst().orElseThrow().failure();
      NodeFailure failure =
          new NodeFailure(
              NodeFailure.error(
                  first.error().getKind(),
                  first.error().getCode(),
                  "["
                      + (size - succeeded)
                      + "/"
                      + size
                      + "] sub-tasks failed; the first: "
                      + first.error().getMessage()),
              false,
              false);
      report(
          task, TaskExecution.Phase.FAILED, version.getAndIncrement(), resources, failure.error());
      throw failure.raise();
    }
    LiteralMap.Builder out = LiteralMap.newBuilder();
    for (String name : task.getInterface().getOutputs().getVariablesMap().keySet()) {
      LiteralCollection.Builder items = LiteralCollection.newBuilder();
      for (Sub s : subs) {
        items.addLiterals(
            s.outputs() != null && s.outputs().containsLiterals(name)
                ? s.outputs().getLiteralsOrThrow(name)
                : Literal.newBuilder()
                    .setScalar(Scalar.newBuilder().setNoneType(Void.getDefaultInstance()))
                    .build());
      }
      out.putLiterals(name, Literal.newBuilder().setCollection(items).build());
    }
    report(task, TaskExecution.Phase.SUCCEEDED, version.getAndIncrement(), resources, null);
    return out.build();
  }

  private static long required(ArrayNodeSpec array, int size) {
    if (array.minSuccesses() != null && array.minSuccesses() > 0) {
      return Math.min(array.minSuccesses(), size);
    }
    if (array.minSuccessRatio() != null) {
      return (long) Math.ceil(array.minSuccessRatio() * size);
    }
    return size;
  }

  private static LiteralMap element(LiteralMap inputs, List<String> bound, int index) {
    LiteralMap.Builder out = LiteralMap.newBuilder();
    inputs
        .getLiteralsMap()
        .forEach(
            (k, v) ->
                out.putLiterals(
                    k,
                    !bound.contains(k) && v.hasCollection()
                        ? v.getCollection().getLiterals(index)
                        : v));
    return out.build();
  }

  /**
   * Sub-task {@code index} through the task cache, as propeller's node executor runs each sub-node:
   * a cached task's element is looked up, and put once it succeeded.
   */
  private Sub runOne(TaskTemplate task, NodeSpec sub, int index, LiteralMap inputs)
      throws InterruptedException {
    TaskCache cache = new TaskCache(ctx, graph.cancel);
    AtomicReference<Sub> ran = new AtomicReference<>();
    AtomicReference<TaskExecutionIdentifier> last = new AtomicReference<>();
    String owner =
        UniqueIds.node(ParentInfo.of(ref.parent(), ref.spec().id(), 0, false), "n" + index);
    try {
      LiteralMap outputs =
          cache.run(
              elementTask(task),
              inputs,
              owner,
              () -> {
                Sub s = attempts(task, sub, index, inputs, last);
                ran.set(s);
                if (s.outputs() == null) {
                  throw s.failure().raise();
                }
                return s.outputs();
              },
              last::get);
      Sub s = ran.get();
      return s == null
          ? new Sub(index, outputs, null, 0, List.of(), CatalogCacheStatus.CACHE_HIT)
          : s.cached(cache.metadata().getCacheStatus());
    } catch (NodeFailure.Raised e) {
      return ran.get();
    }
  }

  /**
   * The task as the cache of a sub-node sees it ({@code arrayTaskReader} in {@code
   * array/node_execution_context.go}): the registered inputs, the outputs of one element (each
   * collection output its element type).
   */
  static TaskTemplate elementTask(TaskTemplate task) {
    VariableMap.Builder outputs = VariableMap.newBuilder();
    task.getInterface()
        .getOutputs()
        .getVariablesMap()
        .forEach(
            (name, v) ->
                outputs.putVariables(
                    name,
                    v.getType().hasCollectionType()
                        ? Variable.newBuilder()
                            .setType(v.getType().getCollectionType())
                            .setDescription(v.getDescription())
                            .build()
                        : v));
    return task.toBuilder()
        .setInterface(
            TypedInterface.newBuilder()
                .setInputs(task.getInterface().getInputs())
                .setOutputs(outputs))
        .build();
  }

  private Sub attempts(
      TaskTemplate task,
      NodeSpec sub,
      int index,
      LiteralMap inputs,
      AtomicReference<TaskExecutionIdentifier> last)
      throws InterruptedException {
    ParentInfo parent = ParentInfo.of(ref.parent(), ref.spec().id(), 0, false);
    NodeSpec spec = sub.toBuilder().id("n" + index).name("n" + index).inputBindings(null).build();
    // As propeller's array node: the sub-task reads the array node's inputs file (flytekit picks
    // element FLYTE_K8S_ARRAY_INDEX) and writes under <array output dir>/<index>/<attempt>.
    NodeRef subRef =
        new NodeRef(
            spec,
            UniqueIds.node(parent, spec.id()),
            parent,
            ref.outputDir(0).resolve(Integer.toString(index)),
            task.getId(),
            ref.inputs());
    int budget =
        sub.retry() != null && sub.retry().minAttempts() != null
            ? Math.max(1, sub.retry().minAttempts())
            : Math.max(1, task.getMetadata().getRetries().getRetries() + 1);
    int userFailures = 0;
    int systemFailures = 0;
    for (int attempt = 0; ; attempt++) {
      TaskAttempt run =
          new TaskAttempt(
              ctx,
              subRef,
              task,
              attempt,
              graph.cancel,
              Map.of(
                  "BATCH_JOB_ARRAY_INDEX_VAR_NAME",
                  "FLYTE_K8S_ARRAY_INDEX",
                  "FLYTE_K8S_ARRAY_INDEX",
                  Integer.toString(index)),
              false);
      last.set(run.id);
      try {
        TaskAttempt.Result r = run.run(inputs, null, () -> {});
        if (r.outputs() == null) {
          return new Sub(
              index,
              null,
              NodeFailure.user("DynamicInArray", "a mapped task cannot be dynamic", false),
              attempt,
              run.logs());
        }
        return new Sub(index, r.outputs(), null, attempt, run.logs());
      } catch (NodeFailure.Raised e) {
        NodeFailure f = e.failure();
        boolean again =
            f.recoverable()
                && (f.isSystem()
                    ? ++systemFailures <= TaskNode.SYSTEM_RETRIES
                    : ++userFailures < budget);
        if (!again) {
          return new Sub(index, null, f, attempt, run.logs());
        }
      }
    }
  }

  private ExternalResourceInfo resource(Sub s) {
    return ExternalResourceInfo.newBuilder()
        .setExternalId(ref.uniqueId() + "-n" + s.index() + "-" + s.attempt())
        .setIndex(s.index())
        .setRetryAttempt(s.attempt())
        .setPhase(s.outputs() != null ? TaskExecution.Phase.SUCCEEDED : TaskExecution.Phase.FAILED)
        .setCacheStatus(s.cacheStatus())
        .addAllLogs(s.logs())
        .build();
  }

  private void report(
      TaskTemplate task,
      TaskExecution.Phase phase,
      int version,
      List<ExternalResourceInfo> resources,
      ExecutionError error) {
    NodeExecutionIdentifier node = ctx.events.nodeExecutionId(ref);
    ctx.events.task(
        phase,
        e -> {
          TaskExecutionEvent.Builder b =
              e.setTaskId(task.getId())
                  .setParentNodeExecutionId(node)
                  .setRetryAttempt(0)
                  .setPhaseVersion(version)
                  .setTaskType(task.getType())
                  .setInputUri(ref.inputs().toString())
                  .setMetadata(
                      TaskExecutionMetadata.newBuilder()
                          .setGeneratedName(ref.uniqueId())
                          .setPluginIdentifier("container")
                          .addAllExternalResources(resources));
          if (error != null) {
            b.setError(error);
          }
          if (phase == TaskExecution.Phase.SUCCEEDED) {
            b.setOutputUri(ref.outputDir(0).resolve("outputs.pb").toString());
          }
        });
  }
}

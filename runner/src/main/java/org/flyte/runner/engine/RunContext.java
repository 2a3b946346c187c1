package org.flyte.runner.engine;

import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Tasks.TaskTemplate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.flyte.common.storage.DataReference;
import org.flyte.common.storage.ProtoStore;
import org.flyte.compiler.k8s.model.FlyteWorkflow;
import org.flyte.compiler.k8s.model.WorkflowSpec;
import org.flyte.runner.RunnerServices;
import org.flyte.runner.RunnerSettings;

/**
 * What every node of one execution shares: the resource (closure and inputs resolved), settings,
 * services, threads, the slots bounding task processes and the execution's {@code max_parallelism}.
 */
final class RunContext {

  final FlyteWorkflow cr;
  final RunnerSettings settings;
  final RunnerServices services;
  final ExecutorService threads;
  final Semaphore taskSlots;
  final Semaphore parallelism;
  final ProtoStore protos;
  final Events events;
  final DataReference dataDir;
  final String rawOutputPrefix;
  private final Map<String, TaskTemplate> tasks = new ConcurrentHashMap<>();
  private final Map<String, WorkflowSpec> subWorkflows = new ConcurrentHashMap<>();

  RunContext(
      FlyteWorkflow cr,
      RunnerSettings settings,
      RunnerServices services,
      ExecutorService threads,
      Semaphore taskSlots,
      Events events) {
    this.cr = cr;
    this.settings = settings;
    this.services = services;
    this.threads = threads;
    this.taskSlots = taskSlots;
    long max = cr.executionConfig().maxParallelism();
    this.parallelism = max > 0 ? new Semaphore((int) Math.min(max, Integer.MAX_VALUE), true) : null;
    this.protos = new ProtoStore(services.store());
    this.events = events;
    WorkflowExecutionIdentifier id = cr.executionId();
    this.dataDir =
        services
            .store()
            .baseContainer()
            .resolve(
                "metadata",
                "propeller",
                id.getProject() + "-" + id.getDomain() + "-" + id.getName());
    String raw = cr.rawOutputDataConfig().getOutputLocationPrefix();
    this.rawOutputPrefix =
        raw.isEmpty() ? services.store().baseContainer().resolve("data").toString() : raw;
    add(cr.tasks(), cr.subWorkflows());
  }

  /** Adds the tasks and sub-workflows of a dynamic workflow; keys already known are kept. */
  void add(Map<String, TaskTemplate> moreTasks, Map<String, WorkflowSpec> moreSubWorkflows) {
    if (moreTasks != null) {
      moreTasks.forEach(tasks::putIfAbsent);
    }
    if (moreSubWorkflows != null) {
      moreSubWorkflows.forEach(subWorkflows::putIfAbsent);
    }
  }

  WorkflowExecutionIdentifier executionId() {
    return cr.executionId();
  }

  TaskTemplate task(String key) {
    TaskTemplate task = tasks.get(key);
    if (task == null) {
      throw new IllegalStateException("the resource has no task [" + key + "]");
    }
    return task;
  }

  WorkflowSpec subWorkflow(String key) {
    WorkflowSpec spec = subWorkflows.get(key);
    if (spec == null) {
      throw new IllegalStateException("the resource has no sub-workflow [" + key + "]");
    }
    return spec;
  }

  /** Takes a permit of {@code slots}, giving up when {@code cancel} is cancelled. */
  static void acquire(Semaphore slots, Cancellation cancel) throws InterruptedException {
    while (!slots.tryAcquire(200, TimeUnit.MILLISECONDS)) {
      cancel.check();
    }
  }
}

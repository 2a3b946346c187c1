package org.flyte.compiler.k8s.model;

import flyteidl.admin.MatchableResourceOuterClass.PluginOverride.MissingPluginBehavior;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import java.util.List;
import java.util.Map;

/**
 * The execution's settings and overrides ({@code v1alpha1.ExecutionConfig}, written with Go's field
 * names as keys: {@code MaxParallelism}, {@code TaskResources}, ...).
 *
 * @param taskPluginImpls task type → the plugins to use instead of the default; null when unset
 * @param maxParallelism how many nodes may run at once; 0 for no limit
 * @param recoveryExecution the execution this one recovers; the default instance when none
 * @param taskResources platform task resource defaults ({@code Requests}) and limits
 * @param interruptible whether the execution is interruptible; null when not overridden
 * @param overwriteCache whether cached results are recomputed and overwritten
 * @param environmentVariables variables set in every task; null when unset
 */
public record ExecutionConfig(
    Map<String, TaskPluginOverride> taskPluginImpls,
    long maxParallelism,
    WorkflowExecutionIdentifier recoveryExecution,
    TaskResources taskResources,
    Boolean interruptible,
    boolean overwriteCache,
    Map<String, String> environmentVariables) {

  public ExecutionConfig {
    taskPluginImpls = Models.sortedCopy(taskPluginImpls, p -> p);
    recoveryExecution =
        recoveryExecution == null
            ? WorkflowExecutionIdentifier.getDefaultInstance()
            : recoveryExecution;
    taskResources = taskResources == null ? TaskResources.NONE : taskResources;
    environmentVariables = Models.sortedCopy(environmentVariables, v -> v);
  }

  /** Go's zero value, as Flyte's builder leaves it before admin prepares the execution. */
  public static final ExecutionConfig NONE =
      new ExecutionConfig(null, 0, null, null, null, false, null);

  /**
   * Plugins to use for a task type ({@code v1alpha1.TaskPluginOverride}).
   *
   * @param pluginIds the plugin ids in order of preference ({@code PluginIDs}); null when unset
   * @param missingPluginBehavior what to do when none is available
   */
  public record TaskPluginOverride(
      List<String> pluginIds, MissingPluginBehavior missingPluginBehavior) {

    public TaskPluginOverride {
      pluginIds = Models.listCopy(pluginIds);
    }
  }

  /**
   * Platform task resources ({@code v1alpha1.TaskResources}).
   *
   * @param requests default requests ({@code Requests})
   * @param limits limits ({@code Limits})
   */
  public record TaskResources(TaskResourceSpec requests, TaskResourceSpec limits) {

    public TaskResources {
      requests = requests == null ? TaskResourceSpec.ZERO : requests;
      limits = limits == null ? TaskResourceSpec.ZERO : limits;
    }

    /** All zero. */
    public static final TaskResources NONE = new TaskResources(null, null);
  }

  /**
   * Canonical quantities per resource ({@code v1alpha1.TaskResourceSpec}); {@code "0"} when unset.
   *
   * @param cpu {@code CPU}
   * @param memory {@code Memory}
   * @param ephemeralStorage {@code EphemeralStorage}
   * @param storage {@code Storage}
   * @param gpu {@code GPU}
   */
  public record TaskResourceSpec(
      String cpu, String memory, String ephemeralStorage, String storage, String gpu) {

    public TaskResourceSpec {
      cpu = cpu == null ? "0" : cpu;
      memory = memory == null ? "0" : memory;
      ephemeralStorage = ephemeralStorage == null ? "0" : ephemeralStorage;
      storage = storage == null ? "0" : storage;
      gpu = gpu == null ? "0" : gpu;
    }

    /** All zero. */
    public static final TaskResourceSpec ZERO = new TaskResourceSpec(null, null, null, null, null);
  }
}

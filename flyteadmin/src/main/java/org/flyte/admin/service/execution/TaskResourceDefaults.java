package org.flyte.admin.service.execution;

import flyteidl.admin.MatchableResourceOuterClass.MatchableResource;
import flyteidl.admin.MatchableResourceOuterClass.TaskResourceSpec;
import flyteidl.core.Compiler.CompiledTask;
import flyteidl.core.Compiler.CompiledWorkflowClosure;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Tasks.Resources;
import flyteidl.core.Tasks.Resources.ResourceEntry;
import flyteidl.core.Tasks.Resources.ResourceName;
import flyteidl.core.Tasks.TaskTemplate;
import java.util.List;
import org.flyte.admin.config.TaskResourcesProperties;
import org.flyte.admin.executor.ExecutionParameters;
import org.flyte.admin.service.resource.ResourceService;
import org.flyte.compiler.Quantity;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The platform's task resources (defaults and limits) for an execution, and the requests and limits
 * they give the container tasks of the workflow it runs. Follows {@code GetTaskResources} in {@code
 * flyteadmin/pkg/manager/impl/util/resources.go}, {@code setCompiledTaskDefaults} in {@code
 * execution_manager.go} and {@code AdjustOrDefaultResource} in {@code
 * flyteplugins/go/tasks/pluginmachinery/flytek8s/container_helper.go} (v1.16.8):
 *
 * <ul>
 *   <li>the platform resources are the most specific TASK_RESOURCE attribute of the workflow's
 *       project, domain and name, else the {@code task_resources} configuration;
 *   <li>for CPU and memory (and ephemeral storage and GPU only when the task or the platform
 *       default mentions them): a missing request is the task's limit, else the platform default; a
 *       missing limit is the request; both are capped at the platform limit and the request at the
 *       limit;
 *   <li>quantities are written in Go's canonical form; resources of other kinds are dropped.
 * </ul>
 */
@Component
class TaskResourceDefaults {

  private static final Quantity ZERO = Quantity.parse("0");

  /** One resource's four quantities. */
  record Set(Quantity cpu, Quantity memory, Quantity ephemeralStorage, Quantity gpu) {

    Quantity of(ResourceName name) {
      return switch (name) {
        case CPU -> cpu;
        case MEMORY -> memory;
        case EPHEMERAL_STORAGE -> ephemeralStorage;
        default -> gpu;
      };
    }
  }

  /**
   * The platform's resources for an execution.
   *
   * @param defaults default requests
   * @param limits limits
   */
  record PlatformResources(Set defaults, Set limits) {

    /** As the executor receives them: canonical quantities, null where zero. */
    ExecutionParameters.TaskResources forExecutor() {
      return new ExecutionParameters.TaskResources(resourceSet(defaults), resourceSet(limits));
    }

    private static ExecutionParameters.ResourceSet resourceSet(Set set) {
      return new ExecutionParameters.ResourceSet(
          text(set.cpu), text(set.gpu), text(set.memory), text(set.ephemeralStorage));
    }

    private static @Nullable String text(Quantity quantity) {
      return quantity.isZero() ? null : quantity.canonical();
    }
  }

  private final ResourceService resources;
  private final TaskResourcesProperties configured;

  TaskResourceDefaults(ResourceService resources, TaskResourcesProperties configured) {
    this.resources = resources;
    this.configured = configured;
  }

  /** The platform's resources for executions of {@code workflow}. */
  PlatformResources platformResources(Identifier workflow) {
    String name = workflow.getResourceType() == ResourceType.WORKFLOW ? workflow.getName() : "";
    return resources
        .resolve(
            workflow.getProject(), workflow.getDomain(), name, "", MatchableResource.TASK_RESOURCE)
        .filter(c -> c.getAttributes().hasTaskResourceAttributes())
        .map(
            c ->
                new PlatformResources(
                    of(c.getAttributes().getTaskResourceAttributes().getDefaults()),
                    of(c.getAttributes().getTaskResourceAttributes().getLimits())))
        .orElseGet(() -> new PlatformResources(of(configured.defaults()), of(configured.limits())));
  }

  /** {@code closure} with the requests and limits of its container tasks completed. */
  static CompiledWorkflowClosure apply(
      CompiledWorkflowClosure closure, PlatformResources platform) {
    CompiledWorkflowClosure.Builder builder = closure.toBuilder();
    for (CompiledTask.Builder task : builder.getTasksBuilderList()) {
      TaskTemplate.Builder template = task.getTemplateBuilder();
      if (!template.hasContainer()) {
        continue;
      }
      Resources given = template.getContainer().getResources();
      Set requests = of(given.getRequestsList());
      Set limits = of(given.getLimitsList());
      Resources.Builder finalized = Resources.newBuilder();
      for (ResourceName name :
          List.of(
              ResourceName.CPU,
              ResourceName.MEMORY,
              ResourceName.EPHEMERAL_STORAGE,
              ResourceName.GPU)) {
        boolean always = name == ResourceName.CPU || name == ResourceName.MEMORY;
        if (!always
            && requests.of(name).isZero()
            && limits.of(name).isZero()
            && platform.defaults().of(name).isZero()) {
          continue;
        }
        Quantity[] adjusted =
            adjust(
                requests.of(name),
                limits.of(name),
                platform.defaults().of(name),
                platform.limits().of(name));
        finalized.addRequests(entry(name, adjusted[0]));
        finalized.addLimits(entry(name, adjusted[1]));
      }
      template.getContainerBuilder().setResources(finalized);
    }
    return builder.build();
  }

  /** {@code AdjustOrDefaultResource}: the request and the limit. */
  static Quantity[] adjust(
      Quantity request, Quantity limit, Quantity platformDefault, Quantity platformLimit) {
    if (request.isZero()) {
      request = limit.isZero() ? platformDefault : limit;
    }
    if (limit.isZero()) {
      limit = request;
    }
    request = capped(request, platformLimit);
    limit = capped(limit, platformLimit);
    request = capped(request, limit);
    return new Quantity[] {request, limit};
  }

  private static Quantity capped(Quantity value, Quantity limit) {
    if (value.isZero() || limit.isZero()) {
      return value;
    }
    return value.amount().compareTo(limit.amount()) > 0 ? limit : value;
  }

  private static ResourceEntry entry(ResourceName name, Quantity quantity) {
    return ResourceEntry.newBuilder().setName(name).setValue(quantity.canonical()).build();
  }

  private static Set of(List<ResourceEntry> entries) {
    Quantity cpu = ZERO;
    Quantity memory = ZERO;
    Quantity ephemeral = ZERO;
    Quantity gpu = ZERO;
    for (ResourceEntry entry : entries) {
      Quantity value = quantity(entry.getValue());
      switch (entry.getName()) {
        case CPU -> cpu = value;
        case MEMORY -> memory = value;
        case EPHEMERAL_STORAGE -> ephemeral = value;
        case GPU -> gpu = value;
        default -> {
          // other resources take no part
        }
      }
    }
    return new Set(cpu, memory, ephemeral, gpu);
  }

  private static Set of(TaskResourceSpec spec) {
    return new Set(
        quantity(spec.getCpu()),
        quantity(spec.getMemory()),
        quantity(spec.getEphemeralStorage()),
        quantity(spec.getGpu()));
  }

  private static Set of(TaskResourcesProperties.Set set) {
    return new Set(
        quantity(set.cpu()),
        quantity(set.memory()),
        quantity(set.ephemeralStorage()),
        quantity(set.gpu()));
  }

  /** Go's {@code parseQuantityNoError}: a value that is not a quantity counts as zero. */
  static Quantity quantity(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return ZERO;
    }
    try {
      return Quantity.parse(text);
    } catch (IllegalArgumentException e) {
      return ZERO;
    }
  }
}

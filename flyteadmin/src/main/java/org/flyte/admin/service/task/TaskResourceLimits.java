package org.flyte.admin.service.task;

import flyteidl.admin.MatchableResourceOuterClass.MatchingAttributes;
import flyteidl.admin.MatchableResourceOuterClass.TaskResourceSpec;
import flyteidl.core.Tasks.Resources.ResourceName;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.flyte.admin.config.TaskResourcesProperties;
import org.flyte.admin.repository.resource.TaskResourceAttributeRepository;
import org.flyte.compiler.Quantity;
import org.springframework.stereotype.Component;

/**
 * The most a task of a project and domain may request. Follows {@code GetTaskResources} in {@code
 * flyteadmin/pkg/manager/impl/util/resources.go} (v1.16.8): the most specific {@code TASK_RESOURCE}
 * matchable attribute, when one exists, replaces the {@code task_resources} configuration as a
 * whole (no per-field merge); an empty or zero value means no limit.
 */
@Component
public class TaskResourceLimits {

  private final TaskResourcesProperties properties;
  private final TaskResourceAttributeRepository attributes;

  public TaskResourceLimits(
      TaskResourcesProperties properties, TaskResourceAttributeRepository attributes) {
    this.properties = properties;
    this.attributes = attributes;
  }

  /** The platform limit per resource; a resource without a limit is absent. */
  public Map<ResourceName, Quantity> limits(String project, String domain) {
    Map<ResourceName, Quantity> limits = new EnumMap<>(ResourceName.class);
    Optional<MatchingAttributes> attribute =
        attributes
            .mostSpecific(project, domain)
            .filter(MatchingAttributes::hasTaskResourceAttributes);
    if (attribute.isPresent()) {
      TaskResourceSpec spec = attribute.get().getTaskResourceAttributes().getLimits();
      put(limits, ResourceName.CPU, spec.getCpu());
      put(limits, ResourceName.MEMORY, spec.getMemory());
      put(limits, ResourceName.EPHEMERAL_STORAGE, spec.getEphemeralStorage());
      put(limits, ResourceName.GPU, spec.getGpu());
      return limits;
    }
    TaskResourcesProperties.Set set = properties.limits();
    put(limits, ResourceName.CPU, set.cpu());
    put(limits, ResourceName.MEMORY, set.memory());
    put(limits, ResourceName.EPHEMERAL_STORAGE, set.ephemeralStorage());
    put(limits, ResourceName.GPU, set.gpu());
    return limits;
  }

  private static void put(Map<ResourceName, Quantity> limits, ResourceName name, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    Quantity quantity;
    try {
      quantity = Quantity.parse(value);
    } catch (IllegalArgumentException e) {
      return; // Flyte logs an unparseable limit and treats it as unset
    }
    if (quantity.amount().signum() != 0) {
      limits.put(name, quantity);
    }
  }
}

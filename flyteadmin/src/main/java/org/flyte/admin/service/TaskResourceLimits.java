package org.flyte.admin.service;

import flyteidl.core.Tasks.Resources.ResourceName;
import java.util.EnumMap;
import java.util.Map;
import org.flyte.admin.config.TaskResourcesProperties;
import org.springframework.stereotype.Component;

/**
 * The most a task of a project and domain may request. Follows {@code
 * flyteadmin/pkg/manager/impl/util/resources.go} (v1.16.8), where a {@code TASK_RESOURCE} matchable
 * attribute overrides the {@code task_resources} configuration. The seam for that override: this
 * component answers the configured limits only, until the matchable attributes service lands and
 * consults them here.
 */
@Component
public class TaskResourceLimits {

  private final TaskResourcesProperties properties;

  public TaskResourceLimits(TaskResourcesProperties properties) {
    this.properties = properties;
  }

  /** The platform limit per resource; a resource without a configured limit is absent. */
  public Map<ResourceName, Quantity> limits(String project, String domain) {
    Map<ResourceName, Quantity> limits = new EnumMap<>(ResourceName.class);
    TaskResourcesProperties.Set set = properties.limits();
    put(limits, ResourceName.CPU, set.cpu());
    put(limits, ResourceName.MEMORY, set.memory());
    put(limits, ResourceName.EPHEMERAL_STORAGE, set.ephemeralStorage());
    put(limits, ResourceName.GPU, set.gpu());
    return limits;
  }

  private static void put(Map<ResourceName, Quantity> limits, ResourceName name, String value) {
    if (value != null && !value.isBlank()) {
      limits.put(name, Quantity.parse(value));
    }
  }
}

package org.flyte.admin.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Flyte's {@code task_resources} section under {@code flyte.task_resources}: the resources a task
 * gets by default and the most it may request (flyteadmin/pkg/runtime/task_resource_provider.go,
 * v1.16.8). Values are Kubernetes quantities; a key left out keeps Flyte's default, an empty value
 * means "no limit".
 *
 * @param defaults what a task gets when it asks for nothing (cpu 2, memory 200Mi)
 * @param limits the most a task may request (cpu 2, memory 1Gi, gpu 1)
 */
@ConfigurationProperties(prefix = "flyte.task-resources")
public record TaskResourcesProperties(Set defaults, Set limits) {

  static final Set DEFAULTS = new Set("2", "200Mi", "", "");
  static final Set LIMITS = new Set("2", "1Gi", "", "1");

  public TaskResourcesProperties {
    defaults = DEFAULTS.overriddenBy(defaults);
    limits = LIMITS.overriddenBy(limits);
  }

  /**
   * One set of quantities.
   *
   * @param cpu CPU cores
   * @param memory memory
   * @param ephemeralStorage ephemeral storage
   * @param gpu GPUs
   */
  public record Set(String cpu, String memory, String ephemeralStorage, String gpu) {

    Set overriddenBy(Set other) {
      if (other == null) {
        return this;
      }
      return new Set(
          other.cpu != null ? other.cpu : cpu,
          other.memory != null ? other.memory : memory,
          other.ephemeralStorage != null ? other.ephemeralStorage : ephemeralStorage,
          other.gpu != null ? other.gpu : gpu);
    }
  }
}

package org.flyte.admin.clusterresource;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scalar keys of Flyte's {@code cluster_resources} section, under {@code
 * flyte.cluster_resources} (flyteadmin/pkg/runtime/interfaces/cluster_resource_configuration.go,
 * v1.16.8). Its map-valued keys {@code templateData} and {@code customData} keep the case of their
 * variable names and are read by {@link TemplateValues}.
 *
 * @param templatePath the directory of the {@code *.yaml} templates; Flyte's Helm chart mounts them
 *     at {@code /etc/flyte/clusterresource/templates}
 * @param refreshInterval the pause between two syncs of {@code clusterresource run}; default 1m
 *     (Flyte's default; its Helm chart sets 5m)
 * @param standaloneDeployment Flyte's switch to read projects through FlyteAdmin's API instead of
 *     the database; not supported: the sync reads the database, and {@code true} stops the start
 */
@ConfigurationProperties(prefix = "flyte.cluster-resources")
public record ClusterResourceProperties(
    @DefaultValue("") String templatePath,
    @DefaultValue("1m") Duration refreshInterval,
    @DefaultValue("false") boolean standaloneDeployment) {

  public ClusterResourceProperties {
    if (refreshInterval.isZero() || refreshInterval.isNegative()) {
      throw new IllegalArgumentException(
          "cluster_resources.refreshInterval must be positive; found " + refreshInterval);
    }
  }
}

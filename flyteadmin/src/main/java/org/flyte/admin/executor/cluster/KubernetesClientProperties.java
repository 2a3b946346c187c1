package org.flyte.admin.executor.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Kubernetes keys of Flyte's {@code server} section under {@code flyte.server}: how FlyteAdmin
 * reaches its own cluster when no {@code flyte.clusters.clusterConfigs} are configured, and the
 * client settings of every cluster. Follows {@code flyteadmin/pkg/config/config.go} (v1.16.8).
 *
 * @param kubeConfig a kubeconfig file ({@code kube-config}, {@code $HOME} expanded); default none
 * @param master the API server's URL, overriding the kubeconfig's; default none
 * @param kubeClientConfig client settings; timeout 30s by default
 */
@ConfigurationProperties(prefix = "flyte.server")
public record KubernetesClientProperties(
    @DefaultValue("") String kubeConfig,
    @DefaultValue("") String master,
    @DefaultValue ClustersProperties.KubeClientConfig kubeClientConfig) {

  /** The request timeout to use with {@code override} (a cluster's own settings) if any. */
  public Duration timeout(ClustersProperties.KubeClientConfig override) {
    if (override != null && override.timeout() != null && !override.timeout().isZero()) {
      return override.timeout();
    }
    Duration timeout = kubeClientConfig == null ? null : kubeClientConfig.timeout();
    return timeout == null || timeout.isZero() ? Duration.ofSeconds(30) : timeout;
  }
}

package org.flyte.admin.clusterresource;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The clusters the sync applies its templates to: Flyte's {@code clusters.clusterConfigs} under
 * {@code flyte.clusters} (flyteadmin/pkg/runtime/interfaces/cluster_configuration.go, v1.16.8). No
 * entry means the cluster FlyteAdmin runs in (or {@code server.kube-config} / {@code
 * server.master}); otherwise every enabled entry. Only the keys the sync needs are read here.
 *
 * @param clusterConfigs the execution clusters
 */
@ConfigurationProperties(prefix = "flyte.clusters")
public record ClustersProperties(@DefaultValue List<ClusterConfig> clusterConfigs) {

  /**
   * @param name the cluster's id
   * @param endpoint its API server URL
   * @param auth the files holding its credentials
   * @param enabled whether it is used (Flyte's default: false)
   * @param inCluster whether to use the pod's own service account instead of {@code auth}
   */
  public record ClusterConfig(
      String name, String endpoint, @DefaultValue Auth auth, boolean enabled, boolean inCluster) {}

  /**
   * @param type Flyte's samples say {@code file_path}; ignored, as in Flyte
   * @param tokenPath the file holding the bearer token
   * @param certPath the file holding the API server's CA certificate
   */
  public record Auth(String type, String tokenPath, String certPath) {}
}

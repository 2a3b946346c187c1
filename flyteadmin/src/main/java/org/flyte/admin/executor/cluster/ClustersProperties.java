package org.flyte.admin.executor.cluster;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Flyte's {@code clusters} section under {@code flyte.clusters}: the Kubernetes clusters executions
 * run in and how an execution picks one. Follows {@code
 * flyteadmin/pkg/runtime/interfaces/cluster_configuration.go} and {@code
 * cluster_config_provider.go} (v1.16.8). With no {@code clusterConfigs}, FlyteAdmin runs its
 * executions in its own cluster ({@code flyte.server.kube-config}, {@code flyte.server.master} or
 * the in-cluster service account).
 *
 * @param clusterConfigs the clusters; names must be unique
 * @param labelClusterMap execution cluster label → clusters with weights between 0 and 1
 * @param defaultExecutionLabel the label used when an execution selects none; default none
 */
@ConfigurationProperties(prefix = "flyte.clusters")
public record ClustersProperties(
    @DefaultValue List<ClusterConfig> clusterConfigs,
    @DefaultValue Map<String, List<ClusterEntity>> labelClusterMap,
    @DefaultValue("") String defaultExecutionLabel) {

  /**
   * One cluster.
   *
   * @param name its id, recorded on each execution it runs
   * @param endpoint the API server's URL
   * @param auth where the bearer token and the CA certificate are
   * @param enabled whether executions may be sent to it
   * @param kubeClientConfig client settings overriding {@code flyte.server.kubeClientConfig}
   * @param inCluster use FlyteAdmin's own service account instead of endpoint and auth
   */
  public record ClusterConfig(
      String name,
      @DefaultValue("") String endpoint,
      @DefaultValue Auth auth,
      boolean enabled,
      KubeClientConfig kubeClientConfig,
      boolean inCluster) {}

  /**
   * Credentials of a remote cluster.
   *
   * @param type {@code file_path} (the only kind, as in Flyte's charts) or empty
   * @param tokenPath file holding the bearer token
   * @param certPath file holding the API server's CA certificate (PEM)
   */
  public record Auth(
      @DefaultValue("") String type,
      @DefaultValue("") String tokenPath,
      @DefaultValue("") String certPath) {}

  /**
   * A cluster of a label.
   *
   * @param id the cluster's name
   * @param weight its share, between 0 and 1; 0 leaves it out unless all are 0
   */
  public record ClusterEntity(String id, float weight) {}

  /**
   * Kubernetes client settings ({@code KubeClientConfig} of {@code flyteadmin/pkg/config}).
   *
   * @param qps accepted, not applied: fabric8's client has no client-side rate limiter; default 100
   * @param burst accepted, not applied; default 25
   * @param timeout the longest a request to the API server may take, connecting included; default
   *     30s
   */
  public record KubeClientConfig(
      @DefaultValue("100") int qps,
      @DefaultValue("25") int burst,
      @DefaultValue("30s") Duration timeout) {}

  /**
   * Checks what Flyte checks at start-up, and a little more, with messages naming the key.
   *
   * @throws IllegalStateException when the configuration cannot work
   */
  public void validate() {
    Set<String> names = new HashSet<>();
    boolean anyEnabled = false;
    for (int i = 0; i < clusterConfigs.size(); i++) {
      ClusterConfig cluster = clusterConfigs.get(i);
      String key = "flyte.clusters.clusterConfigs[" + i + "]";
      if (cluster.name() == null || cluster.name().isEmpty()) {
        throw new IllegalStateException(key + ".name is required");
      }
      if (!names.add(cluster.name())) {
        throw new IllegalStateException("duplicate clusters for name " + cluster.name());
      }
      if (!cluster.inCluster() && cluster.endpoint().isEmpty()) {
        throw new IllegalStateException(key + ".endpoint is required unless inCluster is true");
      }
      String type = cluster.auth().type();
      if (!type.isEmpty() && !type.equals("file_path")) {
        throw new IllegalStateException(
            key + ".auth.type must be file_path (token and certificate files), not " + type);
      }
      anyEnabled |= cluster.enabled();
    }
    if (!clusterConfigs.isEmpty() && !anyEnabled) {
      throw new IllegalStateException(
          "no cluster of flyte.clusters.clusterConfigs is enabled: executions could go nowhere");
    }
    labelClusterMap.forEach(
        (label, entities) -> {
          for (ClusterEntity entity : entities) {
            if (entity.weight() < 0 || entity.weight() > 1) {
              throw new IllegalStateException(
                  "invalid weight "
                      + entity.weight()
                      + " of cluster "
                      + entity.id()
                      + " in flyte.clusters.labelClusterMap."
                      + label
                      + ": weights are between 0 and 1");
            }
          }
        });
  }
}

package org.flyte.admin.clusterresource;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import org.flyte.admin.executor.cluster.ClustersProperties;
import org.flyte.admin.executor.cluster.ClustersProperties.ClusterConfig;
import org.flyte.admin.executor.cluster.KubernetesClientProperties;
import org.flyte.admin.executor.cluster.KubernetesClients;

/**
 * The clusters the templates are applied to, each with its Kubernetes client: every enabled entry
 * of {@code clusters.clusterConfigs}, or, with none configured, the cluster FlyteAdmin runs in. The
 * clients are the executor's ({@link KubernetesClients}): the same credentials files and timeouts.
 * Follows {@code NewClusterResourceControllerFromConfig} of {@code
 * flyteadmin/pkg/clusterresource/controller.go} (v1.16.8).
 */
public final class ClusterTargets implements AutoCloseable {

  /** One cluster ({@code id} empty for FlyteAdmin's own). */
  public record Target(String id, KubernetesClient client) {}

  private final List<Target> targets;

  public ClusterTargets(List<Target> targets) {
    this.targets = List.copyOf(targets);
  }

  /** The clusters of the configuration (checked as the executor checks it). */
  static ClusterTargets from(ClustersProperties clusters, KubernetesClientProperties server) {
    List<Target> targets = new ArrayList<>();
    if (clusters.clusterConfigs().isEmpty()) {
      targets.add(new Target("", KubernetesClients.forOwnCluster(server)));
      return new ClusterTargets(targets);
    }
    clusters.validate();
    for (ClusterConfig cluster : clusters.clusterConfigs()) {
      if (cluster.enabled()) {
        targets.add(new Target(cluster.name(), KubernetesClients.forCluster(cluster, server)));
      }
    }
    return new ClusterTargets(targets);
  }

  public List<Target> targets() {
    return targets;
  }

  @Override
  public void close() {
    targets.forEach(t -> t.client().close());
  }
}

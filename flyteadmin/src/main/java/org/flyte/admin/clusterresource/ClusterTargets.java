package org.flyte.admin.clusterresource;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flyte.admin.clusterresource.ClustersProperties.ClusterConfig;

/**
 * The clusters the templates are applied to, each with its Kubernetes client: the enabled entries
 * of {@code clusters.clusterConfigs} (bearer token and CA files, or the pod's own service account
 * with {@code inCluster}), or, with none configured, the cluster FlyteAdmin runs in. Follows {@code
 * NewClusterResourceControllerFromConfig} of {@code flyteadmin/pkg/clusterresource/controller.go}
 * and {@code pkg/executioncluster/impl} (v1.16.8). Duplicate names stop the start, as in Flyte.
 */
public final class ClusterTargets implements AutoCloseable {

  /** One cluster. */
  public record Target(String id, KubernetesClient client) {}

  private final List<Target> targets;

  public ClusterTargets(List<Target> targets) {
    this.targets = List.copyOf(targets);
  }

  /** The clusters of the configuration. */
  static ClusterTargets from(ClustersProperties clusters, KubernetesAccessProperties access) {
    List<Target> targets = new ArrayList<>();
    if (clusters.clusterConfigs().isEmpty()) {
      ConfigBuilder config =
          isSet(access.kubeConfig())
              ? new ConfigBuilder(Config.fromKubeconfig(read(access.kubeConfig())))
              : new ConfigBuilder(Config.autoConfigure(null));
      if (isSet(access.master())) {
        config.withMasterUrl(access.master());
      }
      targets.add(new Target("", client(config.build())));
      return new ClusterTargets(targets);
    }
    Set<String> names = new HashSet<>();
    for (ClusterConfig cluster : clusters.clusterConfigs()) {
      if (!names.add(cluster.name())) {
        throw new IllegalArgumentException(
            "clusters.clusterConfigs: duplicate cluster name '" + cluster.name() + "'");
      }
      if (!cluster.enabled()) {
        continue;
      }
      Config config;
      if (cluster.inCluster()) {
        config = Config.autoConfigure(null);
      } else {
        if (!isSet(cluster.endpoint())) {
          throw new IllegalArgumentException(
              "clusters.clusterConfigs: cluster '" + cluster.name() + "' has no endpoint");
        }
        ConfigBuilder builder = new ConfigBuilder().withMasterUrl(cluster.endpoint());
        if (isSet(cluster.auth().tokenPath())) {
          builder.withOauthToken(read(cluster.auth().tokenPath()).trim());
        }
        if (isSet(cluster.auth().certPath())) {
          builder.withCaCertFile(cluster.auth().certPath());
        }
        config = builder.build();
      }
      targets.add(new Target(cluster.name(), client(config)));
    }
    return new ClusterTargets(targets);
  }

  public List<Target> targets() {
    return targets;
  }

  private static KubernetesClient client(Config config) {
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  private static boolean isSet(String text) {
    return text != null && !text.isBlank();
  }

  @Override
  public void close() {
    targets.forEach(t -> t.client().close());
  }
}

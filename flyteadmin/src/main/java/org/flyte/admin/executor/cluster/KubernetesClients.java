package org.flyte.admin.executor.cluster;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.flyte.admin.executor.cluster.ClustersProperties.ClusterConfig;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Kubernetes clients of the execution clusters, as {@code flyteadmin/pkg/flytek8s/client.go}
 * (v1.16.8) makes them: a remote cluster from its endpoint, token file and CA file (read once, at
 * start-up), FlyteAdmin's own cluster from {@code kube-config} / {@code master} or the in-cluster
 * service account. The clients of the execution clusters are built on first use ({@link
 * LazyClient}), their credentials read at start-up. Every request is bounded by the configured
 * timeout and never retried, so an unreachable cluster fails the request instead of holding it.
 */
public final class KubernetesClients {

  private KubernetesClients() {}

  /** The client of a configured cluster. */
  public static KubernetesClient forCluster(
      ClusterConfig cluster, KubernetesClientProperties server) {
    return lazyForCluster(cluster, server).get();
  }

  /**
   * The client of a configured cluster, built on first use; its credentials are read now.
   *
   * @throws IllegalStateException when a token or CA file cannot be read
   */
  public static LazyClient lazyForCluster(
      ClusterConfig cluster, KubernetesClientProperties server) {
    Duration timeout = server.timeout(cluster.kubeClientConfig());
    if (cluster.inCluster()) {
      return new LazyClient(() -> build(Config.autoConfigure(null), timeout));
    }
    String key = "flyte.clusters.clusterConfigs[" + cluster.name() + "].auth";
    String token =
        cluster.auth().tokenPath().isEmpty()
            ? ""
            : read(cluster.auth().tokenPath(), key + ".tokenPath").strip();
    if (!cluster.auth().certPath().isEmpty()) {
      read(cluster.auth().certPath(), key + ".certPath");
    }
    return new LazyClient(
        () -> {
          ConfigBuilder config =
              new ConfigBuilder(Config.empty()).withMasterUrl(cluster.endpoint());
          if (!token.isEmpty()) {
            config.withOauthToken(token);
          }
          if (!cluster.auth().certPath().isEmpty()) {
            config.withCaCertFile(cluster.auth().certPath());
          }
          return build(config.build(), timeout);
        });
  }

  /** The client of FlyteAdmin's own cluster (in-cluster mode). */
  public static KubernetesClient forOwnCluster(KubernetesClientProperties server) {
    return lazyForOwnCluster(server).get();
  }

  /**
   * The client of FlyteAdmin's own cluster, built on first use. Its {@code kube-config} is read and
   * checked to be a YAML mapping now (as Flyte's admin fails its start on a file it cannot load);
   * fabric8 reads its contexts and credentials with the client, off the start path.
   *
   * @throws IllegalStateException when the {@code kube-config} file cannot be read or parsed
   */
  public static LazyClient lazyForOwnCluster(KubernetesClientProperties server) {
    String path = server.kubeConfig().replace("$HOME", System.getProperty("user.home"));
    String kubeconfig = server.kubeConfig().isEmpty() ? null : readKubeConfig(path);
    return new LazyClient(
        () -> {
          Config config =
              kubeconfig != null ? fromKubeConfig(kubeconfig, path) : Config.autoConfigure(null);
          if (!server.master().isEmpty()) {
            config.setMasterUrl(server.master());
          }
          return build(config, server.timeout(null));
        });
  }

  /** A client of {@code config} that gives up after {@code timeout} and never retries. */
  public static KubernetesClient build(Config config, Duration timeout) {
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    config.setConnectionTimeout(millis);
    config.setRequestTimeout(millis);
    config.setRequestRetryBackoffLimit(0);
    return new KubernetesClientBuilder()
        .withConfig(config)
        .withHttpClientFactory(new JdkHttpClientFactory())
        .build();
  }

  /** The kube-config's text, once it is known to be a YAML mapping. */
  private static String readKubeConfig(String path) {
    String kubeconfig = read(path, "flyte.server.kube-config");
    Object document;
    try {
      document = new Yaml(new SafeConstructor(new LoaderOptions())).load(kubeconfig);
    } catch (RuntimeException e) {
      throw unparsable(path, e);
    }
    if (!(document instanceof Map)) {
      throw new IllegalStateException(
          "cannot parse flyte.server.kube-config " + path + ": not a YAML mapping");
    }
    return kubeconfig;
  }

  /**
   * What {@code Config.fromKubeconfig(String)} of fabric8 8.0 returns, without loading its
   * Kubernetes model: fabric8 binds the kube-config through its global serialization, whose
   * polymorphic deserializer registers every model class of every API group (about 600 classes, ~45
   * MiB of FlyteAdmin's resident memory with the class archive; ADR 0044). Here fabric8 still reads
   * the YAML (the same scalars), a plain Jackson mapper binds its {@code Config} model, and
   * fabric8's own {@code KubeConfigUtils.merge} turns that into the client's configuration, as
   * {@code fromKubeconfig} does. {@code KubernetesClientsTest} compares the two.
   */
  static Config fromKubeConfig(String kubeconfig, String path) {
    try {
      Map<?, ?> document = Serialization.unmarshal(kubeconfig, Map.class);
      // built here, when the client is, rather than with this class at start-up
      ObjectMapper mapper =
          new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
      io.fabric8.kubernetes.api.model.Config model =
          mapper.convertValue(document, io.fabric8.kubernetes.api.model.Config.class);
      Config config = Config.empty();
      KubeConfigUtils.merge(config, null, model);
      return config;
    } catch (RuntimeException e) {
      throw unparsable(path, e);
    }
  }

  private static IllegalStateException unparsable(String path, RuntimeException e) {
    return new IllegalStateException(
        "cannot parse flyte.server.kube-config " + path + ": " + e.getMessage(), e);
  }

  private static String read(String path, String key) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + key + " " + path + ": " + e, e);
    }
  }
}

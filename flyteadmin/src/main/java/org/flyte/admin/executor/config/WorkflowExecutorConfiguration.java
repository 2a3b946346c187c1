package org.flyte.admin.executor.config;

import flyteidl.admin.MatchableResourceOuterClass.MatchableResource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.flyte.admin.executor.NamespaceMappingProperties;
import org.flyte.admin.executor.WorkflowExecutor;
import org.flyte.admin.executor.cluster.ClusterLabelLookup;
import org.flyte.admin.executor.cluster.ClustersProperties;
import org.flyte.admin.executor.cluster.ClustersProperties.ClusterConfig;
import org.flyte.admin.executor.cluster.ExecutionClusters;
import org.flyte.admin.executor.cluster.ExecutionTarget;
import org.flyte.admin.executor.cluster.InClusterTarget;
import org.flyte.admin.executor.cluster.KubernetesClientProperties;
import org.flyte.admin.executor.cluster.KubernetesClients;
import org.flyte.admin.executor.cluster.LazyClient;
import org.flyte.admin.executor.cluster.WeightedClusterSelection;
import org.flyte.admin.executor.k8s.KubernetesWorkflowExecutor;
import org.flyte.admin.executor.resource.CustomResourceProperties;
import org.flyte.admin.executor.resource.FlyteWorkflowFactory;
import org.flyte.admin.service.resource.ResourceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Which {@link WorkflowExecutor} FlyteAdmin has: the Kubernetes executor when Kubernetes is
 * configured ({@link KubernetesConfigured}), otherwise none, and then CreateExecution answers
 * {@code FAILED_PRECONDITION} ({@link org.flyte.admin.executor.ExecutorNotConfigured}). Another
 * module (the sandbox's local runner) plugs in by declaring its own {@code WorkflowExecutor} bean:
 * without Kubernetes configured it is the only one; with both, it must be {@code @Primary} to win.
 * Callers take the executor through {@code ObjectProvider<WorkflowExecutor>#getIfAvailable}.
 *
 * <p>The custom resource factory is always there (the sandbox's runner uses it too).
 *
 * <p>The Kubernetes clients are not built on the start path (ADR 0034): their credentials are read
 * at start-up (an unreadable file still fails it), the clients themselves are built on a background
 * thread once the application is ready, or by the first execution if it comes first.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  ClustersProperties.class,
  KubernetesClientProperties.class,
  CustomResourceProperties.class,
  NamespaceMappingProperties.class
})
public class WorkflowExecutorConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(WorkflowExecutorConfiguration.class);

  @Bean
  FlyteWorkflowFactory flyteWorkflowFactory(CustomResourceProperties properties) {
    return new FlyteWorkflowFactory(properties);
  }

  /** The {@code EXECUTION_CLUSTER_LABEL} attributes, from the matchable attributes. */
  @Bean
  ClusterLabelLookup clusterLabelLookup(ObjectProvider<ResourceService> resources) {
    return (project, domain, workflow, launchPlan) -> {
      ResourceService service = resources.getIfAvailable();
      if (service == null) {
        return Optional.empty();
      }
      return service
          .resolve(project, domain, workflow, launchPlan, MatchableResource.EXECUTION_CLUSTER_LABEL)
          .filter(c -> c.getAttributes().hasExecutionClusterLabel())
          .map(c -> c.getAttributes().getExecutionClusterLabel().getValue());
    };
  }

  /**
   * The clusters: in-cluster mode without {@code flyte.clusters.clusterConfigs}, else every
   * configured cluster with the weighted selection. Start-up fails on a configuration that cannot
   * work (duplicate names, weights outside [0, 1], no enabled cluster, unreadable credentials); the
   * clients are built later ({@link LazyClient}).
   */
  @Bean(destroyMethod = "close")
  @Conditional(KubernetesConfigured.class)
  ExecutionClusters executionClusters(
      ClustersProperties clusters, KubernetesClientProperties server, ClusterLabelLookup labels) {
    clusters.validate();
    if (clusters.clusterConfigs().isEmpty()) {
      return new InClusterTarget(
          new ExecutionTarget("", KubernetesClients.lazyForOwnCluster(server), true));
    }
    Map<String, ExecutionTarget> targets = new LinkedHashMap<>();
    for (ClusterConfig cluster : clusters.clusterConfigs()) {
      targets.put(
          cluster.name(),
          new ExecutionTarget(
              cluster.name(),
              KubernetesClients.lazyForCluster(cluster, server),
              cluster.enabled()));
    }
    return new WeightedClusterSelection(
        targets, clusters.labelClusterMap(), clusters.defaultExecutionLabel(), labels);
  }

  @Bean
  @Conditional(KubernetesConfigured.class)
  WorkflowExecutor kubernetesWorkflowExecutor(
      FlyteWorkflowFactory resources, ExecutionClusters clusters) {
    return new KubernetesWorkflowExecutor(resources, clusters);
  }

  /** Builds the clusters' clients off the start path, once every listener serves. */
  @Bean
  @Conditional(KubernetesConfigured.class)
  ClientWarmUp kubernetesClientWarmUp(ExecutionClusters clusters) {
    return new ClientWarmUp(clusters);
  }

  /** Builds every cluster's client on a daemon thread when the application is ready. */
  static final class ClientWarmUp {

    private final ExecutionClusters clusters;

    ClientWarmUp(ExecutionClusters clusters) {
      this.clusters = clusters;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
      Thread thread = new Thread(this::build, "kubernetes-clients");
      thread.setDaemon(true);
      thread.start();
    }

    private void build() {
      clusters
          .targets()
          .values()
          .forEach(
              target -> {
                try {
                  target.client();
                } catch (RuntimeException e) {
                  LOG.error("cannot build the Kubernetes client of cluster '{}'", target.id(), e);
                }
              });
    }
  }
}

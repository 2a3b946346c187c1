package org.flyte.admin.clusterresource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flyte.admin.executor.NamespaceMappingProperties;
import org.flyte.admin.executor.cluster.ClustersProperties;
import org.flyte.admin.executor.cluster.KubernetesClientProperties;
import org.flyte.admin.service.project.ProjectService;
import org.flyte.admin.service.resource.ResourceService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The cluster resource sync's beans, present only when FlyteAdmin runs one of the {@code
 * clusterresource} commands ({@value #COMMAND} set by {@link ClusterResourceCommand}): the API
 * server never talks to Kubernetes for it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(ClusterResourceConfiguration.COMMAND)
@EnableConfigurationProperties({
  ClusterResourceProperties.class,
  ClustersProperties.class,
  KubernetesClientProperties.class,
  NamespaceMappingProperties.class
})
public class ClusterResourceConfiguration {

  /** Ours: which {@code clusterresource} command runs ({@code sync} or {@code run}). */
  public static final String COMMAND = "flyte.clusterresource.command";

  @Bean(destroyMethod = "close")
  ClusterTargets clusterTargets(ClustersProperties clusters, KubernetesClientProperties server) {
    return ClusterTargets.from(clusters, server);
  }

  @Bean
  ClusterResourceSyncService clusterResourceSyncService(
      ProjectService projects,
      ResourceService resources,
      ClusterResourceProperties properties,
      NamespaceMappingProperties namespaces,
      ClusterTargets targets,
      ConfigurableEnvironment environment,
      ObjectProvider<MeterRegistry> meters) {
    if (properties.standaloneDeployment()) {
      throw new IllegalStateException(
          "cluster_resources.standaloneDeployment: true (reading projects through FlyteAdmin's"
              + " API) is not supported: the sync reads FlyteAdmin's database; give it db.yaml and"
              + " set standaloneDeployment: false");
    }
    if (properties.templatePath().isBlank()) {
      throw new IllegalStateException(
          "cluster_resources.templatePath is not set: the directory of the templates to apply");
    }
    return new ClusterResourceSyncService(
        ClusterResourceSyncService.activeProjects(projects),
        resources,
        properties,
        namespaces,
        targets,
        environment,
        System::getenv,
        meters.getIfAvailable(SimpleMeterRegistry::new));
  }

  @Bean
  @ConditionalOnProperty(name = COMMAND, havingValue = "run")
  ClusterResourceLoop clusterResourceLoop(
      ClusterResourceSyncService sync, ClusterResourceProperties properties) {
    return new ClusterResourceLoop(sync, properties);
  }
}

package org.flyte.admin.executor.config;

import org.flyte.admin.executor.cluster.ClustersProperties;
import org.flyte.admin.executor.cluster.KubernetesClientProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether FlyteAdmin runs executions on Kubernetes: clusters are configured ({@code
 * flyte.clusters.clusterConfigs}), or its own cluster is ({@code flyte.server.kube-config} or
 * {@code flyte.server.master}), or it runs inside Kubernetes ({@code KUBERNETES_SERVICE_HOST} is
 * set, as in every pod).
 */
class KubernetesConfigured implements Condition {

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    Binder binder = Binder.get(context.getEnvironment());
    ClustersProperties clusters = binder.bindOrCreate("flyte.clusters", ClustersProperties.class);
    KubernetesClientProperties server =
        binder.bindOrCreate("flyte.server", KubernetesClientProperties.class);
    String serviceHost = context.getEnvironment().getProperty("KUBERNETES_SERVICE_HOST", "");
    return !clusters.clusterConfigs().isEmpty()
        || !server.kubeConfig().isEmpty()
        || !server.master().isEmpty()
        || !serviceHost.isEmpty();
  }
}

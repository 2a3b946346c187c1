package org.flyte.sandbox.executor;

import org.flyte.admin.executor.WorkflowExecutor;
import org.flyte.admin.executor.cluster.ClustersProperties;
import org.flyte.admin.executor.cluster.KubernetesClientProperties;
import org.flyte.admin.executor.resource.FlyteWorkflowFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Added to FlyteAdmin's context by the sandbox: FlyteAdmin's {@link WorkflowExecutor} is the {@link
 * SandboxWorkflowExecutor} (primary, so that it wins over any other) when {@code
 * flyte.sandbox.executor} is {@code local}, or {@code auto} (the default) and no Kubernetes cluster
 * is configured; otherwise there is none from here and FlyteAdmin's own configuration decides. A
 * sandbox running inside a pod stays on its runner: only explicit cluster settings count.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SandboxExecutorProperties.class)
public class SandboxExecutorConfiguration {

  @Bean
  @Primary
  @Conditional(LocalRunnerSelected.class)
  SandboxWorkflowExecutor sandboxWorkflowExecutor(FlyteWorkflowFactory resources) {
    return new SandboxWorkflowExecutor(resources);
  }

  /** {@code flyte.sandbox.executor} selects the local runner. */
  static final class LocalRunnerSelected implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      Binder binder = Binder.get(context.getEnvironment());
      SandboxExecutorProperties properties =
          binder.bindOrCreate("flyte.sandbox", SandboxExecutorProperties.class);
      ClustersProperties clusters = binder.bindOrCreate("flyte.clusters", ClustersProperties.class);
      KubernetesClientProperties server =
          binder.bindOrCreate("flyte.server", KubernetesClientProperties.class);
      boolean kubernetes =
          !clusters.clusterConfigs().isEmpty()
              || !server.kubeConfig().isEmpty()
              || !server.master().isEmpty();
      return properties.local(kubernetes);
    }
  }
}

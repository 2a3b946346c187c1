package org.flyte.sandbox.executor;

import org.flyte.admin.executor.WorkflowExecutor;
import org.flyte.admin.executor.resource.FlyteWorkflowFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Added to FlyteAdmin's context by the sandbox: with {@code flyte.sandbox.executor=local} (the
 * default) FlyteAdmin's {@link WorkflowExecutor} is the {@link SandboxWorkflowExecutor}, primary so
 * that it wins even when Kubernetes is configured too; with {@code kubernetes} there is none from
 * here and FlyteAdmin's own configuration decides.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SandboxExecutorProperties.class)
public class SandboxExecutorConfiguration {

  @Bean
  @Primary
  @ConditionalOnProperty(
      prefix = "flyte.sandbox",
      name = "executor",
      havingValue = SandboxExecutorProperties.LOCAL,
      matchIfMissing = true)
  SandboxWorkflowExecutor sandboxWorkflowExecutor(FlyteWorkflowFactory resources) {
    return new SandboxWorkflowExecutor(resources);
  }
}

package org.flyte.sandbox.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import org.flyte.admin.executor.AbortData;
import org.flyte.admin.executor.WorkflowExecutor;
import org.flyte.admin.executor.resource.FlyteWorkflowFactory;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which executor the sandbox gives FlyteAdmin, by {@code flyte.sandbox.executor}. */
class SandboxExecutorConfigurationTest {

  private final ApplicationContextRunner contexts =
      new ApplicationContextRunner()
          .withBean(FlyteWorkflowFactory.class, () -> new FlyteWorkflowFactory(null))
          .withUserConfiguration(SandboxExecutorConfiguration.class);

  @Test
  void theLocalRunnerIsTheDefaultAndWinsOverAnotherExecutor() {
    contexts
        .withBean("kubernetes", WorkflowExecutor.class, () -> null)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBeanProvider(WorkflowExecutor.class).getIfUnique())
                  .isInstanceOf(SandboxWorkflowExecutor.class);
              assertThat(context.getBean(SandboxExecutorProperties.class).runner().python())
                  .isNull();
            });
  }

  @Test
  void kubernetesLeavesExecutionsToFlyteAdminsOwnConfiguration() {
    contexts
        .withPropertyValues(
            "flyte.sandbox.executor=kubernetes",
            "flyte.sandbox.runner.python=/opt/venv",
            "flyte.sandbox.runner.max-parallel-tasks=3")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(SandboxWorkflowExecutor.class);
              SandboxExecutorProperties properties =
                  context.getBean(SandboxExecutorProperties.class);
              assertThat(properties.local(false)).isFalse();
              assertThat(properties.runner().maxParallelTasks()).isEqualTo(3);
              assertThat(properties.runner().python()).hasToString("/opt/venv");
            });
  }

  @Test
  void byDefaultAConfiguredClusterWinsUnlessTheLocalRunnerIsAskedFor() {
    String[] cluster = {
      "flyte.clusters.clusterConfigs[0].name=e2e-cluster",
      "flyte.clusters.clusterConfigs[0].endpoint=http://127.0.0.1:1",
      "flyte.clusters.clusterConfigs[0].enabled=true"
    };
    contexts
        .withPropertyValues(cluster)
        .run(context -> assertThat(context).doesNotHaveBean(SandboxWorkflowExecutor.class));
    contexts
        .withPropertyValues("flyte.server.master=https://127.0.0.1:6443")
        .run(context -> assertThat(context).doesNotHaveBean(SandboxWorkflowExecutor.class));
    contexts
        .withPropertyValues(cluster)
        .withPropertyValues("flyte.sandbox.executor=local")
        .run(context -> assertThat(context).hasSingleBean(SandboxWorkflowExecutor.class));
  }

  @Test
  void anUnknownExecutorStopsTheStartWithTheChoices() {
    contexts
        .withPropertyValues("flyte.sandbox.executor=propeller")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("must be 'auto'")
                    .hasMessageContaining("'propeller'"));
  }

  @Test
  void withoutARunnerExecutionsAreUnavailableNotLost() {
    SandboxWorkflowExecutor executor = new SandboxWorkflowExecutor(new FlyteWorkflowFactory(null));
    FlyteException refused =
        catchThrowableOfType(
            FlyteException.class,
            () ->
                executor.abort(
                    new AbortData(
                        "ns", WorkflowExecutionIdentifier.newBuilder().setName("a").build(), "")));
    assertThat(refused.code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(refused.getMessage()).contains("runner is not running");
    assertThat(executor.detach()).isNull();
  }
}

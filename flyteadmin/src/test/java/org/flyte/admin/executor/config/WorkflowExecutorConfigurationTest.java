package org.flyte.admin.executor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flyte.admin.executor.AbortData;
import org.flyte.admin.executor.ExecutionData;
import org.flyte.admin.executor.ExecutionFixtures;
import org.flyte.admin.executor.ExecutionResponse;
import org.flyte.admin.executor.MockCluster;
import org.flyte.admin.executor.NamespaceMappingProperties;
import org.flyte.admin.executor.WorkflowExecutor;
import org.flyte.admin.executor.cluster.ExecutionClusters;
import org.flyte.admin.executor.cluster.InClusterTarget;
import org.flyte.admin.executor.cluster.WeightedClusterSelection;
import org.flyte.admin.executor.k8s.KubernetesWorkflowExecutor;
import org.flyte.admin.executor.resource.CustomResourceProperties;
import org.flyte.admin.executor.resource.FlyteWorkflowFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Which executor FlyteAdmin gets from its configuration, with Flyte's key names. */
class WorkflowExecutorConfigurationTest {

  private static MockCluster cluster;

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(WorkflowExecutorConfiguration.class)
          // whatever machine runs the tests, it is not "inside Kubernetes" here
          .withPropertyValues("KUBERNETES_SERVICE_HOST=");

  @BeforeAll
  static void start() {
    cluster = new MockCluster();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void withoutKubernetesThereIsNoExecutorButTheFactoryAndNamespaces() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean(WorkflowExecutor.class);
          assertThat(context).doesNotHaveBean(ExecutionClusters.class);
          assertThat(context).hasSingleBean(FlyteWorkflowFactory.class);
          assertThat(context.getBean(NamespaceMappingProperties.class).namespace("p", "d"))
              .isEqualTo("p-d");
        });
  }

  @Test
  void flytesSectionNamesBind() {
    runner
        .withPropertyValues(
            "flyte.namespace_mapping.template={{ domain }}-{{ project }}",
            "flyte.flyteadmin.useOffloadedWorkflowClosure=true",
            "flyte.flyteadmin.consoleUrl=https://console.example.com")
        .run(
            context -> {
              assertThat(context.getBean(NamespaceMappingProperties.class).namespace("p", "d"))
                  .isEqualTo("d-p");
              CustomResourceProperties resources = context.getBean(CustomResourceProperties.class);
              assertThat(resources.useOffloadedWorkflowClosure()).isTrue();
              assertThat(resources.useOffloadedInputs()).isFalse();
              assertThat(resources.consoleUrl()).isEqualTo("https://console.example.com");
            });
  }

  @Test
  void clusterConfigsSelectTheKubernetesExecutorWithTheWeightedSelection() {
    runner
        .withPropertyValues(
            "flyte.clusters.clusterConfigs[0].name=east",
            "flyte.clusters.clusterConfigs[0].endpoint=" + cluster.url(),
            "flyte.clusters.clusterConfigs[0].enabled=true",
            "flyte.clusters.clusterConfigs[0].kubeClientConfig.timeout=5s",
            "flyte.clusters.clusterConfigs[1].name=off",
            "flyte.clusters.clusterConfigs[1].endpoint=https://127.0.0.1:1",
            "flyte.clusters.labelClusterMap.gpu[0].id=east",
            "flyte.clusters.labelClusterMap.gpu[0].weight=1",
            "flyte.clusters.defaultExecutionLabel=gpu")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(WorkflowExecutor.class))
                  .isInstanceOf(KubernetesWorkflowExecutor.class);
              assertThat(context.getBean(ExecutionClusters.class))
                  .isInstanceOf(WeightedClusterSelection.class);
              ExecutionData data =
                  ExecutionFixtures.data("spring1", ExecutionFixtures.plainParameters(null));
              ExecutionResponse response = context.getBean(WorkflowExecutor.class).execute(data);
              assertThat(response.cluster()).isEqualTo("east");
              assertThat(cluster.flyteWorkflow(data.namespace(), "spring1")).isNotNull();
              context
                  .getBean(WorkflowExecutor.class)
                  .abort(new AbortData(data.namespace(), data.executionId(), "east"));
            });
  }

  @Test
  void theServersMasterSelectsInClusterMode() {
    runner
        .withPropertyValues("flyte.server.master=" + cluster.url())
        .run(
            context -> {
              assertThat(context.getBean(ExecutionClusters.class))
                  .isInstanceOf(InClusterTarget.class);
              ExecutionData data =
                  ExecutionFixtures.data("spring2", ExecutionFixtures.plainParameters(null));
              assertThat(context.getBean(WorkflowExecutor.class).execute(data).cluster()).isEmpty();
              assertThat(cluster.flyteWorkflow(data.namespace(), "spring2")).isNotNull();
            });
  }

  @Test
  void aConfigurationThatCannotWorkFailsStartUp() {
    runner
        .withPropertyValues(
            "flyte.clusters.clusterConfigs[0].name=a",
            "flyte.clusters.clusterConfigs[0].endpoint=" + cluster.url(),
            "flyte.clusters.clusterConfigs[0].enabled=true",
            "flyte.clusters.clusterConfigs[0].auth.tokenPath=/no/such/token")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining(
                        "cannot read flyte.clusters.clusterConfigs[a].auth.tokenPath /no/such/token"));
  }

  @Test
  void anUnreadableKubeConfigFailsStartUp() {
    runner
        .withPropertyValues("flyte.server.kube-config=/no/such/kubeconfig")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining(
                        "cannot read flyte.server.kube-config /no/such/kubeconfig"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"clusters: [not: a: kubeconfig | ", "- just a list | : not a YAML mapping"})
  void aMalformedKubeConfigFailsStartUp(String content, String reason, @TempDir Path dir)
      throws Exception {
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(kubeconfig, content);
    runner
        .withPropertyValues("flyte.server.kube-config=" + kubeconfig)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining(
                        "cannot parse flyte.server.kube-config "
                            + kubeconfig
                            + (reason == null ? "" : reason)));
  }

  @Test
  void aKubeConfigFileSelectsInClusterModeWithItsServer(@TempDir Path dir) throws Exception {
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - cluster: {server: "%s"}
          name: mock
        contexts:
        - context: {cluster: mock, user: mock}
          name: mock
        current-context: mock
        users:
        - name: mock
          user: {token: t}
        """
            .formatted(cluster.url()));
    runner
        .withPropertyValues("flyte.server.kube-config=" + kubeconfig)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              ExecutionData data =
                  ExecutionFixtures.data("spring3", ExecutionFixtures.plainParameters(null));
              assertThat(context.getBean(WorkflowExecutor.class).execute(data).cluster()).isEmpty();
              assertThat(cluster.flyteWorkflow(data.namespace(), "spring3")).isNotNull();
            });
  }

  @Test
  void anotherModulesPrimaryExecutorWins() {
    runner
        .withUserConfiguration(LocalRunner.class)
        .withPropertyValues("flyte.server.master=" + cluster.url())
        .run(
            context -> assertThat(context.getBean(WorkflowExecutor.class).id()).isEqualTo("local"));
  }

  @Configuration(proxyBeanMethods = false)
  static class LocalRunner {
    @Bean
    @Primary
    WorkflowExecutor localExecutor() {
      return new WorkflowExecutor() {
        @Override
        public ExecutionResponse execute(ExecutionData data) {
          return new ExecutionResponse("local");
        }

        @Override
        public void abort(AbortData data) {}

        @Override
        public String id() {
          return "local";
        }
      };
    }
  }
}

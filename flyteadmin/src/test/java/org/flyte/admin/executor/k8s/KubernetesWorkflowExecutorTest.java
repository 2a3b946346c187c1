package org.flyte.admin.executor.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.flyte.admin.executor.AbortData;
import org.flyte.admin.executor.ExecutionData;
import org.flyte.admin.executor.ExecutionFixtures;
import org.flyte.admin.executor.ExecutionResponse;
import org.flyte.admin.executor.MockCluster;
import org.flyte.admin.executor.cluster.ExecutionTarget;
import org.flyte.admin.executor.cluster.InClusterTarget;
import org.flyte.admin.executor.cluster.KubernetesClients;
import org.flyte.admin.executor.resource.CustomResourceProperties;
import org.flyte.admin.executor.resource.FlyteWorkflowFactory;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.compiler.k8s.json.FlyteWorkflowJson;
import org.flyte.compiler.k8s.model.FlyteWorkflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Kubernetes executor against a Kubernetes API (fabric8's mock server in CRUD mode). */
class KubernetesWorkflowExecutorTest {

  private static final String NAMESPACE = "flytesnacks-development";
  private static final FlyteWorkflowFactory FACTORY =
      new FlyteWorkflowFactory(new CustomResourceProperties(false, false, ""));

  private MockCluster cluster;
  private KubernetesWorkflowExecutor executor;

  @BeforeEach
  void start() {
    cluster = new MockCluster();
    executor =
        new KubernetesWorkflowExecutor(
            FACTORY, new InClusterTarget(new ExecutionTarget("", cluster.client(), true)));
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void createsTheCustomResourceInTheNamespaceWithFlytesMetadata() {
    ExecutionData data = ExecutionFixtures.data("abc", ExecutionFixtures.fullParameters());
    ExecutionResponse response = executor.execute(data);

    assertThat(response.cluster()).isEmpty();
    GenericKubernetesResource stored = cluster.flyteWorkflow(NAMESPACE, "abc");
    assertThat(stored).isNotNull();
    assertThat(stored.getApiVersion()).isEqualTo("flyte.lyft.com/v1alpha1");
    assertThat(stored.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
    assertThat(stored.getMetadata().getLabels())
        .containsEntry("execution-id", "abc")
        .containsEntry("domain", "development")
        .containsEntry("workflow-name", "wf-my-wf")
        .containsKey("shard-key")
        .containsEntry("team", "ml");
    assertThat(stored.getMetadata().getAnnotations())
        .containsEntry("eks.amazonaws.com/role-arn", "arn:aws:iam::1:role/flyte");
    assertThat(stored.getMetadata().getFinalizers()).containsExactly("flyte.org/finalizer");

    // what the API server holds reads back as exactly the resource FlyteAdmin built
    FlyteWorkflow read = FlyteWorkflowJson.read(Serialization.asJson(stored));
    FlyteWorkflow expected = FACTORY.create(data);
    assertThat(FlyteWorkflowJson.toJson(read.toBuilder().metadata(expected.metadata()).build()))
        .isEqualTo(FlyteWorkflowJson.toJson(expected));
    assertThat(read.toBuilder().metadata(expected.metadata()).build()).isEqualTo(expected);
  }

  @Test
  void anExistingResourceIsNotAnError() {
    ExecutionData data = ExecutionFixtures.data("again", ExecutionFixtures.plainParameters(null));
    executor.execute(data);
    assertThat(executor.execute(data).cluster()).isEmpty();
    assertThat(cluster.count(NAMESPACE)).isEqualTo(1);
  }

  @Test
  void abortDeletesTheResourceAndAGoneOneIsNotAnError() {
    ExecutionData data = ExecutionFixtures.data("stopme", ExecutionFixtures.plainParameters(null));
    executor.execute(data);
    AbortData abort = new AbortData(NAMESPACE, data.executionId(), "");
    executor.abort(abort);
    // marked for deletion; FlytePropeller removes its finalizer once it has stopped the execution
    assertThat(cluster.flyteWorkflow(NAMESPACE, "stopme").getMetadata().getDeletionTimestamp())
        .isNotNull();
    executor.abort(abort);
    executor.abort(new AbortData(NAMESPACE, ExecutionFixtures.executionId("never-created"), ""));
    assertThat(cluster.flyteWorkflow(NAMESPACE, "never-created")).isNull();
  }

  @Test
  void inClusterModeRefusesClusterLabelsAndOtherTargetsAsFlyteDoes() {
    ExecutionData data = ExecutionFixtures.data("gpu1", ExecutionFixtures.plainParameters("gpu"));
    assertThatThrownBy(() -> executor.execute(data))
        .isInstanceOfSatisfying(
            FlyteException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "failed to create workflow in propeller execution cluster label gpu is not"
                          + " supported");
            });
    assertThat(cluster.count(NAMESPACE)).isZero();
    assertThatThrownBy(
            () -> executor.abort(new AbortData(NAMESPACE, data.executionId(), "elsewhere")))
        .isInstanceOfSatisfying(
            FlyteException.class,
            e -> assertThat(e.getMessage()).isEqualTo("remote target elsewhere is not supported"));
  }

  @Test
  void aRefusedConnectionFailsAtOnceWithFlytesError() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    assertFailsQuickly("http://127.0.0.1:" + port + "/", Duration.ofSeconds(30));
  }

  @Test
  void aClusterThatNeverAnswersFailsAfterTheTimeoutNotLater() throws IOException {
    // accepts connections (the kernel's backlog) but never reads or answers
    try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      assertFailsQuickly(
          "http://127.0.0.1:" + blackHole.getLocalPort() + "/", Duration.ofSeconds(1));
    }
  }

  private void assertFailsQuickly(String url, Duration timeout) {
    KubernetesClient client =
        KubernetesClients.build(
            new ConfigBuilder(io.fabric8.kubernetes.client.Config.empty())
                .withMasterUrl(url)
                .build(),
            timeout);
    KubernetesWorkflowExecutor unreachable =
        new KubernetesWorkflowExecutor(
            FACTORY, new InClusterTarget(new ExecutionTarget("", client, true)));
    long start = System.nanoTime();
    try {
      assertThatThrownBy(
              () ->
                  unreachable.execute(
                      ExecutionFixtures.data("lost", ExecutionFixtures.plainParameters(null))))
          .isInstanceOfSatisfying(
              FlyteException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
                assertThat(e.getMessage()).startsWith("failed to create workflow in propeller ");
              });
      assertThatThrownBy(
              () ->
                  unreachable.abort(
                      new AbortData(NAMESPACE, ExecutionFixtures.executionId("lost"), "")))
          .isInstanceOfSatisfying(
              FlyteException.class,
              e ->
                  assertThat(e.getMessage())
                      .startsWith(
                          "failed to terminate execution: project:\"flytesnacks\""
                              + " domain:\"development\" name:\"lost\" with err "));
    } finally {
      client.close();
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
  }
}

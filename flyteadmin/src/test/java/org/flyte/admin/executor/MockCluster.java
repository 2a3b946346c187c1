package org.flyte.admin.executor;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import org.flyte.admin.executor.cluster.KubernetesClients;
import org.flyte.admin.executor.k8s.KubernetesWorkflowExecutor;

/**
 * A Kubernetes API on a random port: fabric8's mock server in CRUD mode (it stores what is created
 * and answers reads and deletes from it), knowing the FlyteWorkflow resource; with a client made
 * the way FlyteAdmin makes its clients.
 */
public final class MockCluster implements AutoCloseable {

  private static final CustomResourceDefinitionContext FLYTE_WORKFLOW =
      new CustomResourceDefinitionContext.Builder()
          .withGroup("flyte.lyft.com")
          .withVersion("v1alpha1")
          .withKind("FlyteWorkflow")
          .withPlural("flyteworkflows")
          .withScope("Namespaced")
          .build();

  private final KubernetesMockServer server;
  private final KubernetesClient client;

  public MockCluster() {
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(List.of(FLYTE_WORKFLOW)),
            false);
    server.init();
    client = KubernetesClients.build(config(), Duration.ofSeconds(10));
  }

  /** A client configuration for this server (no kubeconfig, no service account). */
  public Config config() {
    return new ConfigBuilder(Config.empty()).withMasterUrl(server.url("/")).build();
  }

  /** The API server's URL. */
  public String url() {
    return server.url("/");
  }

  /** A client made by FlyteAdmin's factory. */
  public KubernetesClient client() {
    return client;
  }

  /** The FlyteWorkflow {@code name} in {@code namespace}, or null. */
  public GenericKubernetesResource flyteWorkflow(String namespace, String name) {
    return client
        .genericKubernetesResources(KubernetesWorkflowExecutor.FLYTE_WORKFLOWS)
        .inNamespace(namespace)
        .withName(name)
        .get();
  }

  /** How many FlyteWorkflows {@code namespace} holds. */
  public int count(String namespace) {
    return client
        .genericKubernetesResources(KubernetesWorkflowExecutor.FLYTE_WORKFLOWS)
        .inNamespace(namespace)
        .list()
        .getItems()
        .size();
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}

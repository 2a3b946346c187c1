package org.flyte.admin.executor.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A cluster executions can run in ({@code executioncluster.ExecutionTarget}): its name, recorded on
 * each execution it runs ({@code ""} in in-cluster mode), the Kubernetes client of its API server
 * (built on first use, see {@link LazyClient}) and whether new executions may be sent to it.
 */
public final class ExecutionTarget {

  private final String id;
  private final LazyClient client;
  private final boolean enabled;

  public ExecutionTarget(String id, LazyClient client, boolean enabled) {
    this.id = id;
    this.client = client;
    this.enabled = enabled;
  }

  /** A target with a client that is already built. */
  public ExecutionTarget(String id, KubernetesClient client, boolean enabled) {
    this(id, LazyClient.of(client), enabled);
  }

  public String id() {
    return id;
  }

  /** The client, built now if it has not been yet (its build's failure is thrown). */
  public KubernetesClient client() {
    return client.get();
  }

  public boolean enabled() {
    return enabled;
  }

  /** Closes the client if it was built. */
  void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "ExecutionTarget[id=" + id + ", enabled=" + enabled + "]";
  }
}

package org.flyte.admin.executor.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.function.Supplier;

/**
 * A Kubernetes client built on first use instead of at start-up: building fabric8's client (its
 * HTTP client, its serialization with the Kubernetes model) is a large part of FlyteAdmin's start,
 * while nothing needs it before the first execution. What can fail for a wrong configuration
 * (reading the credentials) is done before, at start-up, by {@link KubernetesClients}; the
 * application starts the build in the background once it is ready. The first caller builds it (or
 * waits for the build under way); a failed build is remembered and thrown to every caller.
 */
public final class LazyClient implements AutoCloseable {

  private final Supplier<KubernetesClient> builder;
  private KubernetesClient client;
  private RuntimeException failure;
  private boolean closed;

  public LazyClient(Supplier<KubernetesClient> builder) {
    this.builder = builder;
  }

  /** A client that is already built. */
  public static LazyClient of(KubernetesClient client) {
    LazyClient lazy = new LazyClient(() -> client);
    lazy.client = client;
    return lazy;
  }

  /**
   * The client, built now if nobody has.
   *
   * @throws IllegalStateException when closed, or the build's failure
   */
  public synchronized KubernetesClient get() {
    if (closed) {
      throw new IllegalStateException("the Kubernetes client is closed");
    }
    if (client == null && failure == null) {
      try {
        client = builder.get();
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw failure;
    }
    return client;
  }

  /** Whether the client has been built. */
  public synchronized boolean built() {
    return client != null;
  }

  /** Closes the client if it was built; never builds it. */
  @Override
  public synchronized void close() {
    closed = true;
    if (client != null) {
      client.close();
    }
  }
}

package org.flyte.admin.executor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.flyte.admin.executor.MockCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A Kubernetes client built once, on first use, and never just to be closed. */
class LazyClientTest {

  private static MockCluster cluster;

  @BeforeAll
  static void start() {
    cluster = new MockCluster();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void buildsOnFirstUseOnlyOnce() {
    AtomicInteger builds = new AtomicInteger();
    LazyClient lazy =
        new LazyClient(
            () -> {
              builds.incrementAndGet();
              return KubernetesClients.build(cluster.config(), Duration.ofSeconds(5));
            });
    assertThat(lazy.built()).isFalse();
    assertThat(builds).hasValue(0);
    KubernetesClient first = lazy.get();
    assertThat(lazy.get()).isSameAs(first);
    assertThat(builds).hasValue(1);
    lazy.close();
    assertThatThrownBy(lazy::get)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void aFailedBuildIsThrownToEveryCallerWithoutRetrying() {
    AtomicInteger builds = new AtomicInteger();
    LazyClient lazy =
        new LazyClient(
            () -> {
              builds.incrementAndGet();
              throw new IllegalStateException("no cluster here");
            });
    assertThatThrownBy(lazy::get).hasMessage("no cluster here");
    assertThatThrownBy(lazy::get).hasMessage("no cluster here");
    assertThat(builds).hasValue(1);
  }

  @Test
  void closingNeverBuilds() {
    AtomicInteger builds = new AtomicInteger();
    LazyClient lazy =
        new LazyClient(
            () -> {
              builds.incrementAndGet();
              return cluster.client();
            });
    lazy.close();
    assertThat(builds).hasValue(0);
  }
}

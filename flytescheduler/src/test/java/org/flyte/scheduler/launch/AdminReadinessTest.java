package org.flyte.scheduler.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.flyte.scheduler.config.AdminClientProperties;
import org.flyte.scheduler.config.SchedulerProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class AdminReadinessTest {

  private final HealthStatusManager health = new HealthStatusManager();
  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    String name = "admin-health-" + UUID.randomUUID();
    server =
        InProcessServerBuilder.forName(name).addService(health.getHealthService()).build().start();
    channel = InProcessChannelBuilder.forName(name).build();
  }

  @AfterEach
  void stop() {
    channel.shutdownNow();
    server.shutdownNow();
  }

  private AdminReadiness readiness(Duration wait) {
    return new AdminReadiness(
        channel,
        new AdminClientProperties("dns:///in-process", true, Duration.ofSeconds(2)),
        SchedulerProperties.waitingFor(wait, Duration.ofMillis(20)));
  }

  @Test
  void waitsUntilAdminReportsServing() throws Exception {
    health.setStatus(AdminReadiness.ADMIN_SERVICE, ServingStatus.NOT_SERVING);
    AdminReadiness readiness = readiness(Duration.ofSeconds(30));

    CompletableFuture<Void> waiting =
        CompletableFuture.runAsync(
            () -> {
              try {
                readiness.run(null);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(100);
    assertThat(waiting).isNotDone();
    assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

    health.setStatus(AdminReadiness.ADMIN_SERVICE, ServingStatus.SERVING);
    waiting.get(10, TimeUnit.SECONDS);
    assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void onlyTheFlyteadminServiceCounts() {
    health.setStatus("", ServingStatus.SERVING);

    assertThat(readiness(Duration.ofSeconds(1)).check()).isNotEqualTo(ServingStatus.SERVING);
  }

  @Test
  void givesUpWithAMessageNamingTheEndpoint() {
    health.setStatus(AdminReadiness.ADMIN_SERVICE, ServingStatus.NOT_SERVING);

    assertThatThrownBy(() -> readiness(Duration.ofMillis(100)).run(null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("dns:///in-process")
        .hasMessageContaining("NOT_SERVING");
  }
}

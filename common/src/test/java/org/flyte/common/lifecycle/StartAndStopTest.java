package org.flyte.common.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import flyteidl.admin.VersionOuterClass.GetVersionRequest;
import flyteidl.admin.VersionOuterClass.GetVersionResponse;
import flyteidl.admin.VersionOuterClass.Version;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flyte.common.grpc.GrpcAutoConfiguration;
import org.flyte.testing.LocalHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;

/**
 * An app's readiness and its stop, seen from outside: {@code /healthcheck} says 200 only once the
 * gRPC port serves, and a stop lets a request in flight finish while a client's open stream does
 * not hold it for the grace period.
 */
class StartAndStopTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  /** A minimal app: the shared auto-configurations, no database, one slow gRPC method. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {

    static volatile CountDownLatch startBlocker = new CountDownLatch(0);
    static volatile CountDownLatch startBlocked = new CountDownLatch(1);

    @Bean
    AdminServiceGrpc.AdminServiceImplBase admin() {
      return new AdminServiceGrpc.AdminServiceImplBase() {
        @Override
        public void getVersion(GetVersionRequest request, StreamObserver<GetVersionResponse> out) {
          try {
            Thread.sleep(2000); // a request still in flight when the stop begins
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          out.onNext(
              GetVersionResponse.newBuilder()
                  .setControlPlaneVersion(Version.newBuilder().setVersion("slow"))
                  .build());
          out.onCompleted();
        }
      };
    }

    /** Holds the start after the HTTP server is up and before the gRPC server starts. */
    @Bean
    SmartLifecycle startBlocker() {
      return new SmartLifecycle() {
        private volatile boolean running;

        @Override
        public void start() {
          startBlocked.countDown();
          try {
            startBlocker.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          running = true;
        }

        @Override
        public void stop() {
          running = false;
        }

        @Override
        public boolean isRunning() {
          return running;
        }

        @Override
        public int getPhase() {
          return Integer.MAX_VALUE - 1; // the gRPC servers start in phase Integer.MAX_VALUE
        }
      };
    }
  }

  private static SpringApplicationBuilder app(CompletableFuture<Integer> httpPort) {
    return new SpringApplicationBuilder(App.class)
        .properties(
            "spring.main.banner-mode=off",
            "spring.autoconfigure.exclude="
                + "org.flyte.common.persistence.PersistenceAutoConfiguration,"
                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "flyte.storage.type=mem",
            "flyte.storage.container=test",
            "flyte.server.httpPort=0",
            "flyte.server.grpc.port=0",
            // A long grace period: the stop below must not need it.
            "flyte.server.gracefulShutdownTimeoutSeconds=60")
        .listeners(
            (ApplicationListener<WebServerInitializedEvent>)
                event -> httpPort.complete(event.getWebServer().getPort()));
  }

  @Test
  void healthcheckAnswers503UntilTheGrpcPortServes() throws Exception {
    App.startBlocker = new CountDownLatch(1);
    App.startBlocked = new CountDownLatch(1);
    CompletableFuture<Integer> httpPort = new CompletableFuture<>();
    CompletableFuture<ConfigurableApplicationContext> started =
        CompletableFuture.supplyAsync(() -> app(httpPort).run());
    try {
      assertThat(App.startBlocked.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      int port = httpPort.get(WAIT.toSeconds(), TimeUnit.SECONDS);

      assertThat(LocalHttp.status(port, "/healthcheck"))
          .as("HTTP is up, gRPC is not")
          .isEqualTo(503);
      assertThat(LocalHttp.status(port, "/actuator/health/readiness")).isEqualTo(503);

      App.startBlocker.countDown();
      try (ConfigurableApplicationContext context =
          started.get(WAIT.toSeconds(), TimeUnit.SECONDS)) {
        assertThat(LocalHttp.status(port, "/healthcheck")).isEqualTo(200);
        assertThat(LocalHttp.status(port, "/actuator/health/readiness")).isEqualTo(200);
        ManagedChannel channel = channel(context);
        try {
          assertThat(
                  HealthGrpc.newBlockingStub(channel)
                      .check(HealthCheckRequest.getDefaultInstance())
                      .getStatus())
              .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        } finally {
          channel.shutdownNow();
        }
      }
    } finally {
      App.startBlocker.countDown();
    }
  }

  @Test
  void aStopLetsTheRequestInFlightFinishAndDoesNotWaitForOpenStreams() throws Exception {
    CompletableFuture<Integer> httpPort = new CompletableFuture<>();
    ConfigurableApplicationContext context = app(httpPort).run();
    int port = httpPort.get();
    ManagedChannel channel = channel(context);
    try {
      Iterator<HealthCheckResponse> watch =
          HealthGrpc.newBlockingStub(channel).watch(HealthCheckRequest.getDefaultInstance());
      assertThat(watch.next().getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
      CompletableFuture<GetVersionResponse> inFlight =
          CompletableFuture.supplyAsync(
              () ->
                  AdminServiceGrpc.newBlockingStub(channel)
                      .getVersion(GetVersionRequest.getDefaultInstance()));
      // The same slow RPC over REST: the gateway calls the in-process gRPC server.
      CompletableFuture<Integer> restInFlight =
          CompletableFuture.supplyAsync(() -> LocalHttp.status(port, "/api/v1/version"));
      awaitRequestsInFlight(context, 2);

      Instant stop = Instant.now();
      CompletableFuture<Void> closed = CompletableFuture.runAsync(context::close);
      assertThat(LocalHttp.status(port, "/healthcheck"))
          .as("refusing while stopping")
          .isIn(503, -1);

      assertThat(inFlight.get(WAIT.toSeconds(), TimeUnit.SECONDS).getControlPlaneVersion())
          .isEqualTo(Version.newBuilder().setVersion("slow").build());
      assertThat(restInFlight.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(200);
      closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(Duration.between(stop, Instant.now()))
          .as("the open stream does not hold the stop for the 60 s grace period")
          .isLessThan(Duration.ofSeconds(30));
      StatusRuntimeException ended =
          catchThrowableOfType(
              StatusRuntimeException.class,
              () -> {
                while (watch.hasNext()) {
                  watch.next();
                }
              });
      assertThat(ended.getStatus().getCode()).isIn(Status.Code.CANCELLED, Status.Code.UNAVAILABLE);
    } finally {
      channel.shutdownNow();
      context.close();
    }
  }

  private static void awaitRequestsInFlight(ConfigurableApplicationContext context, int count)
      throws InterruptedException {
    GrpcDrain drain = context.getBean(GrpcDrain.class);
    for (int i = 0; i < 500 && drain.requestsInFlight() < count; i++) {
      Thread.sleep(10);
    }
    assertThat(drain.requestsInFlight()).isEqualTo(count);
  }

  private static ManagedChannel channel(ConfigurableApplicationContext context) {
    String port = context.getEnvironment().getProperty(GrpcAutoConfiguration.LOCAL_PORT_PROPERTY);
    return Grpc.newChannelBuilder("localhost:" + port, InsecureChannelCredentials.create()).build();
  }
}

package org.flyte.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.flyte.scheduler.launch.AdminReadiness;
import org.flyte.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The scheduler booted as an app against a stand-in FlyteAdmin (a real gRPC health service on a
 * random port): it starts once admin reports SERVING, and refuses to start when admin never does.
 */
class FlyteSchedulerApplicationTest {

  private final HealthStatusManager adminHealth = new HealthStatusManager();
  private Server admin;

  @BeforeEach
  void startAdmin() throws Exception {
    admin =
        Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
            .addService(adminHealth.getHealthService())
            .build()
            .start();
  }

  @AfterEach
  void stopAdmin() {
    admin.shutdownNow();
  }

  private ConfigurableApplicationContext start(String... more) {
    List<String> args = new ArrayList<>();
    for (String property : TestPostgres.properties(TestPostgres.createDatabase())) {
      args.add("--" + property);
    }
    args.add("--flyte.admin.endpoint=dns:///localhost:" + admin.getPort());
    args.add("--flyte.scheduler.profilerPort=0");
    args.add("--flyte.storage.type=mem");
    args.addAll(List.of(more));
    return FlyteSchedulerApplication.builder().run(args.toArray(String[]::new));
  }

  @Test
  void startsOnceAdminIsServingAndServesItsHealth() throws Exception {
    adminHealth.setStatus(AdminReadiness.ADMIN_SERVICE, ServingStatus.SERVING);

    try (ConfigurableApplicationContext scheduler = start()) {
      String port = scheduler.getEnvironment().getProperty("local.server.port");
      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://localhost:" + port + "/actuator/health"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"UP\"");
      HttpResponse<String> wildcard =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://localhost:" + port + "/actuator/health"))
                      .header("Content-Type", "*/*")
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(wildcard.statusCode()).isEqualTo(200);
      assertThat(scheduler.getEnvironment().getProperty("spring.grpc.server.enabled"))
          .isEqualTo("false");
    }
  }

  @Test
  void refusesToStartWhenAdminNeverServes() {
    adminHealth.setStatus(AdminReadiness.ADMIN_SERVICE, ServingStatus.NOT_SERVING);

    assertThatThrownBy(
            () ->
                start(
                    "--flyte.scheduler.adminWait=300ms",
                    "--flyte.scheduler.adminWaitInterval=50ms"))
        .hasStackTraceContaining("did not report 'flyteadmin' as SERVING");
  }
}

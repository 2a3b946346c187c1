package org.flyte.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import org.flyte.common.config.FlyteCommandLine;
import org.flyte.scheduler.launch.AdminReadiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code flytescheduler precheck}, the init container of the chart's scheduler pod: exit 0 once
 * admin's health service reports {@code flyteadmin} SERVING, 1 when it never does.
 */
class SchedulerPrecheckTest {

  private final HealthStatusManager health = new HealthStatusManager();
  private Server admin;

  @BeforeEach
  void start() throws Exception {
    admin =
        Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
            .addService(health.getHealthService())
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    admin.shutdownNow();
  }

  private int precheck() {
    return FlyteSchedulerApplication.run(
        FlyteCommandLine.parse(
            "--flyte.admin.endpoint=dns:///localhost:" + admin.getPort(),
            "--flyte.scheduler.adminWait=2s",
            "--flyte.scheduler.adminWaitInterval=50ms",
            "precheck"));
  }

  @Test
  void passesWhenAdminIsServing() {
    health.setStatus(AdminReadiness.ADMIN_SERVICE, ServingStatus.SERVING);

    assertThat(precheck()).isZero();
  }

  @Test
  void failsWhenAdminNeverServes() {
    health.setStatus(AdminReadiness.ADMIN_SERVICE, ServingStatus.NOT_SERVING);

    assertThat(precheck()).isEqualTo(1);
  }

  @Test
  void refusesAnUnknownCommand() {
    assertThat(FlyteSchedulerApplication.run(FlyteCommandLine.parse("serve", "now")))
        .isEqualTo(FlyteCommandLine.USAGE);
  }
}

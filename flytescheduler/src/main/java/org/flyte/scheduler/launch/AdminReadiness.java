package org.flyte.scheduler.launch;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.flyte.scheduler.config.AdminClientProperties;
import org.flyte.scheduler.config.SchedulerConfiguration;
import org.flyte.scheduler.config.SchedulerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Waits at start-up until FlyteAdmin's gRPC health service reports {@code flyteadmin} as SERVING,
 * as Flyte's {@code flytescheduler precheck} does before the scheduler runs; the scheduler starts
 * nothing before that. Gives up, failing the start, after {@code flyte.scheduler.admin-wait}. Its
 * state is the {@code admin} health indicator.
 *
 * <p>Follows {@code flyteadmin/scheduler/start.go} and {@code
 * cmd/scheduler/entrypoints/precheck.go} (v1.16.8).
 */
@Component("admin")
@Order(SchedulerConfiguration.ADMIN_READINESS_ORDER)
public class AdminReadiness implements ApplicationRunner, HealthIndicator {

  /** The service name under which FlyteAdmin reports its health. */
  public static final String ADMIN_SERVICE = "flyteadmin";

  private static final Logger log = LoggerFactory.getLogger(AdminReadiness.class);

  private final ManagedChannel channel;
  private final AdminClientProperties admin;
  private final SchedulerProperties scheduler;
  private volatile ServingStatus lastStatus = ServingStatus.UNKNOWN;

  public AdminReadiness(
      ManagedChannel adminChannel, AdminClientProperties admin, SchedulerProperties scheduler) {
    this.channel = adminChannel;
    this.admin = admin;
    this.scheduler = scheduler;
  }

  @Override
  public void run(ApplicationArguments args) throws InterruptedException {
    Instant deadline = Instant.now().plus(scheduler.adminWait());
    int attempt = 0;
    while (check() != ServingStatus.SERVING) {
      attempt++;
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "FlyteAdmin at "
                + admin.endpoint()
                + " did not report '"
                + ADMIN_SERVICE
                + "' as SERVING within "
                + scheduler.adminWait()
                + " (last status: "
                + lastStatus
                + ")");
      }
      if (attempt == 1 || attempt % 10 == 0) {
        log.info(
            "Waiting for FlyteAdmin at {} to report '{}' as SERVING (now {})",
            admin.endpoint(),
            ADMIN_SERVICE,
            lastStatus);
      }
      Thread.sleep(scheduler.adminWaitInterval().toMillis());
    }
    log.info("FlyteAdmin at {} is SERVING", admin.endpoint());
  }

  /** Asks admin's health service once. */
  ServingStatus check() {
    Duration timeout = admin.perRetryTimeout();
    try {
      lastStatus =
          HealthGrpc.newBlockingStub(channel)
              .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
              .check(HealthCheckRequest.newBuilder().setService(ADMIN_SERVICE).build())
              .getStatus();
    } catch (StatusRuntimeException e) {
      lastStatus = ServingStatus.UNKNOWN;
      log.debug("Health check of FlyteAdmin failed: {}", e.getStatus());
    }
    return lastStatus;
  }

  @Override
  public Health health() {
    Health.Builder health =
        lastStatus == ServingStatus.SERVING ? Health.up() : Health.outOfService();
    return health
        .withDetail("endpoint", admin.endpoint())
        .withDetail("status", lastStatus.name())
        .build();
  }
}

package org.flyte.scheduler.config;

import io.grpc.ManagedChannel;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.flyte.scheduler.launch.ExecutionLauncher;
import org.flyte.scheduler.repository.firetime.FireTimeRepository;
import org.flyte.scheduler.repository.schedule.SchedulableEntityRepository;
import org.flyte.scheduler.repository.snapshot.SnapshotRepository;
import org.flyte.scheduler.service.SchedulerMetrics;
import org.flyte.scheduler.service.SchedulerService;
import org.flyte.scheduler.service.leader.LeaderLock;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;

/**
 * FlyteScheduler's wiring: the connection to FlyteAdmin ({@link AdminClientConfiguration}) and the
 * scheduler service, started once admin is serving (after {@link
 * org.flyte.scheduler.launch.AdminReadiness}).
 */
@Configuration(proxyBeanMethods = false)
@Import(AdminClientConfiguration.class)
public class SchedulerConfiguration {

  /** The order of the start-up runners: wait for admin, then schedule. */
  public static final int ADMIN_READINESS_ORDER = 0;

  public static final int SCHEDULER_START_ORDER = 1;

  @Bean
  @ConditionalOnMissingBean
  Clock schedulerClock() {
    return Clock.systemUTC();
  }

  @Bean
  SchedulerMetrics schedulerMetrics(MeterRegistry registry) {
    return new SchedulerMetrics(registry);
  }

  @Bean(destroyMethod = "close")
  SchedulerService schedulerService(
      Clock clock,
      SchedulerProperties properties,
      AdminClientProperties admin,
      ManagedChannel adminChannel,
      DataSource dataSource,
      SchedulableEntityRepository schedules,
      FireTimeRepository fireTimes,
      SnapshotRepository snapshots,
      SchedulerMetrics metrics) {
    return new SchedulerService(
        clock,
        properties,
        schedules,
        fireTimes,
        snapshots,
        new LeaderLock(dataSource),
        new ExecutionLauncher(adminChannel, admin.perRetryTimeout()),
        metrics);
  }

  @Bean
  @Order(SCHEDULER_START_ORDER)
  ApplicationRunner schedulerStart(SchedulerService scheduler) {
    return args -> scheduler.start();
  }
}

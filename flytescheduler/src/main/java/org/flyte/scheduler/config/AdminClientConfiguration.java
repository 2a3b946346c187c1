package org.flyte.scheduler.config;

import io.grpc.ManagedChannel;
import org.flyte.common.auth.client.AdminAuthProperties;
import org.flyte.scheduler.launch.AdminChannels;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scheduler's connection to FlyteAdmin: the {@code admin} and {@code scheduler} sections and
 * the channel, which authenticates with the {@code admin} section's client credentials when
 * FlyteAdmin requires it ({@link AdminChannels}). All that {@code flytescheduler precheck} needs;
 * the scheduler itself adds {@link SchedulerConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  AdminClientProperties.class,
  AdminAuthProperties.class,
  SchedulerProperties.class
})
public class AdminClientConfiguration {

  @Bean(destroyMethod = "shutdownNow")
  ManagedChannel adminChannel(AdminClientProperties admin, AdminAuthProperties auth) {
    return AdminChannels.open(admin, auth);
  }
}

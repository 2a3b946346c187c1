package org.flyte.scheduler.config;

import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import org.flyte.scheduler.launch.AdminChannels;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scheduler's connection to FlyteAdmin: the {@code admin} and {@code scheduler} sections and
 * the channel (with call credentials when a {@link CallCredentials} bean exists). All that {@code
 * flytescheduler precheck} needs; the scheduler itself adds {@link SchedulerConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AdminClientProperties.class, SchedulerProperties.class})
public class AdminClientConfiguration {

  @Bean(destroyMethod = "shutdownNow")
  ManagedChannel adminChannel(
      AdminClientProperties admin, ObjectProvider<CallCredentials> callCredentials) {
    return AdminChannels.open(admin, callCredentials.getIfUnique());
  }
}

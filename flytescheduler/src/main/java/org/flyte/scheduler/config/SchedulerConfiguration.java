package org.flyte.scheduler.config;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** FlyteScheduler's wiring: its configuration sections and the channel to FlyteAdmin. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AdminClientProperties.class, SchedulerProperties.class})
public class SchedulerConfiguration {

  @Bean(destroyMethod = "shutdownNow")
  ManagedChannel adminChannel(AdminClientProperties admin) {
    ChannelCredentials credentials =
        admin.insecure() ? InsecureChannelCredentials.create() : TlsChannelCredentials.create();
    return Grpc.newChannelBuilder(admin.target(), credentials).build();
  }
}

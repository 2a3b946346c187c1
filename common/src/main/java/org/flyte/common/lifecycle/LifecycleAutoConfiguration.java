package org.flyte.common.lifecycle;

import io.grpc.BindableService;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.grpc.server.GlobalServerInterceptor;

/** How an app's gRPC servers drain when it stops ({@link GrpcDrain}). */
@AutoConfiguration
@ConditionalOnClass(BindableService.class)
@ConditionalOnProperty(name = "spring.grpc.server.enabled", matchIfMissing = true)
public class LifecycleAutoConfiguration {

  @Bean
  @GlobalServerInterceptor
  @Order(GrpcDrain.ORDER)
  GrpcDrain grpcDrain() {
    return new GrpcDrain();
  }
}

package org.flyte.common.lifecycle;

import io.grpc.BindableService;
import io.grpc.ServerBuilder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.grpc.server.ServerBuilderCustomizer;

/** How an app's gRPC servers drain when it stops ({@link GrpcDrain}). */
@AutoConfiguration
@ConditionalOnClass(BindableService.class)
@ConditionalOnProperty(name = "spring.grpc.server.enabled", matchIfMissing = true)
public class LifecycleAutoConfiguration {

  @Bean
  GrpcDrain grpcDrain() {
    return new GrpcDrain();
  }

  /** Every gRPC server of the app (network and in-process) counts its calls for the drain. */
  @Bean
  <T extends ServerBuilder<T>> ServerBuilderCustomizer<T> grpcDrainCounting(GrpcDrain drain) {
    return builder -> builder.addStreamTracerFactory(drain);
  }
}

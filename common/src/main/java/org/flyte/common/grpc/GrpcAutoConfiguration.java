package org.flyte.common.grpc;

import io.grpc.BindableService;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.grpc.server.GlobalServerInterceptor;

/**
 * The server interceptor chain, written once for all services of an app and applied by Spring gRPC
 * to every service it serves, on the network port and in-process (the REST gateway's path). The
 * order is {@link GrpcInterceptorOrder}'s.
 */
@AutoConfiguration
@ConditionalOnClass(BindableService.class)
@ConditionalOnProperty(name = "spring.grpc.server.enabled", matchIfMissing = true)
public class GrpcAutoConfiguration {

  @Bean
  @GlobalServerInterceptor
  @Order(GrpcInterceptorOrder.REQUEST_ID)
  RequestIdInterceptor requestIdInterceptor() {
    return new RequestIdInterceptor();
  }

  @Bean
  @GlobalServerInterceptor
  @Order(GrpcInterceptorOrder.METRICS)
  MetricsInterceptor metricsInterceptor(MeterRegistry registry) {
    return new MetricsInterceptor(registry);
  }

  @Bean
  @GlobalServerInterceptor
  @Order(GrpcInterceptorOrder.STATUS_MAPPING)
  StatusMappingInterceptor statusMappingInterceptor() {
    return new StatusMappingInterceptor();
  }
}

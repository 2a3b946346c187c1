package org.flyte.common.grpc;

import io.grpc.BindableService;
import io.grpc.ServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.grpc.server.health.GrpcServerHealth;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.grpc.server.ServerBuilderCustomizer;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;

/**
 * The server interceptor chain, written once for all services of an app and applied by Spring gRPC
 * to every service it serves, on the network port and in-process (the REST gateway's path). The
 * order is {@link GrpcInterceptorOrder}'s.
 */
@AutoConfiguration(
    afterName =
        "org.springframework.boot.grpc.server.autoconfigure.health.GrpcServerHealthAutoConfiguration")
@ConditionalOnClass(BindableService.class)
@ConditionalOnProperty(name = "spring.grpc.server.enabled", matchIfMissing = true)
public class GrpcAutoConfiguration {

  /** The property that holds the port the gRPC server actually listens on. */
  public static final String LOCAL_PORT_PROPERTY = "local.grpc.server.port";

  /** Whether cheap calls run on the transport's thread ({@link CallExecutors}); default true. */
  public static final String CALL_EXECUTORS_PROPERTY = "flyte.grpc.cheap-calls-on-transport";

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

  /**
   * Cheap calls on the transport's thread, the rest on a pool ({@link CallExecutors}); not when the
   * app authenticates (authentication may block at a call's start) or when {@value
   * #CALL_EXECUTORS_PROPERTY} is false.
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(AuthenticationInterceptor.class)
  @ConditionalOnProperty(name = CALL_EXECUTORS_PROPERTY, matchIfMissing = true)
  CallExecutors callExecutors() {
    return new CallExecutors(CallExecutors.CHEAP_METHODS);
  }

  /** Every gRPC server of the app (network and in-process) runs its calls where they say. */
  @Bean
  @ConditionalOnBean(CallExecutors.class)
  <T extends ServerBuilder<T>> ServerBuilderCustomizer<T> callExecutorsCustomizer(
      CallExecutors executors) {
    return executors::applyTo;
  }

  /** The network server's connections share one buffer arena ({@link TransportBuffers}). */
  @Bean
  <T extends ServerBuilder<T>> ServerBuilderCustomizer<T> transportBuffersCustomizer() {
    return TransportBuffers::applyTo;
  }

  @Bean
  @GlobalServerInterceptor
  @Order(GrpcInterceptorOrder.STATUS_MAPPING)
  StatusMappingInterceptor statusMappingInterceptor() {
    return new StatusMappingInterceptor();
  }

  /**
   * Reports the gRPC health as soon as the app is ready, instead of at the health schedule's next
   * tick (up to 5 s later): clients such as the scheduler's precheck then see SERVING at once, as
   * with Flyte, which reports SERVING when it starts serving.
   */
  @Bean
  @ConditionalOnBean({GrpcServerHealth.class, HealthStatusManager.class})
  ApplicationListener<AvailabilityChangeEvent<ReadinessState>> grpcHealthOnReady(
      GrpcServerHealth health, HealthStatusManager statuses, ApplicationAvailability availability) {
    return event -> {
      if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
        health.update(statuses);
      }
    };
  }

  /**
   * Publishes the port the network gRPC server listens on as {@value #LOCAL_PORT_PROPERTY}, as Boot
   * publishes {@code local.server.port}: tests and the sandbox start servers on port 0.
   */
  @Bean
  ApplicationListener<GrpcServerStartedEvent> grpcPortPublisher(ConfigurableEnvironment env) {
    return event -> {
      if (event.getPort() > 0) {
        env.getPropertySources()
            .addFirst(
                new MapPropertySource(
                    "localGrpcServerPort", Map.of(LOCAL_PORT_PROPERTY, event.getPort())));
      }
    };
  }
}

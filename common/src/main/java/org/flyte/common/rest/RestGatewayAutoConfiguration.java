package org.flyte.common.rest;

import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import java.util.List;
import org.flyte.common.config.FlyteEnvironmentPostProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * Serves every {@code google.api.http} route of the app's gRPC services over HTTP, dispatching
 * in-process to the app's own gRPC server, so that the same interceptors run for both transports
 * (ADR 0002, ADR 0005). Requests that no other handler takes (actuator, {@code /healthcheck}) reach
 * the gateway, which answers unknown routes with a Status body itself. Request bodies are capped
 * ({@link RestGatewayProperties#maxBodySize()}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = FlyteEnvironmentPostProcessor.IN_PROCESS_NAME)
@EnableConfigurationProperties(RestGatewayProperties.class)
public class RestGatewayAutoConfiguration {

  @Bean(destroyMethod = "shutdownNow")
  ManagedChannel restGatewayChannel(Environment environment) {
    return InProcessChannelBuilder.forName(
            environment.getRequiredProperty(FlyteEnvironmentPostProcessor.IN_PROCESS_NAME))
        .directExecutor()
        .build();
  }

  @Bean
  RestGateway restGateway(
      ManagedChannel restGatewayChannel,
      List<BindableService> services,
      ObjectProvider<RestGatewayCustomizer> customizers) {
    RestGateway.Builder builder = RestGateway.builder(restGatewayChannel);
    services.forEach(builder::service);
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder.build();
  }

  @Bean
  RestGatewayHandlerMapping restGatewayHandlerMapping(
      RestGateway restGateway, RestGatewayProperties properties, Environment environment) {
    DataSize limit = properties.maxBodySize();
    if (limit == null) {
      limit =
          Binder.get(environment)
              .bind(RestGatewayProperties.GRPC_MAX_MESSAGE_SIZE, DataSize.class)
              .orElse(RestGatewayProperties.GRPC_DEFAULT_MAX_MESSAGE_SIZE);
    }
    return new RestGatewayHandlerMapping(new RestGatewayHandler(restGateway, limit.toBytes()));
  }
}

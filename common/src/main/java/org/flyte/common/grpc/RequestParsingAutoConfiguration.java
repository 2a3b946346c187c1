package org.flyte.common.grpc;

import io.grpc.BindableService;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Replaces Spring gRPC's service configurer with {@link GuardedGrpcServiceConfigurer}, so that an
 * unparsable request message is answered INVALID_ARGUMENT by every service ({@link
 * RequestParsing}). Runs before Spring Boot's gRPC server auto-configuration, which only defines
 * its own configurer when none exists.
 */
@AutoConfiguration(
    beforeName = "org.springframework.boot.grpc.server.autoconfigure.GrpcServerAutoConfiguration")
@ConditionalOnClass(BindableService.class)
@ConditionalOnProperty(name = "spring.grpc.server.enabled", matchIfMissing = true)
public class RequestParsingAutoConfiguration {

  @Bean
  GuardedGrpcServiceConfigurer guardedGrpcServiceConfigurer(ApplicationContext applicationContext) {
    return new GuardedGrpcServiceConfigurer(applicationContext);
  }
}

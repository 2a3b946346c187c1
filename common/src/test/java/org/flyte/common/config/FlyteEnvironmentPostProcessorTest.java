package org.flyte.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class FlyteEnvironmentPostProcessorTest {

  private final FlyteEnvironmentPostProcessor processor = new FlyteEnvironmentPostProcessor();

  private StandardEnvironment environment(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    processor.postProcessEnvironment(environment, new SpringApplication());
    return environment;
  }

  @Test
  void flyteServerKeysInFlytesSpellingDriveSpringsPorts() {
    StandardEnvironment environment =
        environment(
            Map.of(
                "flyte.server.httpPort", "9088",
                "flyte.server.grpc.port", "9089",
                "flyte.server.grpc.serverReflection", "false",
                "flyte.server.grpc.maxMessageSizeBytes", "10485760"));

    assertThat(environment.getProperty("server.port")).isEqualTo("9088");
    assertThat(environment.getProperty("spring.grpc.server.port")).isEqualTo("9089");
    assertThat(environment.getProperty("spring.grpc.server.reflection.enabled")).isEqualTo("false");
    assertThat(environment.getProperty("spring.grpc.server.inbound.message.max-size"))
        .isEqualTo("10485760B");
  }

  @Test
  void datacatalogApplicationSectionDrivesThePortsToo() {
    StandardEnvironment environment =
        environment(
            Map.of(
                "flyte.application.grpcPort", "8081",
                "flyte.application.httpPort", "8080",
                "flyte.application.grpcMaxRecvMsgSizeMBs", "6"));

    assertThat(environment.getProperty("server.port")).isEqualTo("8080");
    assertThat(environment.getProperty("spring.grpc.server.port")).isEqualTo("8081");
    assertThat(environment.getProperty("spring.grpc.server.inbound.message.max-size"))
        .isEqualTo("6MB");
  }

  @Test
  void flytesGracefulShutdownTimeoutBoundsEachDrain() {
    StandardEnvironment flytes =
        environment(Map.of("flyte.server.gracefulShutdownTimeoutSeconds", "3"));
    assertThat(flytes.getProperty("spring.grpc.server.shutdown.grace-period")).isEqualTo("3s");
    assertThat(flytes.getProperty("spring.lifecycle.timeout-per-shutdown-phase")).isEqualTo("3s");

    StandardEnvironment defaults = environment(Map.of());
    assertThat(defaults.getProperty("spring.grpc.server.shutdown.grace-period")).isEqualTo("10s");
    assertThat(defaults.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
  }

  @Test
  void springsOwnKeysStillWin() {
    StandardEnvironment environment =
        environment(Map.of("flyte.server.httpPort", "9088", "server.port", "0"));

    assertThat(environment.getProperty("server.port")).isEqualTo("0");
  }

  @Test
  void everyAppGetsItsOwnInProcessServerName() {
    String first =
        environment(Map.of("spring.application.name", "flyteadmin"))
            .getProperty(FlyteEnvironmentPostProcessor.IN_PROCESS_NAME);
    String second =
        environment(Map.of("spring.application.name", "flyteadmin"))
            .getProperty(FlyteEnvironmentPostProcessor.IN_PROCESS_NAME);

    assertThat(first).startsWith("flyteadmin-").isNotEqualTo(second);
  }

  @Test
  void sharedDefaultsCanBeOverridden() {
    StandardEnvironment environment =
        environment(Map.of("management.endpoints.web.exposure.include", "health"));

    assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
        .isEqualTo("health");
    assertThat(environment.getProperty("spring.grpc.server.observation.enabled"))
        .isEqualTo("false");
  }

  @Test
  void withoutAnyStorageKeyAppsStoreOnLocalDisk() {
    StandardEnvironment environment = environment(Map.of());

    assertThat(environment.getProperty("flyte.storage.type")).isEqualTo("local");
    assertThat(environment.getProperty("flyte.storage.local.path")).endsWith("storage");
  }

  @Test
  void anyStorageKeyKeepsFlytesDefaults() {
    StandardEnvironment environment = environment(Map.of("flyte.storage.container", "my-bucket"));

    assertThat(environment.getProperty("flyte.storage.type")).isNull();
  }
}

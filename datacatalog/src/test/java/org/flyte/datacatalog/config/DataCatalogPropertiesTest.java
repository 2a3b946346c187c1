package org.flyte.datacatalog.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Binding and start-up validation of {@code flyte.datacatalog}. */
class DataCatalogPropertiesTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(DataCatalogConfiguration.class);

  @Test
  void defaultsAreFlytes() {
    runner.run(
        context -> {
          DataCatalogProperties properties = context.getBean(DataCatalogProperties.class);
          assertThat(properties.storagePrefix()).isEqualTo("metadata");
          assertThat(properties.heartbeatGracePeriodMultiplier()).isEqualTo(3);
          assertThat(properties.maxReservationHeartbeat()).isEqualTo(Duration.ofSeconds(10));
          assertThat(properties.metricsScope()).isEqualTo("datacatalog");
          assertThat(properties.profilerPort()).isEqualTo(10254);
        });
  }

  @Test
  void flytesKeySpellingsBind() {
    runner
        .withPropertyValues(
            "flyte.datacatalog.storage-prefix=metadata/datacatalog",
            "flyte.datacatalog.heartbeat-grace-period-multiplier=5",
            "flyte.datacatalog.max-reservation-heartbeat=30s",
            "flyte.datacatalog.metrics-scope=flyte",
            "flyte.datacatalog.profiler-port=10255")
        .run(
            context -> {
              DataCatalogProperties properties = context.getBean(DataCatalogProperties.class);
              assertThat(properties.storagePrefix()).isEqualTo("metadata/datacatalog");
              assertThat(properties.heartbeatGracePeriodMultiplier()).isEqualTo(5);
              assertThat(properties.maxReservationHeartbeat()).isEqualTo(Duration.ofSeconds(30));
            });
  }

  @Test
  void aZeroMultiplierFailsTheStartWithTheKeyNamed() {
    runner
        .withPropertyValues("flyte.datacatalog.heartbeat-grace-period-multiplier=0")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("flyte.datacatalog.heartbeat-grace-period-multiplier")
                    .hasMessageContaining("was 0"));
  }

  @Test
  void aZeroOrNegativeHeartbeatFailsTheStart() {
    runner
        .withPropertyValues("flyte.datacatalog.max-reservation-heartbeat=0s")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("flyte.datacatalog.max-reservation-heartbeat"));
    runner
        .withPropertyValues("flyte.datacatalog.max-reservation-heartbeat=-5s")
        .run(context -> assertThat(context).hasFailed());
  }
}

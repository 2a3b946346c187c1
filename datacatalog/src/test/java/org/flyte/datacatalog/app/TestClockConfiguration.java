package org.flyte.datacatalog.app;

import org.flyte.testing.AdjustableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The app's clock in tests: the system clock, which a test may move forward. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

  @Bean
  AdjustableClock clock() {
    return new AdjustableClock();
  }
}

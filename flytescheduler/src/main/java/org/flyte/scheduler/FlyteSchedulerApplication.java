package org.flyte.scheduler;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The flytescheduler application. Its configuration file is {@code flytescheduler.yaml} (not {@code
 * application.yaml}), so that the three apps can share one classpath in the sandbox.
 */
@SpringBootApplication
public class FlyteSchedulerApplication {

  /** The name of this app's configuration file and of its metrics and logs. */
  public static final String NAME = "flytescheduler";

  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(FlyteSchedulerApplication.class)
        .properties("spring.config.name=" + NAME);
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}

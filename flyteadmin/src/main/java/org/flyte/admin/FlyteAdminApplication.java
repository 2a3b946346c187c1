package org.flyte.admin;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The flyteadmin application. Its configuration file is {@code flyteadmin.yaml} (not {@code
 * application.yaml}), so that the three apps can share one classpath in the sandbox.
 */
@SpringBootApplication
public class FlyteAdminApplication {

  /** The name of this app's configuration file and of its metrics and logs. */
  public static final String NAME = "flyteadmin";

  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(FlyteAdminApplication.class)
        .properties("spring.config.name=" + NAME);
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}

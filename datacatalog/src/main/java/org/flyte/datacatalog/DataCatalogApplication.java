package org.flyte.datacatalog;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The datacatalog application. Its configuration file is {@code datacatalog.yaml} (not {@code
 * application.yaml}), so that the three apps can share one classpath in the sandbox.
 */
@SpringBootApplication
public class DataCatalogApplication {

  /** The name of this app's configuration file and of its metrics and logs. */
  public static final String NAME = "datacatalog";

  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(DataCatalogApplication.class)
        .properties("spring.config.name=" + NAME);
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}

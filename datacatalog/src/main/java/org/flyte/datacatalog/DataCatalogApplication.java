package org.flyte.datacatalog;

import org.flyte.common.config.FlyteCommandLine;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The datacatalog application. Its configuration file is {@code datacatalog.yaml} (not {@code
 * application.yaml}), so that the three apps can share one classpath in the sandbox.
 *
 * <p>It takes the command lines of Flyte's {@code datacatalog} binary, as the Helm charts run it
 * ({@code datacatalog --config /etc/datacatalog/config/*.yaml <command>},
 * datacatalog/cmd/entrypoints, v1.16.8): {@code serve} (the default) and {@code migrate run}.
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
    FlyteCommandLine.exitWhenDone(run(FlyteCommandLine.parse(args)));
  }

  /** Runs a command line; returns its exit status, or -1 while the server runs. */
  static int run(FlyteCommandLine line) {
    if (line.command().isEmpty() || line.is("serve")) {
      builder().run(line.springArgs());
      return -1;
    } else if (line.is("migrate", "run")) {
      // The schema is migrated while the context starts.
      return FlyteCommandLine.runOnce(builder(), line.springArgs(), context -> 0);
    }
    return line.usage(NAME, "serve", "migrate run");
  }
}

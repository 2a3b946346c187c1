package org.flyte.admin;

import java.util.List;
import org.flyte.admin.clusterresource.ClusterResourceCommand;
import org.flyte.admin.secrets.SecretsCommand;
import org.flyte.common.config.FlyteCommandLine;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The flyteadmin application. Its configuration file is {@code flyteadmin.yaml} (not {@code
 * application.yaml}), so that the three apps can share one classpath in the sandbox.
 *
 * <p>It takes the command lines of Flyte's {@code flyteadmin} binary, as the Helm charts run it
 * ({@code flyteadmin --config /etc/flyte/config/*.yaml <command>}, flyteadmin/cmd/entrypoints,
 * v1.16.8): {@code serve} (the default), {@code migrate run}, {@code migrate seed-projects
 * <project>...}, {@code clusterresource sync}, {@code clusterresource run}, {@code secrets init}
 * and {@code secrets create}.
 */
@SpringBootApplication
public class FlyteAdminApplication {

  /** The name of this app's configuration file and of its metrics and logs. */
  public static final String NAME = "flyteadmin";

  static final String[] COMMANDS = {
    "serve",
    "migrate run",
    "migrate seed-projects <project>...",
    "clusterresource sync",
    "clusterresource run",
    "secrets init [--localPath <dir>]",
    "secrets create [--name <secret>] [--fromPath <dir>] [--force]"
  };

  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(FlyteAdminApplication.class)
        .properties("spring.config.name=" + NAME);
  }

  public static void main(String[] args) {
    FlyteCommandLine.exitWhenDone(run(FlyteCommandLine.parse(args)));
  }

  /** Runs a command line; returns its exit status, or -1 while a server or loop keeps running. */
  static int run(FlyteCommandLine line) {
    List<String> seeds = line.argumentsAfter("migrate", "seed-projects");
    if (line.command().isEmpty() || line.is("serve")) {
      builder().run(line.springArgs());
      return -1;
    } else if (line.is("migrate", "run")) {
      // The schema is migrated while the context starts.
      return FlyteCommandLine.runOnce(builder(), line.springArgs(), context -> 0);
    } else if (seeds != null && !seeds.isEmpty()) {
      return FlyteCommandLine.runOnce(
          builder(),
          line.springArgs("--flyte.flyteadmin.seedProjects=" + String.join(",", seeds)),
          context -> 0);
    } else if (line.is("clusterresource", "sync")) {
      return ClusterResourceCommand.run(builder(), "sync", line);
    } else if (line.is("clusterresource", "run")) {
      return ClusterResourceCommand.run(builder(), "run", line);
    } else if (line.is("secrets", "init") || line.is("secrets", "create")) {
      return SecretsCommand.run(line);
    }
    return line.usage(NAME, COMMANDS);
  }
}

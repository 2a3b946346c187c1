package org.flyte.scheduler;

import org.flyte.common.config.FlyteCommandLine;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The flytescheduler application. Its configuration file is {@code flytescheduler.yaml} (not {@code
 * application.yaml}), so that the three apps can share one classpath in the sandbox.
 *
 * <p>It takes the command lines of Flyte's {@code flytescheduler} binary, as the Helm charts run it
 * ({@code flytescheduler --config /etc/flyte/config/*.yaml <command>}, cmd/scheduler/entrypoints,
 * v1.16.8): {@code run} (the default) and {@code precheck} ({@link SchedulerPrecheck}).
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
    FlyteCommandLine.exitWhenDone(run(FlyteCommandLine.parse(args)));
  }

  /** Runs a command line; returns its exit status, or -1 while the scheduler runs. */
  static int run(FlyteCommandLine line) {
    if (line.command().isEmpty() || line.is("run")) {
      builder().run(line.springArgs());
      return -1;
    } else if (line.is("precheck")) {
      return SchedulerPrecheck.run(line.springArgs());
    }
    return line.usage(NAME, "run", "precheck");
  }
}

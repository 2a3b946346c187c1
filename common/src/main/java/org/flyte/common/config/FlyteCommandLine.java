package org.flyte.common.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A command line as Flyte's binaries take it, e.g. {@code flyteadmin --config
 * /etc/flyte/config/*.yaml migrate run} (the commands of Flyte's Helm charts): the words that are
 * not options name the command ({@code migrate run}, {@code serve}, {@code clusterresource sync},
 * ...), everything else goes to Spring. Flyte's flags that take a value ({@code --config <glob>},
 * and {@code --localPath}, {@code --fromPath}, {@code --name} of {@code flyteadmin secrets}) may be
 * two arguments, as cobra accepts them; they become {@code --flag=value} ({@code --config} is read
 * by {@link FlyteEnvironmentPostProcessor}).
 *
 * @param command the command words, e.g. {@code [migrate, run]}; empty when none is given
 * @param springArgs the options, for Spring
 */
public record FlyteCommandLine(List<String> command, String[] springArgs) {

  /** Exit status of a command line that names no known command (as cobra's usage errors). */
  public static final int USAGE = 2;

  private static final java.util.Set<String> VALUE_FLAGS =
      java.util.Set.of("--config", "--localPath", "--fromPath", "--name");

  public static FlyteCommandLine parse(String... args) {
    List<String> command = new ArrayList<>();
    List<String> spring = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (VALUE_FLAGS.contains(arg) && i + 1 < args.length) {
        spring.add(arg + "=" + args[++i]);
      } else if (arg.startsWith("--")) {
        spring.add(arg);
      } else {
        command.add(arg);
      }
    }
    return new FlyteCommandLine(List.copyOf(command), spring.toArray(String[]::new));
  }

  /** Whether the command is exactly {@code words} (no command at all matches none). */
  public boolean is(String... words) {
    return command.equals(List.of(words));
  }

  /** The words after the first {@code prefix.length} ones, when the command starts with them. */
  public List<String> argumentsAfter(String... prefix) {
    return command.size() >= prefix.length
            && command.subList(0, prefix.length).equals(List.of(prefix))
        ? command.subList(prefix.length, command.size())
        : null;
  }

  /** The value of option {@code --name=value}, or {@code fallback}. */
  public String option(String name, String fallback) {
    String prefix = "--" + name + "=";
    for (String arg : springArgs) {
      if (arg.startsWith(prefix)) {
        return arg.substring(prefix.length());
      }
    }
    return fallback;
  }

  /** Whether flag {@code --name} (or {@code --name=true}) is given. */
  public boolean flag(String name) {
    return List.of(springArgs).contains("--" + name) || "true".equals(option(name, null));
  }

  /** The Spring arguments followed by {@code more}. */
  public String[] springArgs(String... more) {
    List<String> all = new ArrayList<>(List.of(springArgs));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  /**
   * Runs a one-shot command: the app's context starts without its HTTP and gRPC servers (so that
   * start-up work such as the database migration happens), {@code task} runs, the context closes.
   *
   * @return the exit status {@code task} returns
   */
  public static int runOnce(
      SpringApplicationBuilder app,
      String[] springArgs,
      Function<ConfigurableApplicationContext, Integer> task) {
    try (ConfigurableApplicationContext context = offline(app).run(springArgs)) {
      return task.apply(context);
    }
  }

  /** The app without its HTTP server and gRPC servers: for commands that serve nothing. */
  public static SpringApplicationBuilder offline(SpringApplicationBuilder app) {
    return app.web(WebApplicationType.NONE).properties("spring.grpc.server.enabled=false");
  }

  /**
   * Ends a {@code main}: a finished one-shot command exits the JVM with its status (even if a
   * library left a thread behind); a negative status (a server or loop still running) returns.
   */
  public static void exitWhenDone(int status) {
    if (status >= 0) {
      System.exit(status);
    }
  }

  /** Prints what the binary accepts and returns {@link #USAGE}. */
  public int usage(String binary, String... commands) {
    System.err.println(
        binary
            + ": unknown command '"
            + String.join(" ", command)
            + "'. Usage: "
            + binary
            + " [--config <glob>] <command>, where <command> is one of: "
            + String.join(", ", commands));
    return USAGE;
  }
}

package org.flyte.sandbox;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** {@code ./sandbox.sh}: starts the sandbox in the foreground until Ctrl-C or SIGTERM. */
public final class SandboxCommand {

  private SandboxCommand() {}

  static final String USAGE =
      """
      Usage: ./sandbox.sh [--auth] [options] [--spring.property=value ...]

      Starts FlyteAdmin, DataCatalog and FlyteScheduler in one JVM, on an embedded PostgreSQL and
      local-disk storage served over S3 (bucket my-s3-bucket), in the foreground. Ctrl-C (or
      SIGTERM) stops it; the data stays.

      --auth: FlyteAdmin requires tokens from its built-in authorization server (client
      flytepropeller; the secret is generated into <data dir>/auth/client_secret).

      Options (each also read from the environment variable named on its right):
        --dir=PATH                data directory (default ./.sandbox)     FLYTE_SANDBOX_DIR
        --admin-http-port=N       FlyteAdmin REST and /healthcheck (8088)  FLYTE_SANDBOX_ADMIN_HTTP_PORT
        --admin-grpc-port=N       FlyteAdmin gRPC (8089)                   FLYTE_SANDBOX_ADMIN_GRPC_PORT
        --catalog-grpc-port=N     DataCatalog gRPC (8081)                  FLYTE_SANDBOX_CATALOG_GRPC_PORT
        --catalog-http-port=N     DataCatalog /healthcheck (8080)          FLYTE_SANDBOX_CATALOG_HTTP_PORT
        --scheduler-port=N        FlyteScheduler health, metrics (10254)   FLYTE_SANDBOX_SCHEDULER_PORT
        --s3-port=N               the storage's S3 endpoint (30002)        FLYTE_SANDBOX_S3_PORT
      A port of 0 takes any free port; the sandbox prints the ports it got. The apps' own keys work
      too and set that one app's port: --flyte.server.httpPort, --flyte.server.grpc.port,
      --flyte.application.grpcPort, --flyte.application.httpPort, --flyte.scheduler.profilerPort.

      Any other --key=value is a Spring property passed to all three apps, for example
        --logging.level.root=INFO     (the sandbox prints warnings and errors only)
      """;

  public static void main(String[] args) {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      System.out.print(USAGE);
      return;
    }
    boolean withAuth = Arrays.asList(args).contains(SandboxAuth.FLAG);
    SandboxSettings.Parsed parsed;
    try {
      parsed =
          SandboxSettings.parse(
              Arrays.stream(args).filter(a -> !a.equals(SandboxAuth.FLAG)).toArray(String[]::new),
              System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("sandbox: " + e.getMessage() + " See ./sandbox.sh --help.");
      System.exit(2);
      return;
    }
    SandboxSettings settings = parsed.settings();
    SandboxAuth auth = null;
    if (withAuth) {
      // The authorization server names admin's HTTP address in its configuration: fix it first.
      settings = settings.adminHttpPort() == 0 ? settings.withFreeAdminHttpPort() : settings;
      auth = SandboxAuth.prepare(settings);
    }
    Sandbox sandbox =
        Sandbox.create(settings, auth, parsed.appArgs(), line -> System.out.println("  " + line));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  // Quiet when nothing runs (a failed start has already stopped what it had).
                  boolean running = !sandbox.contexts().isEmpty();
                  if (running) {
                    System.out.println("Stopping the Flyte sandbox...");
                  }
                  long begin = System.nanoTime();
                  sandbox.close();
                  if (running) {
                    System.out.printf(
                        "Stopped in %.1f s.%n",
                        Duration.ofNanos(System.nanoTime() - begin).toMillis() / 1000.0);
                  }
                },
                "sandbox-stop"));
    System.out.println("Starting the Flyte sandbox (data: " + settings.dir() + ")...");
    try {
      sandbox.start();
    } catch (RuntimeException e) {
      System.err.println("The Flyte sandbox could not start: " + rootMessage(e));
      System.exit(1);
      return;
    }
    System.out.println(sandbox.describe());
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    List<Throwable> seen = new java.util.ArrayList<>();
    while (cause.getCause() != null && !seen.contains(cause.getCause())) {
      seen.add(cause);
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }
}

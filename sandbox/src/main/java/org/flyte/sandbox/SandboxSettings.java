package org.flyte.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where the sandbox keeps its data and which ports its three apps listen on. The defaults are
 * Flyte's: admin HTTP 8088 and gRPC 8089, DataCatalog gRPC 8081 (its code default, which Flyte's
 * single binary uses), the scheduler's metrics on 10254; DataCatalog's health port is 8080; the S3
 * endpoint of the storage on 30002 (where Flyte's demo cluster serves MinIO). Port 0 means any free
 * port (the sandbox prints the ones it got).
 *
 * @param dir the data directory: the embedded PostgreSQL under {@code postgres/}, object storage
 *     under {@code storage/}
 * @param s3Port the S3 endpoint serving {@code storage/} ({@link SandboxStorage})
 */
public record SandboxSettings(
    Path dir,
    int adminHttpPort,
    int adminGrpcPort,
    int catalogGrpcPort,
    int catalogHttpPort,
    int schedulerPort,
    int s3Port) {

  /** The environment variable that moves the data directory away from {@code ./.sandbox}. */
  public static final String DIR_VARIABLE = "FLYTE_SANDBOX_DIR";

  /** One port setting: its sandbox option, its environment variable, the app's own key, default. */
  enum Port {
    ADMIN_HTTP("--admin-http-port", "FLYTE_SANDBOX_ADMIN_HTTP_PORT", "flyte.server.httpPort", 8088),
    ADMIN_GRPC(
        "--admin-grpc-port", "FLYTE_SANDBOX_ADMIN_GRPC_PORT", "flyte.server.grpc.port", 8089),
    CATALOG_GRPC(
        "--catalog-grpc-port",
        "FLYTE_SANDBOX_CATALOG_GRPC_PORT",
        "flyte.application.grpcPort",
        8081),
    CATALOG_HTTP(
        "--catalog-http-port",
        "FLYTE_SANDBOX_CATALOG_HTTP_PORT",
        "flyte.application.httpPort",
        8080),
    SCHEDULER(
        "--scheduler-port", "FLYTE_SANDBOX_SCHEDULER_PORT", "flyte.scheduler.profilerPort", 10254),
    /** The storage's S3 endpoint: the sandbox's own, no app has a key for it. */
    S3("--s3-port", "FLYTE_SANDBOX_S3_PORT", null, 30002);

    final String option;
    final String variable;
    final @Nullable String appKey;
    final int defaultPort;

    Port(String option, String variable, @Nullable String appKey, int defaultPort) {
      this.option = option;
      this.variable = variable;
      this.appKey = appKey;
      this.defaultPort = defaultPort;
    }
  }

  /**
   * The settings a command line and an environment ask for, and the arguments left for the apps.
   *
   * @param appArgs what is passed on to all three apps (Spring properties such as {@code
   *     --logging.level.root=INFO})
   */
  public record Parsed(SandboxSettings settings, List<String> appArgs) {}

  /** The defaults, as changed by {@code environment} ({@value #DIR_VARIABLE} and the ports). */
  public static SandboxSettings defaults(Map<String, String> environment) {
    return parse(new String[0], environment).settings();
  }

  /**
   * Reads the sandbox's own options from {@code args}: {@code --dir=PATH}, the port options of
   * {@link Port} ({@code --admin-http-port=N}, ...) and the apps' own port keys ({@code
   * --flyte.server.httpPort=N}, ...), which name one app's port and so are not passed to all three.
   * The environment variables of {@link Port} and {@value #DIR_VARIABLE} give defaults that options
   * override.
   *
   * @throws IllegalArgumentException for a port that is not a number from 0 to 65535, or an option
   *     without its value
   */
  public static Parsed parse(String[] args, Map<String, String> environment) {
    int[] ports = new int[Port.values().length];
    for (Port port : Port.values()) {
      String value = environment.get(port.variable);
      ports[port.ordinal()] =
          value == null || value.isBlank()
              ? port.defaultPort
              : portNumber(value, "environment variable " + port.variable);
    }
    String dir = environment.getOrDefault(DIR_VARIABLE, ".sandbox");
    List<String> appArgs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      Port port = portOption(name);
      if (port == null && !name.equals("--dir")) {
        appArgs.add(arg);
        continue;
      }
      String value;
      if (eq >= 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException(name + " needs a value");
      }
      if (port == null) {
        dir = value;
      } else {
        ports[port.ordinal()] = portNumber(value, name);
      }
    }
    SandboxSettings settings =
        new SandboxSettings(
            Path.of(dir).toAbsolutePath().normalize(),
            ports[Port.ADMIN_HTTP.ordinal()],
            ports[Port.ADMIN_GRPC.ordinal()],
            ports[Port.CATALOG_GRPC.ordinal()],
            ports[Port.CATALOG_HTTP.ordinal()],
            ports[Port.SCHEDULER.ordinal()],
            ports[Port.S3.ordinal()]);
    return new Parsed(settings, List.copyOf(appArgs));
  }

  /** The port that option {@code name} sets: a sandbox option, or an app's key in any spelling. */
  private static Port portOption(String name) {
    String relaxed = relaxed(name);
    for (Port port : Port.values()) {
      if (name.equals(port.option)
          || (port.appKey != null && relaxed.equals(relaxed("--" + port.appKey)))) {
        return port;
      }
    }
    return null;
  }

  /**
   * Spring's relaxed form of a key: {@code httpPort}, {@code http-port}, {@code http_port} alike.
   */
  private static String relaxed(String key) {
    return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
  }

  private static int portNumber(String value, String source) {
    try {
      int port = Integer.parseInt(value.strip());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        source + ": '" + value + "' is not a port (a number from 0 to 65535; 0: any free port).");
  }

  /** These settings with a free port, chosen now, for admin's HTTP port. */
  SandboxSettings withFreeAdminHttpPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return new SandboxSettings(
          dir,
          socket.getLocalPort(),
          adminGrpcPort,
          catalogGrpcPort,
          catalogHttpPort,
          schedulerPort,
          s3Port);
    } catch (IOException e) {
      throw new UncheckedIOException("No free port for FlyteAdmin's HTTP server", e);
    }
  }

  Path postgresDir() {
    return dir.resolve("postgres");
  }

  Path storageDir() {
    return dir.resolve("storage");
  }
}

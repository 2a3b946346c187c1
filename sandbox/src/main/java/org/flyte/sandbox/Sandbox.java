package org.flyte.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flyte.admin.FlyteAdminApplication;
import org.flyte.datacatalog.DataCatalogApplication;
import org.flyte.scheduler.FlyteSchedulerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * FlyteAdmin, DataCatalog and FlyteScheduler in one JVM, each in its own Spring context with its
 * own ports, sharing one embedded PostgreSQL (databases {@code flyteadmin} and {@code datacatalog})
 * and one local-disk object store, both kept under the data directory so that the next start finds
 * everything again. This is what Flyte's single binary ({@code flyte start}) is to the Go control
 * plane, without Kubernetes or Docker.
 */
public final class Sandbox implements AutoCloseable {

  /** The bucket (a directory under {@code storage/}) that the sandbox's apps write to. */
  public static final String CONTAINER = "flyte-sandbox";

  private final SandboxSettings settings;
  private final SandboxAuth auth;
  private final List<ConfigurableApplicationContext> started = new ArrayList<>();
  private Duration startup = Duration.ZERO;

  private Sandbox(SandboxSettings settings, SandboxAuth auth) {
    this.settings = settings;
    this.auth = auth;
  }

  /** Starts admin, then DataCatalog, then the scheduler (which waits for admin's health). */
  public static Sandbox start(SandboxSettings settings, String... extraArgs) {
    return start(settings, null, extraArgs);
  }

  /** {@link #start(SandboxSettings, String...)} with authentication on when {@code auth} is set. */
  public static Sandbox start(SandboxSettings settings, SandboxAuth auth, String... extraArgs) {
    Sandbox sandbox = new Sandbox(settings, auth);
    long begin = System.nanoTime();
    try {
      sandbox.run(FlyteAdminApplication.builder(), extraArgs, sandbox.adminArgs());
      sandbox.run(DataCatalogApplication.builder(), extraArgs, sandbox.catalogArgs());
      sandbox.run(FlyteSchedulerApplication.builder(), extraArgs, sandbox.schedulerArgs());
    } catch (RuntimeException e) {
      sandbox.close();
      throw e;
    }
    sandbox.startup = Duration.ofNanos(System.nanoTime() - begin);
    return sandbox;
  }

  private void run(SpringApplicationBuilder builder, String[] extraArgs, List<String> args) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of(extraArgs));
    started.add(
        builder
            .registerShutdownHook(false)
            .properties(
                "spring.main.banner-mode=off",
                // Logging is one per JVM: the first app's name would label every app's lines.
                "logging.include-application-name=false")
            .run(all.toArray(String[]::new)));
  }

  private List<String> shared() {
    return List.of(
        "--flyte.database.embedded.data-dir=" + settings.postgresDir(),
        "--flyte.storage.type=local",
        "--flyte.storage.container=" + CONTAINER,
        "--flyte.storage.local.path=" + settings.storageDir());
  }

  private List<String> adminArgs() {
    List<String> args = new ArrayList<>(shared());
    args.add("--flyte.server.httpPort=" + settings.adminHttpPort());
    args.add("--flyte.server.grpc.port=" + settings.adminGrpcPort());
    // Flyte's sandbox (single binary) seeds the project flytesnacks at every start.
    args.add("--flyte.flyteadmin.seedProjects=flytesnacks");
    if (auth != null) {
      args.addAll(auth.adminArgs());
    }
    return args;
  }

  private List<String> catalogArgs() {
    List<String> args = new ArrayList<>(shared());
    args.add("--flyte.application.grpcPort=" + settings.catalogGrpcPort());
    args.add("--flyte.application.httpPort=" + settings.catalogHttpPort());
    return args;
  }

  private List<String> schedulerArgs() {
    List<String> args = new ArrayList<>(shared());
    args.add("--flyte.scheduler.profilerPort=" + settings.schedulerPort());
    args.add("--flyte.admin.endpoint=localhost:" + settings.adminGrpcPort());
    if (auth != null) {
      args.addAll(auth.schedulerArgs());
    }
    return args;
  }

  public SandboxSettings settings() {
    return settings;
  }

  public Duration startup() {
    return startup;
  }

  /** The started contexts: admin, DataCatalog, scheduler. */
  public List<ConfigurableApplicationContext> contexts() {
    return List.copyOf(started);
  }

  /** What a user needs to point clients at the sandbox. */
  public String describe() {
    return String.join(
        System.lineSeparator(),
        "Flyte sandbox is up (started in %.1f s). Data: %s"
            .formatted(startup.toMillis() / 1000.0, settings.dir()),
        "  FlyteAdmin   gRPC   localhost:%d   (flytectl / pyflyte: endpoint dns:///localhost:%d, insecure)"
            .formatted(settings.adminGrpcPort(), settings.adminGrpcPort()),
        "  FlyteAdmin   HTTP   http://localhost:%d   (REST /api/v1, /healthcheck, /actuator/prometheus)"
            .formatted(settings.adminHttpPort()),
        "  DataCatalog  gRPC   localhost:%d   (propeller catalog-cache endpoint)"
            .formatted(settings.catalogGrpcPort()),
        "  DataCatalog  HTTP   http://localhost:%d/healthcheck"
            .formatted(settings.catalogHttpPort()),
        "  Scheduler    HTTP   http://localhost:%d/actuator/health"
            .formatted(settings.schedulerPort()),
        auth == null ? "  Auth is off (./sandbox.sh --auth turns it on)." : auth.describe(),
        "Press Ctrl-C to stop; the data stays for the next start.");
  }

  /** Stops the apps in reverse order; the embedded PostgreSQL stops with the last of them. */
  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      started.get(i).close();
    }
    started.clear();
  }

  public static void main(String[] args) {
    if (List.of(args).contains("--help")) {
      System.out.println(
          "Usage: ./sandbox.sh [--auth] [--spring.property=value ...]\n"
              + "Starts FlyteAdmin (8088/8089), DataCatalog (8081) and FlyteScheduler in one JVM.\n"
              + "Data directory: $"
              + SandboxSettings.DIR_VARIABLE
              + " (default ./.sandbox). Extra arguments go to all three apps.\n"
              + "--auth: FlyteAdmin requires tokens from its built-in authorization server"
              + " (client flytepropeller; the secret is generated into <data dir>/auth/client_secret).");
      return;
    }
    SandboxSettings settings = SandboxSettings.defaults(System.getenv());
    boolean withAuth = List.of(args).contains(SandboxAuth.FLAG);
    String[] rest =
        List.of(args).stream().filter(a -> !a.equals(SandboxAuth.FLAG)).toArray(String[]::new);
    Sandbox sandbox = start(settings, withAuth ? SandboxAuth.prepare(settings) : null, rest);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Stopping the Flyte sandbox...");
                  sandbox.close();
                },
                "sandbox-shutdown"));
    System.out.println(sandbox.describe());
  }
}

package org.flyte.sandbox;

import io.grpc.protobuf.services.HealthStatusManager;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.flyte.admin.FlyteAdminApplication;
import org.flyte.common.grpc.GrpcAutoConfiguration;
import org.flyte.common.persistence.DatabaseProperties;
import org.flyte.common.persistence.PostgresServer;
import org.flyte.common.storage.BlobStoreFactory;
import org.flyte.common.storage.StorageProperties;
import org.flyte.datacatalog.DataCatalogApplication;
import org.flyte.sandbox.executor.InProcessRunner;
import org.flyte.sandbox.executor.InterruptedExecutions;
import org.flyte.sandbox.executor.LocalRunner;
import org.flyte.sandbox.executor.LocalRunnerFactory;
import org.flyte.sandbox.executor.SandboxExecutorConfiguration;
import org.flyte.sandbox.executor.SandboxExecutorProperties;
import org.flyte.sandbox.executor.SandboxWorkflowExecutor;
import org.flyte.scheduler.FlyteSchedulerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.grpc.server.health.GrpcServerHealth;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * FlyteAdmin, DataCatalog and FlyteScheduler in one JVM, each in its own Spring context with its
 * own ports, sharing one embedded PostgreSQL (databases {@code flyteadmin} and {@code datacatalog})
 * and one object store served over S3 ({@link SandboxStorage}), both kept under the data directory
 * so that the next start finds everything again. This is what Flyte's single binary ({@code flyte
 * start}) is to the Go control plane, without Kubernetes or Docker.
 *
 * <p>Ready means all three apps listen: until then, and from the moment the stop begins, every
 * app's {@code /healthcheck} answers 503 ({@link SandboxReadiness}). The stop closes the three apps
 * at once, each draining its requests, then the S3 endpoint, then the embedded PostgreSQL.
 */
public final class Sandbox implements AutoCloseable {

  private final SandboxSettings settings;
  private final SandboxAuth auth;
  private final List<String> appArgs;
  private final Consumer<String> progress;
  private final SandboxReadiness readiness = new SandboxReadiness();
  private final List<ConfigurableApplicationContext> started = new ArrayList<>();
  private boolean stopping;
  private PostgresServer postgres;
  private SandboxStorage storage;
  private LocalRunnerFactory runners = LocalRunnerFactory.IN_PROCESS;
  private SandboxWorkflowExecutor executor;
  private Duration startup = Duration.ZERO;

  private Sandbox(
      SandboxSettings settings, SandboxAuth auth, List<String> appArgs, Consumer<String> progress) {
    this.settings = settings;
    this.auth = auth;
    this.appArgs = List.copyOf(appArgs);
    this.progress = progress;
  }

  /** Starts admin, then DataCatalog, then the scheduler (which waits for admin's health). */
  public static Sandbox start(SandboxSettings settings, String... appArgs) {
    return create(settings, null, List.of(appArgs), line -> {}).start();
  }

  /** {@link #start(SandboxSettings, String...)} with authentication on when {@code auth} is set. */
  public static Sandbox start(SandboxSettings settings, SandboxAuth auth, String... appArgs) {
    return create(settings, auth, List.of(appArgs), line -> {}).start();
  }

  /**
   * Starts the sandbox, telling {@code progress} which app is up.
   *
   * @param appArgs Spring properties passed to all three apps
   */
  public static Sandbox start(
      SandboxSettings settings, List<String> appArgs, Consumer<String> progress) {
    return create(settings, null, appArgs, progress).start();
  }

  /**
   * A sandbox not started yet: {@link #close()} may be called while {@link #start()} runs (Ctrl-C
   * during the start), and stops what has started.
   *
   * @param auth authentication settings ({@code ./sandbox.sh --auth}), or null for none
   * @param appArgs Spring properties passed to all three apps
   * @param progress told which app is up
   */
  public static Sandbox create(
      SandboxSettings settings, SandboxAuth auth, List<String> appArgs, Consumer<String> progress) {
    return new Sandbox(settings, auth, appArgs, progress);
  }

  /**
   * Starts the three apps, admin first.
   *
   * @return this sandbox
   * @throws RuntimeException when an app cannot start; what had started is stopped again
   */
  public Sandbox start() {
    long begin = System.nanoTime();
    // What starts before the apps (PostgreSQL, the S3 endpoint) logs as the apps will: warnings up.
    LoggingSystem.get(Sandbox.class.getClassLoader())
        .setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
    if (!Files.exists(settings.postgresDir())) {
      progress.accept("First start: creating the database in " + settings.postgresDir());
    }
    try {
      // The sandbox's own lease keeps PostgreSQL up until the S3 endpoint has stopped after the
      // apps.
      hold(PostgresServer.embedded(new DatabaseProperties.Embedded(settings.postgresDir(), 0)));
      hold(SandboxStorage.start(settings.storageDir(), settings.s3Port()));
      ConfigurableApplicationContext admin =
          run(
              "FlyteAdmin",
              FlyteAdminApplication.builder().sources(SandboxExecutorConfiguration.class),
              adminArgs());
      ConfigurableApplicationContext catalog =
          run("DataCatalog", DataCatalogApplication.builder(), catalogArgs());
      run("Scheduler", FlyteSchedulerApplication.builder(), schedulerArgs(grpcPort(admin)));
      startRunner(admin, catalog);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    readiness.serving();
    contexts().forEach(Sandbox::refreshGrpcHealth);
    startup = Duration.ofNanos(System.nanoTime() - begin);
    return this;
  }

  /**
   * Replaces the runner executions are handed to (tests: a fake). Call before {@link #start()}.
   *
   * @return this sandbox
   */
  public Sandbox runners(LocalRunnerFactory factory) {
    this.runners = factory;
    return this;
  }

  /**
   * Attaches the local runner to FlyteAdmin's executor, unless {@code flyte.sandbox.executor} is
   * {@code kubernetes}. The runner reaches the apps over gRPC, so it starts once they listen.
   */
  private void startRunner(
      ConfigurableApplicationContext admin, ConfigurableApplicationContext catalog) {
    SandboxWorkflowExecutor sandboxExecutor =
        admin.getBeanProvider(SandboxWorkflowExecutor.class).getIfAvailable();
    if (sandboxExecutor == null) {
      return;
    }
    SandboxExecutorProperties properties = admin.getBean(SandboxExecutorProperties.class);
    SandboxStorage store = storage();
    InProcessRunner.Wiring wiring =
        new InProcessRunner.Wiring(
            grpcPort(admin),
            grpcPort(catalog),
            store.endpoint().toString(),
            SandboxStorage.ACCESS_KEY,
            SandboxStorage.SECRET_KEY,
            auth == null ? null : auth.clientSecretFile(),
            settings.dir().resolve("runner"));
    // Before the runner takes new work (until then FlyteAdmin starts no execution, so every
    // unfinished one is from before this start).
    InterruptedExecutions.end(wiring, progress);
    LocalRunner runner =
        runners.start(
            properties.runner(),
            wiring,
            BlobStoreFactory.create(admin.getBean(StorageProperties.class)));
    synchronized (started) {
      executor = sandboxExecutor;
      sandboxExecutor.attach(runner);
      if (stopping) {
        sandboxExecutor.detach();
        runner.close();
        throw new IllegalStateException("The sandbox was stopped while it started");
      }
    }
  }

  /** Keeps what the sandbox itself runs, for {@link #close()}; refused once the stop has begun. */
  private void hold(AutoCloseable resource) {
    synchronized (started) {
      if (resource instanceof PostgresServer database) {
        postgres = database;
      } else {
        storage = (SandboxStorage) resource;
      }
      if (stopping) {
        throw new IllegalStateException("The sandbox was stopped while it started");
      }
    }
  }

  private ConfigurableApplicationContext run(
      String name, SpringApplicationBuilder builder, List<String> args) {
    long begin = System.nanoTime();
    List<String> all = new ArrayList<>(args);
    all.addAll(appArgs);
    ConfigurableApplicationContext context =
        builder
            .registerShutdownHook(false)
            .initializers(
                ctx -> ctx.getBeanFactory().registerSingleton(SandboxReadiness.NAME, readiness))
            .properties(
                "spring.main.banner-mode=off",
                "spring.main.log-startup-info=false",
                // Warnings and errors only: the sandbox itself says which app is up, and where.
                "logging.level.root=WARN",
                // Logging is one per JVM: the first app's name would label every app's lines.
                "logging.include-application-name=false",
                // The sandbox stops the apps, and logging after them.
                "logging.register-shutdown-hook=false",
                "management.endpoint.health.group.readiness.include=readinessState,"
                    + SandboxReadiness.NAME)
            .run(all.toArray(String[]::new));
    synchronized (started) {
      if (!stopping) {
        started.add(context);
      }
    }
    if (!contexts().contains(context)) {
      context.close();
      throw new IllegalStateException("The sandbox was stopped while it started");
    }
    progress.accept(
        "%-12s up in %.1f s".formatted(name, (System.nanoTime() - begin) / 1_000_000_000.0));
    return context;
  }

  /** Reports the now complete readiness on the gRPC health service at once. */
  private static void refreshGrpcHealth(ConfigurableApplicationContext context) {
    var health = context.getBeanProvider(GrpcServerHealth.class).getIfAvailable();
    var statuses = context.getBeanProvider(HealthStatusManager.class).getIfAvailable();
    if (health != null && statuses != null) {
      health.update(statuses);
    }
  }

  private List<String> shared() {
    List<String> args = new ArrayList<>();
    args.add("--flyte.database.embedded.data-dir=" + settings.postgresDir());
    args.addAll(storage().appArgs());
    return args;
  }

  private SandboxStorage storage() {
    synchronized (started) {
      return storage;
    }
  }

  // Each app gets Spring's port keys as well as Flyte's: Spring's win over anything else, so a
  // FLYTE_SERVER_HTTPPORT in the environment cannot move DataCatalog's port onto admin's.
  private List<String> adminArgs() {
    List<String> args = new ArrayList<>(shared());
    args.add("--server.port=" + settings.adminHttpPort());
    args.add("--spring.grpc.server.port=" + settings.adminGrpcPort());
    args.add("--flyte.server.httpPort=" + settings.adminHttpPort());
    args.add("--flyte.server.grpc.port=" + settings.adminGrpcPort());
    // Flyte's sandbox (single binary) seeds the project flytesnacks at every start.
    args.add("--flyte.flyteadmin.seedProjects=flytesnacks");
    // No self-warm before ready (docs/adr/0037-warm-up.md): the sandbox is for starting quickly.
    args.add("--flyte.flyteadmin.warmup.enabled=false");
    args.add("--spring.grpc.server.health.service.flyteadmin.exclude=" + SandboxReadiness.NAME);
    if (auth != null) {
      args.addAll(auth.adminArgs());
    }
    return args;
  }

  private List<String> catalogArgs() {
    List<String> args = new ArrayList<>(shared());
    args.add("--server.port=" + settings.catalogHttpPort());
    args.add("--spring.grpc.server.port=" + settings.catalogGrpcPort());
    args.add("--flyte.application.grpcPort=" + settings.catalogGrpcPort());
    args.add("--flyte.application.httpPort=" + settings.catalogHttpPort());
    return args;
  }

  private List<String> schedulerArgs(int adminGrpcPort) {
    List<String> args = new ArrayList<>(shared());
    args.add("--server.port=" + settings.schedulerPort());
    args.add("--flyte.scheduler.profilerPort=" + settings.schedulerPort());
    args.add("--flyte.admin.endpoint=localhost:" + adminGrpcPort);
    if (auth != null) {
      args.addAll(auth.schedulerArgs());
    }
    return args;
  }

  private static int httpPort(ConfigurableApplicationContext context) {
    return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }

  private static int grpcPort(ConfigurableApplicationContext context) {
    return context
        .getEnvironment()
        .getRequiredProperty(GrpcAutoConfiguration.LOCAL_PORT_PROPERTY, Integer.class);
  }

  public SandboxSettings settings() {
    return settings;
  }

  public Duration startup() {
    return startup;
  }

  /** The started contexts: admin, DataCatalog, scheduler. */
  public List<ConfigurableApplicationContext> contexts() {
    synchronized (started) {
      return List.copyOf(started);
    }
  }

  /** The ports the apps listen on (those asked for, or the free ones they got for 0). */
  public SandboxSettings ports() {
    List<ConfigurableApplicationContext> apps = contexts();
    return new SandboxSettings(
        settings.dir(),
        httpPort(apps.get(0)),
        grpcPort(apps.get(0)),
        grpcPort(apps.get(1)),
        httpPort(apps.get(1)),
        httpPort(apps.get(2)),
        storage().port());
  }

  /** What a user needs to point clients at the sandbox. */
  public String describe() {
    SandboxSettings ports = ports();
    return String.join(
        System.lineSeparator(),
        "Flyte sandbox is up (started in %.1f s). Data: %s"
            .formatted(startup.toMillis() / 1000.0, settings.dir()),
        "  FlyteAdmin   gRPC   localhost:%d   (flytectl / pyflyte: endpoint dns:///localhost:%d, insecure)"
            .formatted(ports.adminGrpcPort(), ports.adminGrpcPort()),
        "  FlyteAdmin   HTTP   http://localhost:%d   (REST /api/v1, /healthcheck, /actuator/prometheus)"
            .formatted(ports.adminHttpPort()),
        "  DataCatalog  gRPC   localhost:%d   (propeller catalog-cache endpoint)"
            .formatted(ports.catalogGrpcPort()),
        "  DataCatalog  HTTP   http://localhost:%d/healthcheck".formatted(ports.catalogHttpPort()),
        "  Scheduler    HTTP   http://localhost:%d/actuator/health"
            .formatted(ports.schedulerPort()),
        ("  Storage      S3     http://localhost:%d   (bucket %s, access key %s, secret key %s;"
                + " data in %s)")
            .formatted(
                ports.s3Port(),
                SandboxStorage.BUCKET,
                SandboxStorage.ACCESS_KEY,
                SandboxStorage.SECRET_KEY,
                settings.storageDir()),
        auth == null ? "  Auth is off (./sandbox.sh --auth turns it on)." : auth.describe(),
        "Press Ctrl-C to stop; the data stays for the next start.");
  }

  /**
   * Stops the sandbox: it reports not ready at once, then the three apps stop together, each
   * refusing new requests, draining those in flight and closing its connections; then the S3
   * endpoint; the embedded PostgreSQL stops last.
   */
  @Override
  public void close() {
    readiness.stopping();
    List<ConfigurableApplicationContext> apps;
    SandboxStorage store;
    PostgresServer database;
    SandboxWorkflowExecutor sandboxExecutor;
    synchronized (started) {
      stopping = true;
      sandboxExecutor = executor;
      executor = null;
      apps = List.copyOf(started);
      started.clear();
      store = storage;
      database = postgres;
      storage = null;
      postgres = null;
    }
    try {
      // The runner first: it reports what it aborts to FlyteAdmin, which must still listen.
      LocalRunner runner = sandboxExecutor == null ? null : sandboxExecutor.detach();
      if (runner != null) {
        runner.close();
      }
      closeApps(apps);
    } finally {
      if (store != null) {
        store.close();
      }
      if (database != null) {
        database.close();
      }
    }
  }

  private static void closeApps(List<ConfigurableApplicationContext> apps) {
    List<Thread> closers = new ArrayList<>();
    for (ConfigurableApplicationContext app : apps) {
      Thread closer = new Thread(app::close, "sandbox-stop-" + app.getId());
      closer.start();
      closers.add(closer);
    }
    for (Thread closer : closers) {
      try {
        closer.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}

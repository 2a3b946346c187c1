package org.flyte.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.admin.VersionOuterClass.GetVersionRequest;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flyte.admin.FlyteAdminApplication;
import org.flyte.common.grpc.GrpcAutoConfiguration;
import org.flyte.datacatalog.DataCatalogApplication;
import org.flyte.scheduler.FlyteSchedulerApplication;
import org.flyte.testing.TestPostgres;
import org.flyte.testing.TestS3;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * FlyteAdmin, DataCatalog and FlyteScheduler started as a deployment starts them, from directories
 * of Flyte configuration files ({@code --config=<dir>/*.yaml}), with only what points outside the
 * test overridden on the command line: the database (the test PostgreSQL; the password through
 * {@code passwordPath} when the files use one), object storage (the test S3 server), the listeners
 * (random ports) and the scheduler's FlyteAdmin endpoint. One context per app, closed at the end.
 */
final class ControlPlane implements AutoCloseable {

  /** The configuration directory of each app. */
  record ConfigDirs(Path admin, Path catalog, Path scheduler) {}

  final ConfigurableApplicationContext admin;
  final ConfigurableApplicationContext catalog;
  final ConfigurableApplicationContext scheduler;
  private final List<ConfigurableApplicationContext> started = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  private ControlPlane(ConfigDirs dirs, Path work) {
    try {
      Path password = Files.writeString(work.resolve("pass.txt"), TestPostgres.server().password());
      String adminDb = TestPostgres.newDatabaseName();
      admin =
          start(
              FlyteAdminApplication.builder(),
              dirs.admin(),
              database(adminDb, password),
              storage(),
              List.of("--server.port=0", "--spring.grpc.server.port=0"));
      catalog =
          start(
              DataCatalogApplication.builder(),
              dirs.catalog(),
              database(TestPostgres.newDatabaseName(), password),
              storage(),
              List.of("--server.port=0", "--spring.grpc.server.port=0"));
      scheduler =
          start(
              FlyteSchedulerApplication.builder(),
              dirs.scheduler(),
              database(adminDb, password),
              List.of(),
              List.of(
                  "--server.port=0",
                  "--flyte.admin.endpoint=localhost:" + grpcPort(admin),
                  "--flyte.scheduler.adminWait=60s"));
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  static ControlPlane start(ConfigDirs dirs, Path work) {
    return new ControlPlane(dirs, work);
  }

  private ConfigurableApplicationContext start(
      SpringApplicationBuilder app, Path config, List<String>... overrides) {
    List<String> args = new ArrayList<>();
    args.add("--config=" + config + "/*.yaml");
    for (List<String> more : overrides) {
      args.addAll(more);
    }
    ConfigurableApplicationContext context =
        app.properties("spring.main.banner-mode=off", "logging.include-application-name=false")
            .registerShutdownHook(false)
            .run(args.toArray(String[]::new));
    started.add(context);
    return context;
  }

  /** Flyte's flat database keys (as flyte-core renders db.yaml), which win over postgres.*. */
  private static List<String> database(String dbname, Path password) {
    TestPostgres.Server db = TestPostgres.server();
    return List.of(
        "--flyte.database.host=" + db.host(),
        "--flyte.database.port=" + db.port(),
        "--flyte.database.username=" + db.username(),
        "--flyte.database.dbname=" + dbname,
        "--flyte.database.passwordPath=" + password,
        "--flyte.database.options=" + db.options());
  }

  /** The test S3 server in both of Flyte's forms (the connection block and the stow config). */
  private static List<String> storage() {
    String endpoint = TestS3.endpoint().toString();
    return List.of(
        "--flyte.storage.container=deployment-test",
        "--flyte.storage.connection.endpoint=" + endpoint,
        "--flyte.storage.connection.auth-type=accesskey",
        "--flyte.storage.connection.access-key=" + TestS3.ACCESS_KEY,
        "--flyte.storage.connection.secret-key=" + TestS3.SECRET_KEY,
        "--flyte.storage.connection.region=us-east-1",
        "--flyte.storage.connection.disable-ssl=true",
        "--flyte.storage.stow.config[endpoint]=" + endpoint,
        "--flyte.storage.stow.config[access_key_id]=" + TestS3.ACCESS_KEY,
        "--flyte.storage.stow.config[secret_key]=" + TestS3.SECRET_KEY,
        "--flyte.storage.stow.config[auth_type]=accesskey",
        "--flyte.storage.stow.config[region]=us-east-1",
        "--flyte.storage.signedUrl.stowConfigOverride[endpoint]=" + endpoint);
  }

  static int grpcPort(ConfigurableApplicationContext context) {
    return Integer.parseInt(
        context.getEnvironment().getProperty(GrpcAutoConfiguration.LOCAL_PORT_PROPERTY));
  }

  static int httpPort(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  /** Every app answers its health checks, and FlyteAdmin GetVersion. */
  void assertServing() throws Exception {
    for (ConfigurableApplicationContext context : List.of(admin, catalog, scheduler)) {
      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + httpPort(context) + "/healthcheck"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).as("/healthcheck of %s", context.getId()).isEqualTo(200);
    }
    ManagedChannel adminChannel = channel(grpcPort(admin));
    ManagedChannel catalogChannel = channel(grpcPort(catalog));
    try {
      assertThat(
              AdminServiceGrpc.newBlockingStub(adminChannel)
                  .getVersion(GetVersionRequest.getDefaultInstance())
                  .getControlPlaneVersion()
                  .getVersion())
          .isNotEmpty();
      assertThat(health(adminChannel, "flyteadmin")).isEqualTo(ServingStatus.SERVING);
      assertThat(health(catalogChannel, ""))
          .as("DataCatalog's gRPC health; its actuator says %s", actuatorHealth(catalog))
          .isEqualTo(ServingStatus.SERVING);
    } finally {
      adminChannel.shutdownNow();
      catalogChannel.shutdownNow();
    }
  }

  /**
   * The gRPC health of {@code service}, waiting up to 10 s for SERVING as a readiness probe does
   * (the health service follows the actuator's health on a schedule).
   */
  private static ServingStatus health(ManagedChannel channel, String service)
      throws InterruptedException {
    ServingStatus status = ServingStatus.UNKNOWN;
    for (int attempt = 0; attempt < 50 && status != ServingStatus.SERVING; attempt++) {
      if (attempt > 0) {
        Thread.sleep(200);
      }
      status =
          HealthGrpc.newBlockingStub(channel)
              .check(HealthCheckRequest.newBuilder().setService(service).build())
              .getStatus();
    }
    return status;
  }

  private String actuatorHealth(ConfigurableApplicationContext context) throws Exception {
    return http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + httpPort(context) + "/actuator/health"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static ManagedChannel channel(int port) {
    return Grpc.newChannelBuilder("localhost:" + port, InsecureChannelCredentials.create()).build();
  }

  /** Writes the data of ConfigMaps into {@code dir}, one file per key (a projected volume). */
  @SuppressWarnings("unchecked")
  static Path writeConfigMaps(Manifests manifests, Path dir, String... configMaps) {
    try {
      Files.createDirectories(dir);
      for (String configMap : configMaps) {
        Map<String, Object> data =
            (Map<String, Object>) Manifests.get(manifests.get("ConfigMap", configMap), "data");
        for (Map.Entry<String, Object> file : data.entrySet()) {
          Files.writeString(dir.resolve(file.getKey()), String.valueOf(file.getValue()));
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      started.get(i).close();
    }
  }
}

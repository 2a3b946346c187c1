package org.flyte.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flyte.common.config.FlyteConfigFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The top-level docker-compose.yml, checked as {@code docker compose config} cannot check it here
 * (no engine): every service's ports, volumes, dependencies and health checks are consistent with
 * each other and with the Flyte configuration files under deployment/compose/, which boot the three
 * apps.
 */
class ComposeFileTest {

  static final Path COMPOSE = Charts.ROOT.resolve("docker-compose.yml");

  /** Our apps and where each reads its configuration files in its container. */
  static final Map<String, String> CONFIG_DIRS =
      Map.of(
          "flyteadmin", "/etc/flyte/config",
          "datacatalog", "/etc/datacatalog/config",
          "flytescheduler", "/etc/flyte/config");

  @TempDir Path work;

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> services() {
    return (Map<String, Map<String, Object>>) Charts.load(COMPOSE).get("services");
  }

  private static Map<String, Object> config(String app) {
    return FlyteConfigFiles.load(
        FlyteConfigFiles.expand(
            List.of(Charts.ROOT.resolve("deployment/compose").resolve(app) + "/*.yaml")),
        "flyte");
  }

  @Test
  void hasTheControlPlaneAndItsDependencies() {
    assertThat(services())
        .containsOnlyKeys(
            "postgres",
            "minio",
            "minio-init",
            "flyteadmin",
            "datacatalog",
            "flytescheduler",
            "flyteconsole");
  }

  @Test
  void hostPortsAreDistinctAndPublishWhatTheAppsListenOn() {
    Set<String> hostPorts = new HashSet<>();
    services()
        .forEach(
            (name, service) -> {
              for (String port : strings(service.get("ports"))) {
                assertThat(port).as("%s publishes host:container", name).matches("\\d+:\\d+");
                assertThat(hostPorts.add(port.split(":")[0]))
                    .as("host port %s of %s is unique", port, name)
                    .isTrue();
              }
            });

    Map<String, Object> admin = config("flyteadmin");
    assertThat(containerPorts("flyteadmin"))
        .containsExactlyInAnyOrder(
            admin.get("flyte.server.httpPort").toString(),
            admin.get("flyte.server.grpc.port").toString());
    assertThat(containerPorts("datacatalog"))
        .containsExactly(config("datacatalog").get("flyte.application.grpcPort").toString());
  }

  @Test
  void dependenciesExistAndWaitForHealthOrCompletion() {
    Map<String, Map<String, Object>> services = services();
    services.forEach(
        (name, service) -> {
          @SuppressWarnings("unchecked")
          Map<String, Map<String, Object>> dependsOn =
              (Map<String, Map<String, Object>>) service.getOrDefault("depends_on", Map.of());
          dependsOn.forEach(
              (target, how) -> {
                assertThat(services).as("%s depends on %s", name, target).containsKey(target);
                Object condition = how.get("condition");
                if ("service_healthy".equals(condition)) {
                  assertThat(services.get(target))
                      .as("%s waits for %s to be healthy", name, target)
                      .containsKey("healthcheck");
                } else {
                  assertThat(condition).isEqualTo("service_completed_successfully");
                  assertThat(services.get(target).get("restart"))
                      .as("%s is a one-shot job", target)
                      .isEqualTo("no");
                }
              });
        });
    // The apps start once the database is up and the bucket exists; the scheduler after admin.
    for (String app : List.of("flyteadmin", "datacatalog")) {
      assertThat(dependsOn(app)).containsOnlyKeys("postgres", "minio-init");
    }
    assertThat(dependsOn("flytescheduler")).containsOnlyKeys("flyteadmin");
  }

  @Test
  void volumesAreDeclaredOrExistAndAppsReadTheirConfigWhereTheyAreMounted() {
    @SuppressWarnings("unchecked")
    Set<String> declared = ((Map<String, Object>) Charts.load(COMPOSE).get("volumes")).keySet();
    Set<String> used = new HashSet<>();
    services()
        .forEach(
            (name, service) -> {
              for (String volume : strings(service.get("volumes"))) {
                String source = volume.split(":")[0];
                if (source.startsWith("./")) {
                  assertThat(Charts.ROOT.resolve(source)).as("%s mounts %s", name, source).exists();
                } else {
                  assertThat(declared).as("%s uses volume %s", name, source).contains(source);
                  used.add(source);
                }
              }
            });
    assertThat(used).isEqualTo(declared);

    CONFIG_DIRS.forEach(
        (app, dir) -> {
          Map<String, Object> service = services().get(app);
          assertThat(strings(service.get("volumes")))
              .containsExactly("./deployment/compose/" + app + ":" + dir + ":ro");
          assertThat(strings(service.get("command")).get(1)).isEqualTo(dir + "/*.yaml");
          assertThat(Charts.ROOT.resolve(app).resolve("Dockerfile")).exists();
          assertThat(service.get("build")).isEqualTo("./" + app);
        });
  }

  @Test
  void healthChecksProbeTheAppsHttpPorts() {
    assertThat(healthcheck("flyteadmin"))
        .contains("/dev/tcp/127.0.0.1/" + config("flyteadmin").get("flyte.server.httpPort") + " ");
    assertThat(healthcheck("datacatalog"))
        .contains(
            "/dev/tcp/127.0.0.1/" + config("datacatalog").get("flyte.application.httpPort") + " ");
    assertThat(healthcheck("flytescheduler"))
        .contains(
            "/dev/tcp/127.0.0.1/"
                + config("flytescheduler").get("flyte.scheduler.profilerPort")
                + " ");
    assertThat(healthcheck("postgres")).contains("pg_isready");
  }

  @Test
  void configFilesNameTheComposeServices() {
    String bucketCommand = String.join(" ", strings(services().get("minio-init").get("command")));
    for (String app : List.of("flyteadmin", "datacatalog")) {
      Map<String, Object> config = config(app);
      assertThat(config.get("flyte.database.postgres.host")).isEqualTo("postgres");
      URI storage = URI.create(config.get("flyte.storage.stow.config.endpoint").toString());
      assertThat(services()).containsKey(storage.getHost());
      assertThat(containerPortsOf("minio")).contains(String.valueOf(storage.getPort()));
      assertThat(bucketCommand).endsWith("local/" + config.get("flyte.storage.container"));
      URI signed =
          URI.create(config.get("flyte.storage.signedUrl.stowConfigOverride.endpoint").toString());
      assertThat(strings(services().get("minio").get("ports")))
          .contains(signed.getPort() + ":" + storage.getPort());
    }
    Map<String, Object> scheduler = config("flytescheduler");
    assertThat(scheduler.get("flyte.admin.endpoint"))
        .isEqualTo("dns:///flyteadmin:" + config("flyteadmin").get("flyte.server.grpc.port"));
    assertThat(scheduler.get("flyte.database.postgres.dbname"))
        .as("the scheduler reads FlyteAdmin's database")
        .isEqualTo(config("flyteadmin").get("flyte.database.postgres.dbname"));
    // The images the compose file builds are the chart's defaults.
    for (String app : CONFIG_DIRS.keySet()) {
      assertThat(services().get(app).get("image"))
          .isEqualTo("flyte-controlplane/" + app + ":0.1.0");
    }
  }

  @Test
  void theConfigFilesBootTheApps() throws Exception {
    Path compose = Charts.ROOT.resolve("deployment/compose");
    try (ControlPlane apps =
        ControlPlane.start(
            new ControlPlane.ConfigDirs(
                compose.resolve("flyteadmin"),
                compose.resolve("datacatalog"),
                compose.resolve("flytescheduler")),
            work)) {
      apps.assertServing();
      assertThat(apps.admin.getEnvironment().getProperty("flyte.flyteadmin.seedProjects[0]"))
          .isEqualTo("flytesnacks");
    }
    assertThat(Files.readString(COMPOSE)).contains("docker compose up");
  }

  private static Map<String, Object> dependsOn(String service) {
    @SuppressWarnings("unchecked")
    Map<String, Object> dependsOn = (Map<String, Object>) services().get(service).get("depends_on");
    return dependsOn;
  }

  private static String healthcheck(String service) {
    @SuppressWarnings("unchecked")
    Map<String, Object> check = (Map<String, Object>) services().get(service).get("healthcheck");
    return String.join(" ", strings(check.get("test"))) + " ";
  }

  private static List<String> containerPorts(String service) {
    return containerPortsOf(service);
  }

  private static List<String> containerPortsOf(String service) {
    List<String> ports = new ArrayList<>();
    for (String port : strings(services().get(service).get("ports"))) {
      ports.add(port.split(":")[1]);
    }
    return ports;
  }

  private static List<String> strings(Object value) {
    List<String> strings = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(v -> strings.add(String.valueOf(v)));
    } else if (value != null) {
      strings.add(String.valueOf(value));
    }
    return strings;
  }
}

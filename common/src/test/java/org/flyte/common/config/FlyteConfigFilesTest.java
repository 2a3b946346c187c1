package org.flyte.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.flyte.common.persistence.DatabaseProperties;
import org.flyte.common.storage.StorageProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** A configuration directory shaped like the one Flyte's Helm chart mounts at /etc/flyte/config. */
class FlyteConfigFilesTest {

  @TempDir Path dir;

  private void write(String name, String yaml) throws Exception {
    Files.writeString(dir.resolve(name), yaml);
  }

  private void writeChartFiles() throws Exception {
    write(
        "db.yaml",
        """
        database:
          port: 5432
          username: postgres
          host: postgres.flyte.svc
          dbname: flyteadmin
          passwordPath: /etc/db/pass.txt
          options: "sslmode=disable"
        """);
    write(
        "server.yaml",
        """
        server:
          httpPort: 8088
          grpc:
            port: 8089
          security:
            secure: false
            useAuth: false
            allowCors: true
            allowedOrigins:
              - "https://console.example"
        flyteadmin:
          labels:
            app.kubernetes.io/name: flyteadmin
        """);
    write(
        "storage.yaml",
        """
        storage:
          type: s3
          container: "my-s3-bucket"
          connection:
            auth-type: iam
            region: us-east-2
          enable-multicontainer: false
          limits:
            maxDownloadMBs: 10
          signedUrl:
            stowConfigOverride:
              endpoint: http://localhost:30002
        """);
    write("zz-override.yaml", "server:\n  grpc:\n    port: 9089\n");
    write("notes.txt", "server: {httpPort: 1}\n");
  }

  private StandardEnvironment environment(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    new FlyteEnvironmentPostProcessor()
        .postProcessEnvironment(environment, new SpringApplication());
    return environment;
  }

  @Test
  void chartConfigMapsBindToOurSectionsUnchanged() throws Exception {
    writeChartFiles();

    StandardEnvironment environment = environment(Map.of("config", dir + "/*.yaml"));
    Binder binder = Binder.get(environment);

    DatabaseProperties database = binder.bind("flyte.database", DatabaseProperties.class).get();
    assertThat(database.effectivePostgres().host()).isEqualTo("postgres.flyte.svc");
    assertThat(database.effectivePostgres().port()).isEqualTo(5432);
    assertThat(database.effectivePostgres().passwordPath()).isEqualTo("/etc/db/pass.txt");
    FlyteServerProperties server = binder.bind("flyte.server", FlyteServerProperties.class).get();
    assertThat(server.security().allowedOrigins()).containsExactly("https://console.example");
    StorageProperties storage = binder.bind("flyte.storage", StorageProperties.class).get();
    assertThat(storage.container()).isEqualTo("my-s3-bucket");
    assertThat(storage.connection().region()).isEqualTo("us-east-2");
    assertThat(storage.limits().maxDownloadMbs()).isEqualTo(10);
    assertThat(storage.signedUrl().stowConfigOverride())
        .containsEntry("endpoint", "http://localhost:30002");
    assertThat(environment.getProperty("flyte.flyteadmin.labels[app.kubernetes.io/name]"))
        .isEqualTo("flyteadmin");
  }

  @Test
  void laterFilesWinAndTheServersFollowTheFiles() throws Exception {
    writeChartFiles();

    StandardEnvironment environment = environment(Map.of("config", dir + "/*.yaml"));

    assertThat(environment.getProperty("spring.grpc.server.port")).isEqualTo("9089");
    assertThat(environment.getProperty("server.port")).isEqualTo("8088");
  }

  @Test
  void theEnvironmentVariableNamesFilesToo() throws Exception {
    writeChartFiles();

    StandardEnvironment environment =
        environment(Map.of(FlyteEnvironmentPostProcessor.CONFIG_VARIABLE, dir + "/storage.yaml"));

    assertThat(environment.getProperty("flyte.storage.container")).isEqualTo("my-s3-bucket");
    assertThat(environment.getProperty("flyte.server.httpPort")).isNull();
  }

  @Test
  void aGlobThatMatchesNothingFailsWithTheGlob() {
    assertThatThrownBy(() -> environment(Map.of("config", dir + "/*.yaml")))
        .hasMessageContaining(dir + "/*.yaml");
  }

  @Test
  void filesAreReadInLexicalOrder() throws Exception {
    write("b.yaml", "x: 1\n");
    write("a.yaml", "x: 2\n");

    assertThat(FlyteConfigFiles.expand(java.util.List.of(dir + "/*.yaml")))
        .containsExactly(dir.resolve("a.yaml"), dir.resolve("b.yaml"));
    assertThat(
            FlyteConfigFiles.load(
                FlyteConfigFiles.expand(java.util.List.of(dir + "/*.yaml")), "flyte"))
        .containsEntry("flyte.x", 1);
  }
}

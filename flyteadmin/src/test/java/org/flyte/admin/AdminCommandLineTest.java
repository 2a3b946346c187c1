package org.flyte.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flyte.common.config.FlyteCommandLine;
import org.flyte.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FlyteAdmin run as Flyte's Helm chart runs it, {@code flyteadmin --config <dir>/*.yaml <command>}
 * with Flyte's own configuration files: {@code migrate run}, {@code migrate seed-projects} and
 * {@code clusterresource sync} against a cluster of {@code clusters.clusterConfigs} (fabric8's mock
 * API server) with the chart's list-shaped {@code customData}.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class AdminCommandLineTest {

  static KubernetesClient client;

  @TempDir Path dir;

  private String[] args(String... command) {
    List<String> all = new ArrayList<>(List.of("--config", dir.resolve("config") + "/*.yaml"));
    all.addAll(List.of(command));
    return all.toArray(String[]::new);
  }

  @Test
  void migratesSeedsAndSyncsClusterResourcesFromFlyteConfigFiles() throws Exception {
    TestPostgres.Server db = TestPostgres.server();
    String dbname = TestPostgres.newDatabaseName();
    Path config = Files.createDirectories(dir.resolve("config"));
    Path templates = Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("token"), "a-token\n");
    Files.writeString(
        config.resolve("db.yaml"),
        """
        database:
          host: %s
          port: %d
          username: %s
          password: "%s"
          dbname: %s
          options: sslmode=disable
        """
            .formatted(db.host(), db.port(), db.username(), db.password(), dbname));
    Files.writeString(
        config.resolve("storage.yaml"), "storage:\n  type: mem\n  container: flyte\n");
    Files.writeString(
        config.resolve("domain.yaml"), "domains:\n  - id: development\n    name: development\n");
    Files.writeString(
        config.resolve("cluster_resources.yaml"),
        """
        cluster_resources:
          refreshInterval: 5m
          templatePath: %s
          standaloneDeployment: false
          customData:
            - development:
                - projectQuotaCpu:
                    value: "4"
        """
            .formatted(templates));
    Files.writeString(
        config.resolve("clusters.yaml"),
        """
        clusters:
          labelClusterMap: {}
          clusterConfigs:
            - name: dataplane-1
              endpoint: %s
              enabled: true
              auth:
                type: file_path
                tokenPath: %s
            - name: disabled-one
              endpoint: https://nowhere.invalid
        """
            .formatted(client.getConfiguration().getMasterUrl(), dir.resolve("token")));
    Files.writeString(
        templates.resolve("ab_project_resource_quota.yaml"),
        """
        apiVersion: v1
        kind: ResourceQuota
        metadata:
          name: project-quota
          namespace: {{ namespace }}
        spec:
          hard:
            limits.cpu: {{ projectQuotaCpu }}
        """);

    assertThat(FlyteAdminApplication.run(FlyteCommandLine.parse(args("migrate", "run")))).isZero();
    assertThat(
            FlyteAdminApplication.run(
                FlyteCommandLine.parse(args("migrate", "seed-projects", "flytesnacks", "other"))))
        .isZero();
    assertThat(projects(dbname)).containsExactlyInAnyOrder("flytesnacks", "other");

    assertThat(FlyteAdminApplication.run(FlyteCommandLine.parse(args("clusterresource", "sync"))))
        .isZero();

    assertThat(
            client
                .resourceQuotas()
                .inNamespace("flytesnacks-development")
                .withName("project-quota")
                .get()
                .getSpec()
                .getHard())
        .hasToString("{limits.cpu=4}");
    assertThat(client.resourceQuotas().inNamespace("other-development").list().getItems())
        .hasSize(1);
  }

  @Test
  void refusesAnUnknownCommand() {
    assertThat(FlyteAdminApplication.run(FlyteCommandLine.parse("frobnicate", "now")))
        .isEqualTo(FlyteCommandLine.USAGE);
  }

  private static List<String> projects(String dbname) throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection c = TestPostgres.dataSource(dbname).getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT identifier FROM projects")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }
}

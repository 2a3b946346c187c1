package org.flyte.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rendered configuration boots the apps: the ConfigMaps of a render are written to files as
 * Kubernetes mounts them (FlyteAdmin's projected base and clusters config, DataCatalog's and the
 * scheduler's), and the three apps start from them, answer their health checks and GetVersion, with
 * the files' settings in force.
 */
class RenderedConfigBootTest {

  @TempDir Path work;

  @ParameterizedTest
  @EnumSource(
      value = Render.class,
      names = {"SANDBOX_CHART", "EKS"})
  void appsStartFromTheRenderedConfigMaps(Render render) throws Exception {
    Manifests manifests = Manifests.of(render.render());
    ControlPlane.ConfigDirs dirs =
        new ControlPlane.ConfigDirs(
            ControlPlane.writeConfigMaps(
                manifests,
                work.resolve("admin"),
                "flyte-admin-base-config",
                "flyte-admin-clusters-config"),
            ControlPlane.writeConfigMaps(manifests, work.resolve("catalog"), "datacatalog-config"),
            ControlPlane.writeConfigMaps(
                manifests, work.resolve("scheduler"), "flyte-scheduler-config"));

    try (ControlPlane apps = ControlPlane.start(dirs, work)) {
      apps.assertServing();

      // Settings that only the rendered files carry are in force.
      assertThat(
              apps.admin.getEnvironment().getProperty("flyte.flyteadmin.metadataStoragePrefix[1]"))
          .isEqualTo("admin");
      assertThat(apps.admin.getEnvironment().getProperty("flyte.cluster_resources.refreshInterval"))
          .isNotBlank();
      assertThat(
              apps.catalog
                  .getEnvironment()
                  .getProperty("flyte.datacatalog.max-reservation-heartbeat"))
          .isEqualTo("30s");
      assertThat(apps.catalog.getEnvironment().getProperty("flyte.datacatalog.storage-prefix"))
          .isEqualTo("metadata/datacatalog");
      assertThat(apps.scheduler.getEnvironment().getProperty("flyte.admin.clientId"))
          .isEqualTo("flytepropeller");
    }
  }
}

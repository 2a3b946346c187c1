package org.flyte.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@code ./sandbox.sh} reads its data directory and ports from options and environment. */
class SandboxSettingsTest {

  @Test
  void defaultsAreFlytesPorts() {
    SandboxSettings settings = SandboxSettings.defaults(Map.of());

    assertThat(settings.adminHttpPort()).isEqualTo(8088);
    assertThat(settings.adminGrpcPort()).isEqualTo(8089);
    assertThat(settings.catalogGrpcPort()).isEqualTo(8081);
    assertThat(settings.catalogHttpPort()).isEqualTo(8080);
    assertThat(settings.schedulerPort()).isEqualTo(10254);
    assertThat(settings.s3Port()).isEqualTo(30002);
    assertThat(settings.dir()).isEqualTo(Path.of(".sandbox").toAbsolutePath().normalize());
  }

  @Test
  void anAppsOwnPortKeySetsThatAppsPortInsteadOfGoingToAllThree() {
    SandboxSettings.Parsed parsed =
        SandboxSettings.parse(
            new String[] {
              "--flyte.server.httpPort=9088",
              "--flyte.server.grpc.port",
              "9089",
              "--flyte.application.grpc-port=9081",
              "--FLYTE.APPLICATION.HTTP_PORT=9080",
              "--flyte.scheduler.profilerPort=0",
              "--logging.level.root=INFO"
            },
            Map.of());

    assertThat(parsed.settings())
        .extracting(
            SandboxSettings::adminHttpPort,
            SandboxSettings::adminGrpcPort,
            SandboxSettings::catalogGrpcPort,
            SandboxSettings::catalogHttpPort,
            SandboxSettings::schedulerPort)
        .containsExactly(9088, 9089, 9081, 9080, 0);
    assertThat(parsed.appArgs()).containsExactly("--logging.level.root=INFO");
  }

  @Test
  void optionsOverrideTheEnvironment() {
    SandboxSettings.Parsed parsed =
        SandboxSettings.parse(
            new String[] {"--admin-grpc-port=7089", "--dir", "/tmp/elsewhere", "--s3-port=0"},
            Map.of(
                "FLYTE_SANDBOX_S3_PORT", "9000",
                "FLYTE_SANDBOX_ADMIN_GRPC_PORT", "6089",
                "FLYTE_SANDBOX_CATALOG_GRPC_PORT", "0",
                "FLYTE_SANDBOX_DIR", "/tmp/ignored"));

    assertThat(parsed.settings().adminGrpcPort()).isEqualTo(7089);
    assertThat(parsed.settings().catalogGrpcPort()).isZero();
    assertThat(parsed.settings().s3Port()).isZero();
    assertThat(parsed.settings().dir()).isEqualTo(Path.of("/tmp/elsewhere"));
    assertThat(parsed.appArgs()).isEmpty();
  }

  @Test
  void aPortThatIsNoPortIsRefusedWithItsSource() {
    assertThatThrownBy(
            () -> SandboxSettings.parse(new String[] {"--scheduler-port=70000"}, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--scheduler-port")
        .hasMessageContaining("'70000' is not a port");
    assertThatThrownBy(
            () ->
                SandboxSettings.parse(
                    new String[0], Map.of("FLYTE_SANDBOX_ADMIN_HTTP_PORT", "http")))
        .hasMessageContaining("FLYTE_SANDBOX_ADMIN_HTTP_PORT");
    assertThatThrownBy(() -> SandboxSettings.parse(new String[] {"--admin-http-port"}, Map.of()))
        .hasMessageContaining("needs a value");
  }
}

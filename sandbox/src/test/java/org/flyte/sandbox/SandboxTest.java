package org.flyte.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import datacatalog.DataCatalogGrpc;
import datacatalog.Datacatalog.GetDatasetRequest;
import flyteidl.admin.ProjectOuterClass.Project;
import flyteidl.admin.ProjectOuterClass.ProjectGetRequest;
import flyteidl.admin.VersionOuterClass.GetVersionRequest;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The whole sandbox in this JVM, started twice over the same data directory. */
class SandboxTest {

  @TempDir Path dir;

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private SandboxSettings settings() throws IOException {
    return new SandboxSettings(dir, freePort(), freePort(), freePort(), freePort(), freePort());
  }

  private static JdbcTemplate adminDatabase(Sandbox sandbox) {
    ConfigurableApplicationContext admin = sandbox.contexts().get(0);
    return new JdbcTemplate(admin.getBean(DataSource.class));
  }

  @Test
  void servesAllThreeAppsAndKeepsItsDataForTheNextStart() throws Exception {
    SandboxSettings settings = settings();
    try (Sandbox sandbox = Sandbox.start(settings)) {
      assertThat(sandbox.contexts()).hasSize(3).allMatch(ConfigurableApplicationContext::isActive);
      assertThat(sandbox.describe())
          .contains("localhost:" + settings.adminGrpcPort())
          .contains("localhost:" + settings.catalogGrpcPort());

      ManagedChannel admin = channel(settings.adminGrpcPort());
      ManagedChannel catalog = channel(settings.catalogGrpcPort());
      try {
        assertThat(
                AdminServiceGrpc.newBlockingStub(admin)
                    .getVersion(GetVersionRequest.getDefaultInstance())
                    .getControlPlaneVersion()
                    .getVersion())
            .isNotEmpty();
        Project flytesnacks =
            AdminServiceGrpc.newBlockingStub(admin)
                .getProject(ProjectGetRequest.newBuilder().setId("flytesnacks").build());
        assertThat(flytesnacks.getDescription()).isEqualTo("flytesnacks description");
        assertThat(flytesnacks.getState()).isEqualTo(Project.ProjectState.ACTIVE);
        StatusRuntimeException invalid =
            catchThrowableOfType(
                StatusRuntimeException.class,
                () ->
                    DataCatalogGrpc.newBlockingStub(catalog)
                        .getDataset(GetDatasetRequest.getDefaultInstance()));
        assertThat(invalid.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(invalid.getStatus().getDescription()).isEqualTo("missing dataset");
      } finally {
        admin.shutdownNow();
        catalog.shutdownNow();
      }

      adminDatabase(sandbox)
          .update(
              "INSERT INTO projects (identifier, name, description) VALUES ('kept', 'kept', 'x')");
      JdbcTemplate catalogDb =
          new JdbcTemplate(sandbox.contexts().get(1).getBean(DataSource.class));
      assertThat(catalogDb.queryForObject("SELECT current_database()", String.class))
          .isEqualTo("datacatalog");
    }
    assertThat(Files.isDirectory(dir.resolve("postgres"))).isTrue();

    try (Sandbox again = Sandbox.start(settings())) {
      assertThat(
              adminDatabase(again)
                  .queryForObject(
                      "SELECT name FROM projects WHERE identifier = 'kept'", String.class))
          .isEqualTo("kept");
      assertThat(
              adminDatabase(again)
                  .queryForObject(
                      "SELECT count(*) FROM projects WHERE identifier = 'flytesnacks'",
                      Integer.class))
          .as("seeding is idempotent across starts")
          .isEqualTo(1);
    }
  }

  private static ManagedChannel channel(int port) {
    return Grpc.newChannelBuilder("localhost:" + port, InsecureChannelCredentials.create()).build();
  }
}

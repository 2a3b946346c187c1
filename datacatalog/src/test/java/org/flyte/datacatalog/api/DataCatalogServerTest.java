package org.flyte.datacatalog.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import datacatalog.DataCatalogGrpc;
import datacatalog.Datacatalog.GetDatasetRequest;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.sql.DataSource;
import org.flyte.common.grpc.GrpcAutoConfiguration;
import org.flyte.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.UseMainMethod;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** DataCatalog booted as an app: gRPC on a random port, health, and its migrated schema. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, useMainMethod = UseMainMethod.ALWAYS)
class DataCatalogServerTest {

  private static final String DATABASE = TestPostgres.newDatabaseName();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry, DATABASE);
    registry.add("flyte.application.grpcPort", () -> "0");
    registry.add("flyte.storage.type", () -> "mem");
  }

  @Autowired private Environment environment;
  @Autowired private DataSource dataSource;
  private ManagedChannel channel;

  @BeforeEach
  void connect() {
    channel =
        Grpc.newChannelBuilder(
                "localhost:" + environment.getProperty(GrpcAutoConfiguration.LOCAL_PORT_PROPERTY),
                InsecureChannelCredentials.create())
            .build();
  }

  @AfterEach
  void disconnect() {
    channel.shutdownNow();
  }

  @Test
  void theDataCatalogServiceIsServedAndValidatesItsRequests() {
    StatusRuntimeException error =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                DataCatalogGrpc.newBlockingStub(channel)
                    .getDataset(GetDatasetRequest.getDefaultInstance()));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(error.getStatus().getDescription()).isEqualTo("missing dataset");
  }

  @Test
  void grpcHealthIsServing() {
    assertThat(
            HealthGrpc.newBlockingStub(channel)
                .check(HealthCheckRequest.getDefaultInstance())
                .getStatus())
        .isEqualTo(ServingStatus.SERVING);
  }

  @Test
  void healthcheckAnswers200() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:"
                                + environment.getProperty("local.server.port")
                                + "/healthcheck"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void itsOwnDatabaseHoldsTheDataCatalogTables() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);

    assertThat(jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo(DATABASE);
    assertThat(
            jdbc.queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
                String.class))
        .contains(
            "datasets",
            "artifacts",
            "artifact_data",
            "tags",
            "reservations",
            "datacatalog_schema_history");
  }
}

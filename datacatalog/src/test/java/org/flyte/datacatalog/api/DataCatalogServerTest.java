package org.flyte.datacatalog.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import datacatalog.DataCatalogGrpc;
import datacatalog.Datacatalog.GetDatasetRequest;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.MetadataUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.sql.DataSource;
import org.flyte.datacatalog.app.CatalogFixtures;
import org.flyte.datacatalog.app.LocalStorage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** DataCatalog booted as an app: gRPC, health, metrics, no auth, and its migrated schema. */
@LocalStorage
class DataCatalogServerTest extends CatalogApiTestBase {

  @Autowired private DataSource dataSource;

  private HttpResponse<String> http(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:" + environment.getProperty("local.server.port") + path))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theDataCatalogServiceIsServedAndValidatesItsRequests() {
    StatusRuntimeException error =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () -> catalog.getDataset(GetDatasetRequest.getDefaultInstance()));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(error.getStatus().getDescription()).isEqualTo("missing dataset");
  }

  @Test
  void headersThatPropellerSendsAreIgnored() {
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer x");
    headers.put(
        Metadata.Key.of("flyte-authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer y");
    var stub =
        DataCatalogGrpc.newBlockingStub(channel)
            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));

    assertThat(
            CatalogFixtures.codeOf(
                () ->
                    stub.getDataset(
                        GetDatasetRequest.newBuilder()
                            .setDataset(CatalogFixtures.newDatasetId())
                            .build())))
        .isEqualTo(Status.Code.NOT_FOUND);
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
    assertThat(http("/healthcheck").statusCode()).isEqualTo(200);
  }

  @Test
  void businessMetricsAreScrapedWithPrometheusNames() throws Exception {
    var id = CatalogFixtures.newDatasetId();
    CatalogFixtures.codeOf(
        () -> catalog.getDataset(GetDatasetRequest.newBuilder().setDataset(id).build()));

    String scrape = http("/actuator/prometheus").body();

    assertThat(scrape)
        .contains(
            "flyte_datacatalog_dataset_not_found_total{domain=\"development\",project=\""
                + id.getProject()
                + "\"} 1.0")
        .contains(
            "flyte_datacatalog_dataset_get_duration_seconds_count{domain=\"development\",project=\""
                + id.getProject()
                + "\"} 1")
        .contains("grpc_server_handled_total{grpc_code=\"NotFound\",grpc_method=\"GetDataset\"");
  }

  @Test
  void itsOwnDatabaseHoldsTheDataCatalogTablesAndOurIndexes() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);

    assertThat(jdbc.queryForObject("SELECT current_database()", String.class))
        .startsWith("flyte_test_");
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
    assertThat(
            jdbc.queryForList(
                "SELECT version FROM datacatalog_schema_history WHERE success ORDER BY installed_rank",
                String.class))
        .containsExactly("1", "2");
  }
}

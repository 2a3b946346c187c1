package org.flyte.datacatalog.api;

import static org.assertj.core.api.Assertions.assertThat;

import datacatalog.DataCatalogGrpc;
import datacatalog.Datacatalog.Artifact;
import datacatalog.Datacatalog.ArtifactData;
import datacatalog.Datacatalog.CreateArtifactRequest;
import datacatalog.Datacatalog.CreateDatasetRequest;
import datacatalog.Datacatalog.Dataset;
import datacatalog.Datacatalog.DatasetID;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Scalar;
import io.grpc.Status;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.List;
import org.flyte.datacatalog.app.LocalStorage;
import org.flyte.testing.RawGrpc;
import org.junit.jupiter.api.Test;

/**
 * DataCatalog's edges against bad clients: request bytes that do not parse answer INVALID_ARGUMENT
 * (never UNKNOWN), and a wildcard {@code Content-Type} on its HTTP port is served like none.
 */
@LocalStorage
class DataCatalogEdgeTest extends CatalogApiTestBase {

  private static final String CREATE_DATASET =
      DataCatalogGrpc.getCreateDatasetMethod().getFullMethodName();

  private static byte[] dataset(String project) {
    return CreateDatasetRequest.newBuilder()
        .setDataset(
            Dataset.newBuilder()
                .setId(
                    DatasetID.newBuilder()
                        .setProject(project)
                        .setDomain("development")
                        .setName("n")
                        .setVersion("v")))
        .build()
        .toByteArray();
  }

  @Test
  void unparsableMessagesAreInvalidArgument() {
    byte[] tooDeep =
        CreateArtifactRequest.newBuilder()
            .setArtifact(
                Artifact.newBuilder()
                    .addData(
                        ArtifactData.newBuilder()
                            .setName("o")
                            .setValue(
                                Literal.newBuilder()
                                    .setScalar(
                                        Scalar.newBuilder().setGeneric(RawGrpc.deepStruct(40))))))
            .build()
            .toByteArray();

    for (byte[] body :
        List.of(
            new byte[] {-1, -1, -1},
            RawGrpc.truncated(dataset("p")),
            RawGrpc.invalidUtf8(dataset("~~~~"), "~~~~"))) {
      Status status = RawGrpc.call(channel, CREATE_DATASET, body);
      assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(status.getDescription()).startsWith("error unmarshalling request: ");
    }
    Status deep =
        RawGrpc.call(
            channel, DataCatalogGrpc.getCreateArtifactMethod().getFullMethodName(), tooDeep);
    assertThat(deep.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(deep.getDescription()).contains("too many levels of nesting");
  }

  @Test
  void wildcardContentTypesAreServedLikeNone() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    for (String wildcard : List.of("*/*", "application/*")) {
      for (String path : List.of("/healthcheck", "/actuator/health", "/actuator/prometheus")) {
        int status =
            client
                .send(
                    HttpRequest.newBuilder(
                            URI.create(
                                "http://localhost:"
                                    + environment.getProperty("local.server.port")
                                    + path))
                        .header("Content-Type", wildcard)
                        .build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode();
        assertThat(status).as(path + " with " + wildcard).isEqualTo(200);
      }
    }
  }
}

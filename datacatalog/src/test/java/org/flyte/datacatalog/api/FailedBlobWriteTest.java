package org.flyte.datacatalog.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flyte.datacatalog.app.CatalogFixtures.codeOf;
import static org.flyte.datacatalog.app.CatalogFixtures.createDataset;
import static org.flyte.datacatalog.app.CatalogFixtures.data;
import static org.flyte.datacatalog.app.CatalogFixtures.integer;
import static org.flyte.datacatalog.app.CatalogFixtures.newDatasetId;
import static org.flyte.datacatalog.app.CatalogFixtures.statusOf;

import datacatalog.Datacatalog.Artifact;
import datacatalog.Datacatalog.CreateArtifactRequest;
import datacatalog.Datacatalog.DatasetID;
import datacatalog.Datacatalog.GetArtifactRequest;
import io.grpc.Status;
import javax.sql.DataSource;
import org.flyte.datacatalog.app.FailingStorage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A blob write that fails leaves nothing behind: no rows, and the same artifact can be retried. */
@FailingStorage
class FailedBlobWriteTest extends CatalogApiTestBase {

  @Autowired DataSource dataSource;

  private void create(DatasetID dataset, String id, String secondOutput) {
    catalog.createArtifact(
        CreateArtifactRequest.newBuilder()
            .setArtifact(
                Artifact.newBuilder()
                    .setId(id)
                    .setDataset(dataset)
                    .addData(data("o0", integer(1)))
                    .addData(data(secondOutput, integer(2))))
            .build());
  }

  @Test
  void aFailedBlobWriteIsInternalAndLeavesNoRowsSoTheWriteCanBeRetried() {
    DatasetID dataset = newDatasetId();
    createDataset(catalog, dataset);

    Status failed = statusOf(() -> create(dataset, "a1", FailingStorage.FAILING_OUTPUT));
    Long rows =
        new JdbcTemplate(dataSource)
            .queryForObject(
                "SELECT (SELECT count(*) FROM artifacts WHERE dataset_project = ?)"
                    + " + (SELECT count(*) FROM artifact_data WHERE dataset_project = ?)",
                Long.class,
                dataset.getProject(),
                dataset.getProject());

    assertThat(failed.getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(failed.getDescription()).startsWith("Unable to store artifact data in location");
    assertThat(rows).isZero();
    assertThat(
            codeOf(
                () ->
                    catalog.getArtifact(
                        GetArtifactRequest.newBuilder()
                            .setDataset(dataset)
                            .setArtifactId("a1")
                            .build())))
        .isEqualTo(Status.Code.NOT_FOUND);

    create(dataset, "a1", "o1");
    assertThat(
            catalog
                .getArtifact(
                    GetArtifactRequest.newBuilder().setDataset(dataset).setArtifactId("a1").build())
                .getArtifact()
                .getDataCount())
        .isEqualTo(2);
  }
}

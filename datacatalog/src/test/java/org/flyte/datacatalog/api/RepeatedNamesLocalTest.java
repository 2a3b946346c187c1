package org.flyte.datacatalog.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flyte.datacatalog.app.CatalogFixtures.data;
import static org.flyte.datacatalog.app.CatalogFixtures.integer;
import static org.flyte.datacatalog.app.CatalogFixtures.newDatasetId;

import datacatalog.Datacatalog.Artifact;
import datacatalog.Datacatalog.ArtifactData;
import datacatalog.Datacatalog.CreateArtifactRequest;
import datacatalog.Datacatalog.CreateDatasetRequest;
import datacatalog.Datacatalog.Dataset;
import datacatalog.Datacatalog.DatasetID;
import datacatalog.Datacatalog.GetArtifactRequest;
import datacatalog.Datacatalog.Partition;
import org.flyte.datacatalog.app.LocalStorage;
import org.junit.jupiter.api.Test;

/**
 * An output name repeated within one CreateArtifact request is stored once, its literal the last
 * one written, as Flyte's GORM association insert ({@code ON CONFLICT DO NOTHING}) and in-place
 * blob writes leave it.
 */
@LocalStorage
class RepeatedNamesLocalTest extends CatalogApiTestBase {

  @Test
  void aRepeatedOutputNameIsStoredOnce() {
    DatasetID dataset = newDatasetId();
    catalog.createDataset(
        CreateDatasetRequest.newBuilder()
            .setDataset(Dataset.newBuilder().setId(dataset).addPartitionKeys("region"))
            .build());
    Partition eu = Partition.newBuilder().setKey("region").setValue("eu").build();

    catalog.createArtifact(
        CreateArtifactRequest.newBuilder()
            .setArtifact(
                Artifact.newBuilder()
                    .setId("a1")
                    .setDataset(dataset)
                    .addData(data("o0", integer(1)))
                    .addData(data("o0", integer(2)))
                    .addPartitions(eu))
            .build());

    Artifact stored =
        catalog
            .getArtifact(
                GetArtifactRequest.newBuilder().setDataset(dataset).setArtifactId("a1").build())
            .getArtifact();
    assertThat(stored.getDataList())
        .extracting(ArtifactData::getName, ArtifactData::getValue)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("o0", integer(2)));
    assertThat(stored.getPartitionsList()).containsExactly(eu);
  }
}

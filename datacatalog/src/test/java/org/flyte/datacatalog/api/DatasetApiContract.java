package org.flyte.datacatalog.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flyte.datacatalog.app.CatalogFixtures.codeOf;
import static org.flyte.datacatalog.app.CatalogFixtures.createDataset;
import static org.flyte.datacatalog.app.CatalogFixtures.metadata;
import static org.flyte.datacatalog.app.CatalogFixtures.newDatasetId;
import static org.flyte.datacatalog.app.CatalogFixtures.statusOf;

import datacatalog.Datacatalog.CreateDatasetRequest;
import datacatalog.Datacatalog.Dataset;
import datacatalog.Datacatalog.DatasetID;
import datacatalog.Datacatalog.DatasetPropertyFilter;
import datacatalog.Datacatalog.FilterExpression;
import datacatalog.Datacatalog.GetDatasetRequest;
import datacatalog.Datacatalog.ListDatasetsRequest;
import datacatalog.Datacatalog.ListDatasetsResponse;
import datacatalog.Datacatalog.PaginationOptions;
import datacatalog.Datacatalog.SinglePropertyFilter;
import datacatalog.Datacatalog.TagPropertyFilter;
import io.grpc.Status;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** CreateDataset, GetDataset, ListDatasets over gRPC: happy paths and every error. */
abstract class DatasetApiContract extends CatalogApiTestBase {

  private Dataset get(DatasetID id) {
    return catalog.getDataset(GetDatasetRequest.newBuilder().setDataset(id).build()).getDataset();
  }

  private void create(Dataset dataset) {
    catalog.createDataset(CreateDatasetRequest.newBuilder().setDataset(dataset).build());
  }

  @Test
  void createThenGetReturnsTheDatasetWithItsUuidMetadataAndKeysInDeclarationOrder() {
    DatasetID id = newDatasetId();
    create(
        Dataset.newBuilder()
            .setId(id)
            .setMetadata(metadata("task-version", "v7"))
            .addAllPartitionKeys(List.of("zone", "day", "hour"))
            .build());

    Dataset dataset = get(id);

    assertThat(dataset.getId().getProject()).isEqualTo(id.getProject());
    assertThat(dataset.getId().getVersion()).isEqualTo(id.getVersion());
    assertThat(UUID.fromString(dataset.getId().getUUID())).isNotNull();
    assertThat(dataset.getMetadata().getKeyMapMap())
        .containsExactly(java.util.Map.entry("task-version", "v7"));
    assertThat(dataset.getPartitionKeysList()).containsExactly("zone", "day", "hour");
  }

  @Test
  void aDatasetWithoutMetadataReadsBackWithEmptyMetadata() {
    DatasetID id = newDatasetId();
    create(Dataset.newBuilder().setId(id).build());

    assertThat(get(id).hasMetadata()).isTrue();
    assertThat(get(id).getMetadata().getKeyMapMap()).isEmpty();
  }

  @Test
  void creatingADatasetTwiceIsAlreadyExists() {
    DatasetID id = newDatasetId();
    createDataset(catalog, id);

    Status status = statusOf(() -> createDataset(catalog, id));

    assertThat(status.getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(status.getDescription()).startsWith("value with matching already exists (");
  }

  @Test
  void aClientChosenUuidIsKeptAndMustBeUnique() {
    String uuid = UUID.randomUUID().toString();
    DatasetID first = newDatasetId().toBuilder().setUUID(uuid).build();
    create(Dataset.newBuilder().setId(first).build());

    assertThat(get(first.toBuilder().clearUUID().build()).getId().getUUID()).isEqualTo(uuid);
    assertThat(
            codeOf(
                () ->
                    create(
                        Dataset.newBuilder()
                            .setId(newDatasetId().toBuilder().setUUID(uuid))
                            .build())))
        .isEqualTo(Status.Code.ALREADY_EXISTS);
  }

  @Test
  void getMatchesTheUuidWhenOneIsGivenAndIgnoresOrg() {
    DatasetID id = newDatasetId();
    createDataset(catalog, id);
    String uuid = get(id).getId().getUUID();

    assertThat(get(id.toBuilder().setUUID(uuid).setOrg("some-org").build()).getId().getUUID())
        .isEqualTo(uuid);
    assertThat(codeOf(() -> get(id.toBuilder().setUUID(UUID.randomUUID().toString()).build())))
        .isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void aMissingDatasetIsNotFound() {
    Status status = statusOf(() -> get(newDatasetId()));

    assertThat(status.getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(status.getDescription())
        .startsWith("missing entity of type Dataset with identifier");
  }

  @Test
  void idsNeedAllFourFields() {
    DatasetID id = newDatasetId();

    assertThat(statusOf(() -> get(id.toBuilder().clearProject().build())).getDescription())
        .isEqualTo("missing project");
    assertThat(statusOf(() -> get(id.toBuilder().clearDomain().build())).getDescription())
        .isEqualTo("missing domain");
    assertThat(statusOf(() -> get(id.toBuilder().clearName().build())).getDescription())
        .isEqualTo("missing name");
    assertThat(statusOf(() -> get(id.toBuilder().clearVersion().build())).getDescription())
        .isEqualTo("missing version");
    Status noDataset = statusOf(() -> catalog.getDataset(GetDatasetRequest.getDefaultInstance()));
    assertThat(noDataset.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(noDataset.getDescription()).isEqualTo("missing dataset");
  }

  @Test
  void createReportsEveryProblemAtOnce() {
    Status status =
        statusOf(
            () ->
                create(
                    Dataset.newBuilder()
                        .setId(newDatasetId().toBuilder().clearVersion())
                        .addAllPartitionKeys(List.of("a", "b", "a"))
                        .build()));

    assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(status.getDescription())
        .isEqualTo(
            "missing version, invalid value for partitionKey, value:[Keys are not unique,"
                + " occurrence count: map[a:2 b:1]]");
  }

  @Test
  void listDatasetsFiltersByPropertiesAndPagesNewestFirst() {
    DatasetID base = newDatasetId();
    List<DatasetID> ids =
        List.of(
            base.toBuilder().setVersion("v1").build(),
            base.toBuilder().setVersion("v2").build(),
            base.toBuilder().setVersion("v3").build());
    ids.forEach(id -> createDataset(catalog, id));
    FilterExpression byProject =
        FilterExpression.newBuilder()
            .addFilters(
                SinglePropertyFilter.newBuilder()
                    .setDatasetFilter(
                        DatasetPropertyFilter.newBuilder().setProject(base.getProject())))
            .build();

    ListDatasetsResponse all =
        catalog.listDatasets(ListDatasetsRequest.newBuilder().setFilter(byProject).build());
    ListDatasetsResponse page =
        catalog.listDatasets(
            ListDatasetsRequest.newBuilder()
                .setFilter(byProject)
                .setPagination(
                    PaginationOptions.newBuilder()
                        .setLimit(2)
                        .setToken("1")
                        .setSortOrder(PaginationOptions.SortOrder.ASCENDING))
                .build());

    assertThat(all.getDatasetsList())
        .extracting(d -> d.getId().getVersion())
        .containsExactly("v3", "v2", "v1");
    assertThat(all.getNextToken()).isEqualTo("3");
    assertThat(page.getDatasetsList())
        .extracting(d -> d.getId().getVersion())
        .containsExactly("v2", "v3");
    assertThat(page.getNextToken()).isEqualTo("3");
  }

  @Test
  void listDatasetsWithLimitZeroIsAnEmptyPageWithATokenAsInFlyte() {
    DatasetID id = newDatasetId();
    createDataset(catalog, id);

    ListDatasetsResponse response =
        catalog.listDatasets(
            ListDatasetsRequest.newBuilder()
                .setPagination(PaginationOptions.newBuilder().setLimit(0).setToken("4"))
                .build());

    assertThat(response.getDatasetsList()).isEmpty();
    assertThat(response.getNextToken()).isEqualTo("4");
  }

  @Test
  void listDatasetsRejectsFiltersFlyteRejects() {
    assertThat(
            statusOf(
                    () ->
                        catalog.listDatasets(
                            ListDatasetsRequest.newBuilder()
                                .setFilter(
                                    FilterExpression.newBuilder()
                                        .addFilters(
                                            SinglePropertyFilter.newBuilder()
                                                .setTagFilter(
                                                    TagPropertyFilter.newBuilder()
                                                        .setTagName("t"))))
                                .build()))
                .getDescription())
        .isEqualTo("Dataset cannot be filtered by Tag properties");
    assertThat(
            statusOf(
                    () ->
                        catalog.listDatasets(
                            ListDatasetsRequest.newBuilder()
                                .setFilter(
                                    FilterExpression.newBuilder()
                                        .addFilters(
                                            SinglePropertyFilter.newBuilder()
                                                .setDatasetFilter(
                                                    DatasetPropertyFilter.newBuilder()
                                                        .setOrg("o"))))
                                .build()))
                .getDescription())
        .isEqualTo("no such entity ");
    assertThat(
            statusOf(
                    () ->
                        catalog.listDatasets(
                            ListDatasetsRequest.newBuilder()
                                .setPagination(PaginationOptions.newBuilder().setToken("-1"))
                                .build()))
                .getDescription())
        .isEqualTo("Invalid token value: -1");
    assertThat(
            statusOf(
                    () ->
                        catalog.listDatasets(
                            ListDatasetsRequest.newBuilder()
                                .setPagination(PaginationOptions.newBuilder().setSortKeyValue(3))
                                .build()))
                .getDescription())
        .isEqualTo("Invalid sort key 3");
  }
}

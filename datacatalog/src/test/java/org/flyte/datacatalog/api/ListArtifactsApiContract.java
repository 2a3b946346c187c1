package org.flyte.datacatalog.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flyte.datacatalog.app.CatalogFixtures.codeOf;
import static org.flyte.datacatalog.app.CatalogFixtures.data;
import static org.flyte.datacatalog.app.CatalogFixtures.integer;
import static org.flyte.datacatalog.app.CatalogFixtures.newDatasetId;
import static org.flyte.datacatalog.app.CatalogFixtures.statusOf;

import datacatalog.Datacatalog.AddTagRequest;
import datacatalog.Datacatalog.Artifact;
import datacatalog.Datacatalog.ArtifactPropertyFilter;
import datacatalog.Datacatalog.CreateArtifactRequest;
import datacatalog.Datacatalog.CreateDatasetRequest;
import datacatalog.Datacatalog.Dataset;
import datacatalog.Datacatalog.DatasetID;
import datacatalog.Datacatalog.DatasetPropertyFilter;
import datacatalog.Datacatalog.FilterExpression;
import datacatalog.Datacatalog.KeyValuePair;
import datacatalog.Datacatalog.ListArtifactsRequest;
import datacatalog.Datacatalog.ListArtifactsResponse;
import datacatalog.Datacatalog.PaginationOptions;
import datacatalog.Datacatalog.Partition;
import datacatalog.Datacatalog.PartitionPropertyFilter;
import datacatalog.Datacatalog.SinglePropertyFilter;
import datacatalog.Datacatalog.Tag;
import datacatalog.Datacatalog.TagPropertyFilter;
import io.grpc.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ListArtifacts over gRPC: filters, pagination, sort, Flyte's quirks and every error. */
abstract class ListArtifactsApiContract extends CatalogApiTestBase {

  private DatasetID dataset;

  /** Artifacts a0, a1, a2 created in that order; a1 tagged "t"; partitions region=eu/us/eu. */
  @BeforeEach
  void threeArtifacts() {
    dataset = newDatasetId();
    catalog.createDataset(
        CreateDatasetRequest.newBuilder()
            .setDataset(Dataset.newBuilder().setId(dataset).addPartitionKeys("region"))
            .build());
    String[] regions = {"eu", "us", "eu"};
    for (int i = 0; i < 3; i++) {
      catalog.createArtifact(
          CreateArtifactRequest.newBuilder()
              .setArtifact(
                  Artifact.newBuilder()
                      .setId("a" + i)
                      .setDataset(dataset)
                      .addData(data("o0", integer(i)))
                      .addPartitions(Partition.newBuilder().setKey("region").setValue(regions[i])))
              .build());
    }
    catalog.addTag(
        AddTagRequest.newBuilder()
            .setTag(Tag.newBuilder().setDataset(dataset).setName("t").setArtifactId("a1"))
            .build());
  }

  private ListArtifactsResponse list(FilterExpression filter, PaginationOptions pagination) {
    ListArtifactsRequest.Builder request = ListArtifactsRequest.newBuilder().setDataset(dataset);
    if (filter != null) {
      request.setFilter(filter);
    }
    if (pagination != null) {
      request.setPagination(pagination);
    }
    return catalog.listArtifacts(request.build());
  }

  private static FilterExpression filter(SinglePropertyFilter.Builder... filters) {
    FilterExpression.Builder expression = FilterExpression.newBuilder();
    for (SinglePropertyFilter.Builder f : filters) {
      expression.addFilters(f);
    }
    return expression.build();
  }

  private static SinglePropertyFilter.Builder partition(String key, String value) {
    return SinglePropertyFilter.newBuilder()
        .setPartitionFilter(
            PartitionPropertyFilter.newBuilder()
                .setKeyVal(KeyValuePair.newBuilder().setKey(key).setValue(value)));
  }

  private static SinglePropertyFilter.Builder tag(String name) {
    return SinglePropertyFilter.newBuilder()
        .setTagFilter(TagPropertyFilter.newBuilder().setTagName(name));
  }

  @Test
  void withoutPaginationAllArtifactsComeNewestFirstWithTheirLiterals() {
    ListArtifactsResponse response = list(null, null);

    assertThat(response.getArtifactsList())
        .extracting(Artifact::getId)
        .containsExactly("a2", "a1", "a0");
    assertThat(response.getArtifacts(0).getData(0).getValue()).isEqualTo(integer(2));
    assertThat(response.getArtifacts(1).getTagsList())
        .extracting(Tag::getName)
        .containsExactly("t");
    assertThat(response.getNextToken()).isEqualTo("3");
  }

  @Test
  void filtersCombineWithAnd() {
    assertThat(list(filter(partition("region", "eu")), null).getArtifactsList())
        .extracting(Artifact::getId)
        .containsExactly("a2", "a0");
    assertThat(list(filter(tag("t")), null).getArtifactsList())
        .extracting(Artifact::getId)
        .containsExactly("a1");
    assertThat(list(filter(tag("t"), partition("region", "eu")), null).getArtifactsList())
        .isEmpty();
  }

  @Test
  void pagesFollowTheTokenAndTheTokenIsNeverEmpty() {
    PaginationOptions.Builder ascending =
        PaginationOptions.newBuilder()
            .setLimit(2)
            .setSortOrder(PaginationOptions.SortOrder.ASCENDING);

    ListArtifactsResponse first = list(null, ascending.build());
    ListArtifactsResponse second = list(null, ascending.setToken(first.getNextToken()).build());
    ListArtifactsResponse third = list(null, ascending.setToken(second.getNextToken()).build());

    assertThat(first.getArtifactsList()).extracting(Artifact::getId).containsExactly("a0", "a1");
    assertThat(first.getNextToken()).isEqualTo("2");
    assertThat(second.getArtifactsList()).extracting(Artifact::getId).containsExactly("a2");
    assertThat(second.getNextToken()).isEqualTo("3");
    assertThat(third.getArtifactsList()).isEmpty();
    assertThat(third.getNextToken()).isEqualTo("3");
  }

  @Test
  void limitZeroIsAnEmptyPageAsInFlyte() {
    ListArtifactsResponse response = list(null, PaginationOptions.newBuilder().setLimit(0).build());

    assertThat(response.getArtifactsList()).isEmpty();
    assertThat(response.getNextToken()).isEqualTo("0");
  }

  @Test
  void listArtifactsErrors() {
    assertThat(
            statusOf(
                    () ->
                        list(
                            filter(
                                SinglePropertyFilter.newBuilder()
                                    .setDatasetFilter(
                                        DatasetPropertyFilter.newBuilder().setProject("p"))),
                            null))
                .getDescription())
        .isEqualTo("Artifact cannot be filtered by Dataset properties");
    assertThat(
            statusOf(
                    () ->
                        list(
                            filter(
                                SinglePropertyFilter.newBuilder()
                                    .setArtifactFilter(
                                        ArtifactPropertyFilter.newBuilder().setArtifactId("a0"))),
                            null))
                .getDescription())
        .isEqualTo("no such entity ");
    assertThat(statusOf(() -> list(filter(tag("")), null)).getDescription())
        .isEqualTo("missing TagName");
    assertThat(statusOf(() -> list(filter(partition("", "eu")), null)).getDescription())
        .isEqualTo("missing PartitionKey");
    assertThat(statusOf(() -> list(filter(partition("region", "")), null)).getDescription())
        .isEqualTo("missing PartitionValue");
    assertThat(
            statusOf(() -> list(null, PaginationOptions.newBuilder().setToken("abc").build()))
                .getDescription())
        .isEqualTo("Invalid token value: abc");
    assertThat(
            statusOf(() -> list(null, PaginationOptions.newBuilder().setSortOrderValue(7).build()))
                .getDescription())
        .isEqualTo("Invalid sort order 7");
    assertThat(
            codeOf(
                () ->
                    catalog.listArtifacts(
                        ListArtifactsRequest.newBuilder().setDataset(newDatasetId()).build())))
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(
            statusOf(() -> catalog.listArtifacts(ListArtifactsRequest.getDefaultInstance()))
                .getDescription())
        .isEqualTo("missing dataset");
  }
}

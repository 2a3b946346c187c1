package org.flyte.datacatalog.repository;

import static org.assertj.core.api.Assertions.assertThat;

import datacatalog.Datacatalog.AddTagRequest;
import datacatalog.Datacatalog.Artifact;
import datacatalog.Datacatalog.CreateArtifactRequest;
import datacatalog.Datacatalog.CreateDatasetRequest;
import datacatalog.Datacatalog.Dataset;
import datacatalog.Datacatalog.DatasetID;
import datacatalog.Datacatalog.Partition;
import datacatalog.Datacatalog.Tag;
import io.grpc.ManagedChannel;
import java.util.List;
import java.util.Map;
import org.flyte.datacatalog.app.CatalogFixtures;
import org.flyte.datacatalog.app.LocalStorage;
import org.flyte.datacatalog.repository.mapper.DatasetMapper;
import org.flyte.datacatalog.repository.mapper.MetadataMapper;
import org.flyte.datacatalog.repository.row.ArtifactKey;
import org.flyte.datacatalog.repository.row.ArtifactRow;
import org.flyte.datacatalog.repository.row.DatasetKey;
import org.flyte.datacatalog.repository.row.DatasetRow;
import org.flyte.datacatalog.repository.row.TagKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hot lookups: each statement returns the whole artifact or dataset (the same rows as the
 * listings, which read them with other statements), and every statement is served by indexes and so
 * is every listing (planned with sequential scans disabled, a plan that still scans a table
 * sequentially has no index to use).
 */
@LocalStorage
class LookupRepositoryTest {

  @Autowired Environment environment;
  @Autowired ArtifactLookupRepository artifactLookup;
  @Autowired DatasetLookupRepository datasetLookup;
  @Autowired NamedParameterJdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  private DatasetID dataset;

  @BeforeEach
  void anArtifactWithDataPartitionsAndTags() {
    dataset = CatalogFixtures.newDatasetId();
    ManagedChannel channel = CatalogFixtures.channel(environment);
    try {
      var catalog = CatalogFixtures.stub(channel);
      catalog.createDataset(
          CreateDatasetRequest.newBuilder()
              .setDataset(Dataset.newBuilder().setId(dataset).addPartitionKeys("region"))
              .build());
      catalog.createArtifact(
          CreateArtifactRequest.newBuilder()
              .setArtifact(
                  Artifact.newBuilder()
                      .setId("a1")
                      .setDataset(dataset)
                      .addData(CatalogFixtures.data("o0", CatalogFixtures.integer(1)))
                      .addData(CatalogFixtures.data("o1", CatalogFixtures.integer(2)))
                      .addPartitions(Partition.newBuilder().setKey("region").setValue("eu"))
                      .setMetadata(CatalogFixtures.metadata("exec-attempt", "0")))
              .build());
      for (String tag : List.of("t1", "t2")) {
        catalog.addTag(
            AddTagRequest.newBuilder()
                .setTag(Tag.newBuilder().setDataset(dataset).setName(tag).setArtifactId("a1"))
                .build());
      }
    } finally {
      channel.shutdownNow();
    }
  }

  @Test
  void theLookupsReturnTheWholeRowsAsTheListingsDo() {
    DatasetKey key = DatasetMapper.key(dataset);
    TagKey tag = TagKey.of(key, "t2");
    ArtifactKey artifact = ArtifactKey.of(key, "a1");
    DatasetRow datasetRow = datasetLookup.find(key, null).orElseThrow();
    ListPage page = new ListPage(0, 10, false);

    ArtifactRow byTag = artifactLookup.findByTag(tag).orElseThrow();
    assertThat(byTag.key()).isEqualTo(artifact);
    assertThat(byTag.datasetUuid()).isEqualTo(datasetRow.uuid());
    assertThat(byTag.data()).extracting(ArtifactRow.Data::name).containsExactly("o0", "o1");
    assertThat(byTag.data()).allSatisfy(d -> assertThat(d.location()).contains("a1"));
    assertThat(byTag.partitions()).containsExactly(new ArtifactRow.Partition("region", "eu"));
    assertThat(byTag.tagNames()).containsExactly("t1", "t2");
    assertThat(MetadataMapper.fromColumn(byTag.serializedMetadata()).getKeyMapMap())
        .containsEntry("exec-attempt", "0");
    assertThat(byTag.createdAt()).isNotNull();

    assertThat(artifactLookup.findByKey(artifact))
        .get()
        .usingRecursiveComparison()
        .isEqualTo(byTag);
    assertThat(artifactLookup.findNewestById("a1"))
        .get()
        .usingRecursiveComparison()
        .isEqualTo(byTag);
    assertThat(artifactLookup.list(datasetRow.uuid(), List.of(), page))
        .singleElement()
        .usingRecursiveComparison()
        .isEqualTo(byTag);
    assertThat(
            artifactLookup.list(
                datasetRow.uuid(),
                List.of(
                    new ListFilter.TagName("t1"), new ListFilter.PartitionValue("region", "eu")),
                page))
        .singleElement()
        .usingRecursiveComparison()
        .isEqualTo(byTag);
    assertThat(artifactLookup.list(datasetRow.uuid(), List.of(), new ListPage(0, 0, false)))
        .isEmpty();

    assertThat(datasetRow.key()).isEqualTo(key);
    assertThat(datasetRow.partitionKeys()).containsExactly("region");
    assertThat(datasetLookup.find(key, datasetRow.uuid()))
        .get()
        .usingRecursiveComparison()
        .isEqualTo(datasetRow);
    assertThat(
            datasetLookup.list(
                List.of(
                    new ListFilter.DatasetField(ListFilter.Field.PROJECT, key.project()),
                    new ListFilter.DatasetField(ListFilter.Field.NAME, key.name())),
                page))
        .singleElement()
        .usingRecursiveComparison()
        .isEqualTo(datasetRow);

    assertThat(artifactLookup.findByTag(TagKey.of(key, "missing"))).isEmpty();
    assertThat(datasetLookup.find(key, java.util.UUID.randomUUID())).isEmpty();
  }

  @Test
  void everyHotStatementIsServedByIndexes() {
    Map<String, Object> params =
        Map.of(
            "project", dataset.getProject(),
            "name", dataset.getName(),
            "domain", dataset.getDomain(),
            "version", dataset.getVersion(),
            "tag", "t1",
            "artifactId", "a1",
            "owner", "o",
            "uuid", java.util.UUID.randomUUID());

    for (String sql :
        List.of(
            ArtifactLookupRepository.SELECT_BY_TAG,
            ArtifactLookupRepository.SELECT_BY_KEY,
            ArtifactLookupRepository.SELECT_NEWEST_BY_ID,
            DatasetLookupRepository.SELECT_BY_KEY,
            DatasetLookupRepository.SELECT_BY_KEY + " AND d.uuid = :uuid",
            ReservationRepository.SELECT,
            ReservationRepository.RELEASE)) {
      assertThat(plan(sql, params)).as(sql).doesNotContain("Seq Scan").contains("Index");
    }
  }

  @Test
  void theListingsAreServedByIndexes() {
    ListPage page = new ListPage(0, 50, false);
    java.util.UUID uuid = java.util.UUID.randomUUID();
    for (List<ListFilter> filters :
        List.<List<ListFilter>>of(
            List.of(),
            List.of(new ListFilter.TagName("t1")),
            List.of(new ListFilter.PartitionValue("region", "eu")))) {
      Map<String, Object> params = new java.util.HashMap<>();
      String sql = ArtifactLookupRepository.listSql(uuid, filters, page, params);
      assertThat(plan(sql, params)).as(sql).doesNotContain("Seq Scan").contains("Index");
    }
    for (List<ListFilter> filters :
        List.<List<ListFilter>>of(
            List.of(),
            List.of(new ListFilter.DatasetField(ListFilter.Field.PROJECT, dataset.getProject())))) {
      Map<String, Object> params = new java.util.HashMap<>();
      String sql = DatasetLookupRepository.listSql(filters, page, params);
      assertThat(plan(sql, params)).as(sql).doesNotContain("Seq Scan").contains("Index");
    }
  }

  private String plan(String sql, Map<String, Object> params) {
    return transactions.execute(
        status -> {
          jdbc.getJdbcTemplate().execute("SET LOCAL enable_seqscan = off");
          return String.join("\n", jdbc.queryForList("EXPLAIN " + sql, params, String.class));
        });
  }
}

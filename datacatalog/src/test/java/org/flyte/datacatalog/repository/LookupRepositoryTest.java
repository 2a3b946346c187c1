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
import org.flyte.datacatalog.repository.entity.ArtifactKey;
import org.flyte.datacatalog.repository.entity.DatasetKey;
import org.flyte.datacatalog.repository.entity.TagKey;
import org.flyte.datacatalog.repository.mapper.DatasetMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hot lookups: the JdbcClient statements return exactly what the JPA way returns, and every
 * statement is served by indexes (planned with sequential scans disabled, a plan that still scans a
 * table sequentially has no index to use).
 */
@LocalStorage
class LookupRepositoryTest {

  @Autowired Environment environment;
  @Autowired ArtifactLookupRepository artifactLookup;
  @Autowired ArtifactGraphRepository artifactGraph;
  @Autowired DatasetLookupRepository datasetLookup;
  @Autowired DatasetGraphRepository datasetGraph;
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
  void theJdbcLookupsReturnWhatTheJpaWayReturns() {
    DatasetKey key = DatasetMapper.key(dataset);
    TagKey tag = TagKey.of(key, "t2");
    ArtifactKey artifact = ArtifactKey.of(key, "a1");

    assertThat(artifactLookup.findByTag(tag))
        .get()
        .usingRecursiveComparison()
        .isEqualTo(artifactGraph.findByTag(tag).orElseThrow());
    assertThat(artifactLookup.findByKey(artifact))
        .get()
        .usingRecursiveComparison()
        .isEqualTo(artifactGraph.findByKey(artifact).orElseThrow());
    assertThat(artifactLookup.findNewestById("a1"))
        .get()
        .usingRecursiveComparison()
        .isEqualTo(artifactGraph.findNewestById("a1").orElseThrow());
    assertThat(datasetLookup.find(key, null))
        .get()
        .usingRecursiveComparison()
        .isEqualTo(datasetGraph.find(key).orElseThrow());
    assertThat(artifactLookup.findByTag(tag).orElseThrow().tagNames()).containsExactly("t1", "t2");
    assertThat(artifactLookup.findByTag(TagKey.of(key, "missing"))).isEmpty();
    assertThat(artifactGraph.findByTag(TagKey.of(key, "missing"))).isEmpty();
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

  private String plan(String sql, Map<String, Object> params) {
    return transactions.execute(
        status -> {
          jdbc.getJdbcTemplate().execute("SET LOCAL enable_seqscan = off");
          return String.join("\n", jdbc.queryForList("EXPLAIN " + sql, params, String.class));
        });
  }
}

package org.flyte.bench.datacatalog;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flyte.bench.load.LoadDriver;
import org.flyte.datacatalog.repository.ArtifactLookupRepository;
import org.flyte.datacatalog.repository.DatasetLookupRepository;
import org.flyte.datacatalog.repository.ReservationRepository;
import org.flyte.datacatalog.repository.TagRepository;
import org.flyte.datacatalog.repository.row.DatasetKey;
import org.flyte.datacatalog.repository.row.TagKey;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hot paths below gRPC: each repository statement the service runs for them (JdbcClient,
 * docs/adr/0040-datacatalog-without-jpa.md), in-process against the seeded database, in the same
 * run as the gRPC phases.
 */
final class RepositoryLoad {

  private final ArtifactLookupRepository artifacts;
  private final DatasetLookupRepository datasetLookup;
  private final ReservationRepository reservations;
  private final TagRepository tags;
  private final JdbcClient jdbc;
  private final int datasets;
  private final int hot;

  RepositoryLoad(ApplicationContext app, int datasets, int hot) {
    this.artifacts = app.getBean(ArtifactLookupRepository.class);
    this.datasetLookup = app.getBean(DatasetLookupRepository.class);
    this.reservations = app.getBean(ReservationRepository.class);
    this.tags = app.getBean(TagRepository.class);
    this.jdbc = app.getBean(JdbcClient.class);
    this.datasets = datasets;
    this.hot = hot;
  }

  List<LoadDriver.Result> run(LoadDriver driver, int threads) throws Exception {
    List<LoadDriver.Result> results = new ArrayList<>();
    results.add(
        driver.blocking(
            "Tag hit: 1 statement",
            threads,
            () -> require(artifacts.findByTag(hitTag()).isPresent())));
    results.add(
        driver.blocking(
            "Tag miss: 1 statement",
            threads,
            () -> require(artifacts.findByTag(missTag()).isEmpty())));
    results.add(
        driver.blocking(
            "GetDataset: 1 statement",
            threads,
            () -> require(datasetLookup.find(datasetKey(), null).isPresent())));
    results.add(driver.blocking("AddTag insert", threads, this::tag));
    results.add(driver.blocking("Reservation upsert", threads, this::reserve));
    cleanUp();
    return results;
  }

  private TagKey hitTag() {
    int d = DataCatalogLoad.random(datasets);
    return TagKey.of(datasetKey(d), CatalogSeeder.tagName(d, DataCatalogLoad.random(hot)));
  }

  private TagKey missTag() {
    return TagKey.of(datasetKey(), "flyte_cached-miss-" + UUID.randomUUID());
  }

  private DatasetKey datasetKey() {
    return datasetKey(DataCatalogLoad.random(datasets));
  }

  private static DatasetKey datasetKey(int d) {
    return new DatasetKey(
        CatalogSeeder.PROJECT,
        CatalogSeeder.datasetName(d),
        CatalogSeeder.DOMAIN,
        CatalogSeeder.VERSION);
  }

  private void tag() {
    TagKey key = TagKey.of(datasetKey(), "flyte_cached-cmp-" + UUID.randomUUID());
    tags.insert(key, "a-0-0", UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MICROS));
  }

  /** Removes the tags that the insert phase added. */
  void cleanUp() {
    jdbc.sql("DELETE FROM tags WHERE tag_name LIKE 'flyte_cached-cmp-%'").update();
  }

  private void reserve() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    reservations.acquireOrExtend(
        TagKey.of(datasetKey(), "flyte_cached-r" + DataCatalogLoad.random(1000)),
        "owner-" + DataCatalogLoad.random(2),
        now,
        now.plusSeconds(30));
  }

  private static void require(boolean ok) {
    if (!ok) {
      throw new IllegalStateException("unexpected lookup result");
    }
  }
}

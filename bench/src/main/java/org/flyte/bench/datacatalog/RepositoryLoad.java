package org.flyte.bench.datacatalog;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flyte.bench.load.LoadDriver;
import org.flyte.datacatalog.repository.ArtifactGraphRepository;
import org.flyte.datacatalog.repository.ArtifactLookupRepository;
import org.flyte.datacatalog.repository.DatasetGraphRepository;
import org.flyte.datacatalog.repository.DatasetLookupRepository;
import org.flyte.datacatalog.repository.ReservationRepository;
import org.flyte.datacatalog.repository.TagRepository;
import org.flyte.datacatalog.repository.entity.DatasetKey;
import org.flyte.datacatalog.repository.entity.TagEntity;
import org.flyte.datacatalog.repository.entity.TagKey;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The persistence decision, measured: each hot path the JdbcClient way (what the service uses) and
 * the JPA way (Spring Data repositories and entities, as {@link ArtifactGraphRepository} and {@link
 * DatasetGraphRepository} do it; for the reservation upsert, the same native statement through the
 * EntityManager), in-process against the seeded database, in the same run.
 */
final class PersistenceComparison {

  private final ArtifactLookupRepository artifactJdbc;
  private final ArtifactGraphRepository artifactJpa;
  private final DatasetLookupRepository datasetJdbc;
  private final DatasetGraphRepository datasetJpa;
  private final ReservationRepository reservationJdbc;
  private final EntityManager entityManager;
  private final TagRepository tags;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final int datasets;
  private final int hot;

  PersistenceComparison(ApplicationContext app, int datasets, int hot) {
    this.artifactJdbc = app.getBean(ArtifactLookupRepository.class);
    this.artifactJpa = app.getBean(ArtifactGraphRepository.class);
    this.datasetJdbc = app.getBean(DatasetLookupRepository.class);
    this.datasetJpa = app.getBean(DatasetGraphRepository.class);
    this.reservationJdbc = app.getBean(ReservationRepository.class);
    this.entityManager =
        SharedEntityManagerCreator.createSharedEntityManager(
            app.getBean(EntityManagerFactory.class));
    this.transactions = app.getBean(TransactionTemplate.class);
    this.tags = app.getBean(TagRepository.class);
    this.jdbc = app.getBean(JdbcClient.class);
    this.datasets = datasets;
    this.hot = hot;
  }

  List<LoadDriver.Result> run(LoadDriver driver, int threads) throws Exception {
    List<LoadDriver.Result> results = new ArrayList<>();
    results.add(
        driver.blocking(
            "Tag hit: JdbcClient, 1 statement",
            threads,
            () -> require(artifactJdbc.findByTag(hitTag()).isPresent())));
    results.add(
        driver.blocking(
            "Tag hit: JPA, 5 queries in a read-only transaction",
            threads,
            () -> require(artifactJpa.findByTag(hitTag()).isPresent())));
    results.add(
        driver.blocking(
            "Tag miss: JdbcClient",
            threads,
            () -> require(artifactJdbc.findByTag(missTag()).isEmpty())));
    results.add(
        driver.blocking(
            "Tag miss: JPA", threads, () -> require(artifactJpa.findByTag(missTag()).isEmpty())));
    results.add(
        driver.blocking(
            "GetDataset: JdbcClient, 1 statement",
            threads,
            () -> require(datasetJdbc.find(datasetKey(), null).isPresent())));
    results.add(
        driver.blocking(
            "GetDataset: JPA, 2 queries in a read-only transaction",
            threads,
            () -> require(datasetJpa.find(datasetKey()).isPresent())));
    results.add(driver.blocking("AddTag insert: JdbcClient", threads, () -> tagJdbc()));
    results.add(
        driver.blocking(
            "AddTag insert: JPA saveAndFlush (the service's way)", threads, () -> tagJpa()));
    results.add(driver.blocking("Reservation upsert: JdbcClient", threads, () -> reserveJdbc()));
    results.add(
        driver.blocking(
            "Reservation upsert: JPA native query in a transaction", threads, () -> reserveJpa()));
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

  private void tagJdbc() {
    TagKey key = TagKey.of(datasetKey(), "flyte_cached-cmp-" + UUID.randomUUID());
    jdbc.sql(
            "INSERT INTO tags (created_at, updated_at, dataset_project, dataset_name, dataset_domain,"
                + " dataset_version, tag_name, artifact_id, dataset_uuid)"
                + " VALUES (:now, :now, :project, :name, :domain, :version, :tag, :artifact, :uuid)")
        .param("now", OffsetDateTime.now(ZoneOffset.UTC))
        .param("project", key.datasetProject())
        .param("name", key.datasetName())
        .param("domain", key.datasetDomain())
        .param("version", key.datasetVersion())
        .param("tag", key.tagName())
        .param("artifact", "a-0-0")
        .param("uuid", UUID.randomUUID())
        .update();
  }

  private void tagJpa() {
    TagKey key = TagKey.of(datasetKey(), "flyte_cached-cmp-" + UUID.randomUUID());
    tags.saveAndFlush(new TagEntity(key, "a-0-0", UUID.randomUUID(), Instant.now()));
  }

  /** Removes the tags that the insert comparison added. */
  void cleanUp() {
    jdbc.sql("DELETE FROM tags WHERE tag_name LIKE 'flyte_cached-cmp-%'").update();
  }

  private TagKey reservationKey() {
    return TagKey.of(datasetKey(), "flyte_cached-r" + DataCatalogLoad.random(1000));
  }

  private void reserveJdbc() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    reservationJdbc.acquireOrExtend(
        reservationKey(), "owner-" + DataCatalogLoad.random(2), now, now.plusSeconds(30));
  }

  private void reserveJpa() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    TagKey key = reservationKey();
    transactions.executeWithoutResult(
        status ->
            entityManager
                .createNativeQuery(ReservationRepository.ACQUIRE)
                .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter(
                    "expiresAt", OffsetDateTime.ofInstant(now.plusSeconds(30), ZoneOffset.UTC))
                .setParameter("project", key.datasetProject())
                .setParameter("name", key.datasetName())
                .setParameter("domain", key.datasetDomain())
                .setParameter("version", key.datasetVersion())
                .setParameter("tag", key.tagName())
                .setParameter("owner", "owner-" + DataCatalogLoad.random(2))
                .getResultList());
  }

  private static void require(boolean ok) {
    if (!ok) {
      throw new IllegalStateException("unexpected lookup result");
    }
  }
}

package org.flyte.datacatalog.repository;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.flyte.datacatalog.repository.row.ArtifactKey;
import org.flyte.datacatalog.repository.row.ArtifactRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes of {@code artifacts}, {@code artifact_data} and {@code partitions}: CreateArtifact and
 * UpdateArtifact. Reads are {@link ArtifactLookupRepository}'s.
 *
 * <p>Follows {@code Create} and {@code Update} in {@code
 * datacatalog/pkg/repositories/gormimpl/artifact.go} (v1.16.8). A duplicate artifact is a unique
 * violation, which leaves this repository as ALREADY_EXISTS (docs/adr/0014).
 */
@Repository
public class ArtifactRepository {

  static final String EXISTS =
      """
      SELECT EXISTS (SELECT 1 FROM artifacts
                     WHERE dataset_project = :project AND dataset_name = :name
                       AND dataset_domain = :domain AND dataset_version = :version
                       AND artifact_id = :artifactId)
      """;

  static final String INSERT =
      """
      INSERT INTO artifacts (created_at, updated_at, dataset_project, dataset_name, dataset_domain,
                             dataset_version, artifact_id, dataset_uuid, serialized_metadata)
      VALUES (:now, :now, :project, :name, :domain, :version, :artifactId, :datasetUuid, :metadata)
      """;

  static final String INSERT_PARTITION =
      """
      INSERT INTO partitions (created_at, updated_at, dataset_uuid, key, value, artifact_id)
      VALUES (:now, :now, :datasetUuid, :key, :value, :artifactId)
      ON CONFLICT DO NOTHING
      """;

  /**
   * A data row stays as it is when the artifact has one of that name: UpdateArtifact overwrites
   * blobs in place, and CreateArtifact keeps the first of two outputs with one name, as Flyte's
   * GORM association insert does.
   */
  static final String INSERT_DATA =
      """
      INSERT INTO artifact_data (created_at, updated_at, dataset_project, dataset_name,
                                 dataset_domain, dataset_version, artifact_id, name, location)
      VALUES (:now, :now, :project, :name, :domain, :version, :artifactId, :dataName, :location)
      ON CONFLICT DO NOTHING
      """;

  static final String UPDATE_METADATA =
      """
      UPDATE artifacts SET serialized_metadata = :metadata, updated_at = :now
      WHERE dataset_project = :project AND dataset_name = :name AND dataset_domain = :domain
        AND dataset_version = :version AND artifact_id = :artifactId
      """;

  static final String DELETE_OTHER_DATA =
      """
      DELETE FROM artifact_data
      WHERE dataset_project = :project AND dataset_name = :name AND dataset_domain = :domain
        AND dataset_version = :version AND artifact_id = :artifactId AND name NOT IN (:keep)
      """;

  private final JdbcClient jdbc;

  public ArtifactRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether the artifact exists. */
  public boolean exists(ArtifactKey key) {
    return Boolean.TRUE.equals(keyed(jdbc.sql(EXISTS), key).query(Boolean.class).single());
  }

  /**
   * Inserts an artifact with its data rows and partitions, in the caller's transaction (which
   * CreateArtifact keeps open while it writes the blobs). Request order is creation order: data
   * rows, and partitions, one microsecond apart. A duplicate artifact fails at the first statement;
   * a repeated output name or partition in one request is kept once, as in Flyte.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void insert(
      ArtifactKey key,
      UUID datasetUuid,
      byte[] serializedMetadata,
      List<ArtifactRow.Data> data,
      List<ArtifactRow.Partition> partitions,
      Instant now) {
    keyed(jdbc.sql(INSERT), key)
        .param("now", Timestamps.utc(now))
        .param("datasetUuid", datasetUuid)
        .param("metadata", serializedMetadata)
        .update();
    insertData(key, data, now);
    for (int i = 0; i < partitions.size(); i++) {
      jdbc.sql(INSERT_PARTITION)
          .param("now", Timestamps.utc(now.plus(i, ChronoUnit.MICROS)))
          .param("datasetUuid", datasetUuid)
          .param("key", partitions.get(i).key())
          .param("value", partitions.get(i).value())
          .param("artifactId", key.artifactId())
          .update();
    }
  }

  /**
   * UpdateArtifact's rows, in one transaction: replaces the metadata, deletes the data rows whose
   * names are not in {@code data} and adds those the artifact does not have yet. Returns false when
   * the artifact does not exist.
   */
  @Transactional
  public boolean update(
      ArtifactKey key, byte[] serializedMetadata, List<ArtifactRow.Data> data, Instant now) {
    int updated =
        keyed(jdbc.sql(UPDATE_METADATA), key)
            .param("metadata", serializedMetadata)
            .param("now", Timestamps.utc(now))
            .update();
    if (updated == 0) {
      return false;
    }
    keyed(jdbc.sql(DELETE_OTHER_DATA), key)
        .param("keep", data.stream().map(ArtifactRow.Data::name).distinct().toList())
        .update();
    insertData(key, data, now);
    return true;
  }

  private void insertData(ArtifactKey key, List<ArtifactRow.Data> data, Instant now) {
    for (int i = 0; i < data.size(); i++) {
      keyed(jdbc.sql(INSERT_DATA), key)
          .param("now", Timestamps.utc(now.plus(i, ChronoUnit.MICROS)))
          .param("dataName", data.get(i).name())
          .param("location", data.get(i).location())
          .update();
    }
  }

  private static JdbcClient.StatementSpec keyed(
      JdbcClient.StatementSpec statement, ArtifactKey key) {
    return statement
        .param("project", key.datasetProject())
        .param("name", key.datasetName())
        .param("domain", key.datasetDomain())
        .param("version", key.datasetVersion())
        .param("artifactId", key.artifactId());
  }
}

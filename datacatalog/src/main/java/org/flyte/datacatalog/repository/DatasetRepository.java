package org.flyte.datacatalog.repository;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.flyte.datacatalog.repository.row.DatasetKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes of {@code datasets} and {@code partition_keys}: CreateDataset. Reads are {@link
 * DatasetLookupRepository}'s.
 *
 * <p>Follows {@code Create} in {@code datacatalog/pkg/repositories/gormimpl/dataset.go} (v1.16.8):
 * the dataset and its partition keys in one transaction; a duplicate key or uuid is a unique
 * violation, which leaves this repository as ALREADY_EXISTS (docs/adr/0014).
 */
@Repository
public class DatasetRepository {

  static final String INSERT =
      """
      INSERT INTO datasets (created_at, updated_at, project, name, domain, version, uuid,
                            serialized_metadata)
      VALUES (:now, :now, :project, :name, :domain, :version, :uuid, :metadata)
      """;

  static final String INSERT_PARTITION_KEY =
      """
      INSERT INTO partition_keys (created_at, updated_at, dataset_uuid, name)
      VALUES (:createdAt, :createdAt, :uuid, :name)
      """;

  private final JdbcClient jdbc;

  public DatasetRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Inserts a dataset and its partition keys, created at {@code now}. Declaration order is creation
   * order: the keys are one microsecond apart.
   */
  @Transactional
  public void insert(
      DatasetKey key,
      UUID uuid,
      byte[] serializedMetadata,
      List<String> partitionKeys,
      Instant now) {
    jdbc.sql(INSERT)
        .param("now", Timestamps.utc(now))
        .param("project", key.project())
        .param("name", key.name())
        .param("domain", key.domain())
        .param("version", key.version())
        .param("uuid", uuid)
        .param("metadata", serializedMetadata)
        .update();
    for (int i = 0; i < partitionKeys.size(); i++) {
      jdbc.sql(INSERT_PARTITION_KEY)
          .param("createdAt", Timestamps.utc(now.plus(i, ChronoUnit.MICROS)))
          .param("uuid", uuid)
          .param("name", partitionKeys.get(i))
          .update();
    }
  }
}

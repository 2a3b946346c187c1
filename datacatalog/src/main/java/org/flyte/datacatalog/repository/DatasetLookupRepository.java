package org.flyte.datacatalog.repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flyte.datacatalog.repository.entity.DatasetKey;
import org.flyte.datacatalog.repository.entity.DatasetRow;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * GetDataset's lookup on the hot path (every cacheable task start): one statement, one primary-key
 * probe of {@code datasets} plus the partition keys from the {@code partition_keys} key prefix.
 * JdbcClient rather than JPA: see docs/adr/0008-datacatalog-persistence.md for the figures.
 *
 * <p>Follows {@code Get} in {@code datacatalog/pkg/repositories/gormimpl/dataset.go} (v1.16.8).
 */
@Repository
public class DatasetLookupRepository {

  public static final String SELECT_BY_KEY =
      """
      SELECT d.project, d.name, d.domain, d.version, d.uuid, d.serialized_metadata,
             ARRAY(SELECT k.name FROM partition_keys k WHERE k.dataset_uuid = d.uuid
                   ORDER BY k.created_at, k.name) AS partition_keys
      FROM datasets d
      WHERE d.project = :project AND d.name = :name AND d.domain = :domain AND d.version = :version
      """;

  private final JdbcClient jdbc;

  public DatasetLookupRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The dataset with this key (and this uuid, when one is given). */
  public Optional<DatasetRow> find(DatasetKey key, @Nullable UUID uuid) {
    String sql = uuid == null ? SELECT_BY_KEY : SELECT_BY_KEY + " AND d.uuid = :uuid";
    JdbcClient.StatementSpec statement =
        jdbc.sql(sql)
            .param("project", key.project())
            .param("name", key.name())
            .param("domain", key.domain())
            .param("version", key.version());
    if (uuid != null) {
      statement = statement.param("uuid", uuid);
    }
    return statement.query(DatasetLookupRepository::row).optional();
  }

  private static DatasetRow row(ResultSet rs, int rowNum) throws SQLException {
    return new DatasetRow(
        new DatasetKey(
            rs.getString("project"),
            rs.getString("name"),
            rs.getString("domain"),
            rs.getString("version")),
        rs.getObject("uuid", UUID.class),
        rs.getBytes("serialized_metadata"),
        strings(rs.getArray("partition_keys")));
  }

  static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return Arrays.asList((String[]) array.getArray());
  }
}

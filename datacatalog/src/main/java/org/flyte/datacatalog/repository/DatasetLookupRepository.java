package org.flyte.datacatalog.repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flyte.datacatalog.repository.row.DatasetKey;
import org.flyte.datacatalog.repository.row.DatasetRow;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads of datasets. GetDataset's lookup on the hot path (every cacheable task start): one
 * statement, one primary-key probe of {@code datasets} plus the partition keys from the {@code
 * partition_keys} key prefix (docs/adr/0008-datacatalog-persistence.md). ListDatasets: one page of
 * the datasets that pass every filter, with their partition keys, also in one statement.
 *
 * <p>Follows {@code Get} and {@code List} in {@code
 * datacatalog/pkg/repositories/gormimpl/dataset.go} (v1.16.8).
 */
@Repository
public class DatasetLookupRepository {

  private static final String COLUMNS =
      """
      SELECT d.project, d.name, d.domain, d.version, d.uuid, d.serialized_metadata,
             ARRAY(SELECT k.name FROM partition_keys k WHERE k.dataset_uuid = d.uuid
                   ORDER BY k.created_at, k.name) AS partition_keys
      FROM datasets d
      """;

  public static final String SELECT_BY_KEY =
      COLUMNS
          + """
          WHERE d.project = :project AND d.name = :name AND d.domain = :domain
            AND d.version = :version
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

  /** One page of the datasets that pass every filter. */
  public List<DatasetRow> list(List<ListFilter> filters, ListPage page) {
    if (page.limit() == 0) {
      return List.of(); // Flyte's LIMIT 0: an empty page
    }
    Map<String, Object> params = new HashMap<>();
    return jdbc.sql(listSql(filters, page, params))
        .params(params)
        .query(DatasetLookupRepository::row)
        .list();
  }

  /** ListDatasets' statement; puts its parameters' values in {@code params}. */
  static String listSql(List<ListFilter> filters, ListPage page, Map<String, Object> params) {
    StringBuilder sql = new StringBuilder(COLUMNS).append("WHERE true");
    for (int i = 0; i < filters.size(); i++) {
      if (!(filters.get(i) instanceof ListFilter.DatasetField f)) {
        throw new IllegalArgumentException("datasets cannot be filtered by " + filters.get(i));
      }
      sql.append(" AND d.").append(f.field().column()).append(" = :f").append(i);
      params.put("f" + i, f.value());
    }
    sql.append(page.orderByCreationAndLimit("d.created_at", "d.uuid"));
    params.putAll(page.limitParams());
    return sql.toString();
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

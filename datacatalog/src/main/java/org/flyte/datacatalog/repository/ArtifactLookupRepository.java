package org.flyte.datacatalog.repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flyte.datacatalog.repository.row.ArtifactKey;
import org.flyte.datacatalog.repository.row.ArtifactRow;
import org.flyte.datacatalog.repository.row.TagKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads of artifacts. GetArtifact's lookups, the hottest read of the control plane: an artifact
 * found by tag (one primary-key probe of {@code tags}, one of {@code artifacts}) or by id, with its
 * data locations, partitions and tags, in one statement and one round trip; a miss is a single
 * index probe that finds nothing (docs/adr/0008-datacatalog-persistence.md). ListArtifacts: one
 * page of a dataset's artifacts that pass every filter, with the same child rows, also in one
 * statement.
 *
 * <p>Follows {@code Get} in {@code datacatalog/pkg/repositories/gormimpl/tag.go} and {@code
 * artifact.go}, which load the same rows with five queries, and {@code List} in {@code artifact.go}
 * and {@code list.go} (v1.16.8). A tag filter joins {@code tags} on the artifact id <em>and</em>
 * the dataset (Flyte joins on the artifact id alone, which matches other datasets' tags).
 */
@Repository
public class ArtifactLookupRepository {

  private static final String COLUMNS =
      """
      SELECT a.dataset_project, a.dataset_name, a.dataset_domain, a.dataset_version, a.artifact_id,
             a.dataset_uuid, a.serialized_metadata, a.created_at,
             ARRAY(SELECT ARRAY[d.name, d.location] FROM artifact_data d
                   WHERE d.dataset_project = a.dataset_project AND d.dataset_name = a.dataset_name
                     AND d.dataset_domain = a.dataset_domain AND d.dataset_version = a.dataset_version
                     AND d.artifact_id = a.artifact_id
                   ORDER BY d.created_at, d.name) AS data,
             ARRAY(SELECT ARRAY[p.key, p.value] FROM partitions p
                   WHERE p.dataset_uuid = a.dataset_uuid AND p.artifact_id = a.artifact_id
                   ORDER BY p.created_at, p.key) AS partitions,
             ARRAY(SELECT t.tag_name FROM tags t
                   WHERE t.dataset_uuid = a.dataset_uuid AND t.artifact_id = a.artifact_id
                   ORDER BY t.created_at, t.tag_name) AS tags
      """;

  public static final String SELECT_BY_TAG =
      COLUMNS
          + """
          FROM tags g
          JOIN artifacts a ON a.dataset_project = g.dataset_project
            AND a.dataset_name = g.dataset_name AND a.dataset_domain = g.dataset_domain
            AND a.dataset_version = g.dataset_version AND a.artifact_id = g.artifact_id
          WHERE g.dataset_project = :project AND g.dataset_name = :name
            AND g.dataset_domain = :domain AND g.dataset_version = :version
            AND g.tag_name = :tag
          """;

  public static final String SELECT_BY_KEY =
      COLUMNS
          + """
          FROM artifacts a
          WHERE a.dataset_project = :project AND a.dataset_name = :name
            AND a.dataset_domain = :domain AND a.dataset_version = :version
            AND a.artifact_id = :artifactId
          """;

  public static final String SELECT_NEWEST_BY_ID =
      COLUMNS
          + """
          FROM artifacts a WHERE a.artifact_id = :artifactId
          ORDER BY a.created_at DESC LIMIT 1
          """;

  private final JdbcClient jdbc;

  public ArtifactLookupRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The artifact that the tag points at; empty when the tag (or its artifact) does not exist. */
  public Optional<ArtifactRow> findByTag(TagKey tag) {
    return jdbc.sql(SELECT_BY_TAG)
        .param("project", tag.datasetProject())
        .param("name", tag.datasetName())
        .param("domain", tag.datasetDomain())
        .param("version", tag.datasetVersion())
        .param("tag", tag.tagName())
        .query(ArtifactLookupRepository::row)
        .optional();
  }

  /** The artifact with this key. */
  public Optional<ArtifactRow> findByKey(ArtifactKey key) {
    return jdbc.sql(SELECT_BY_KEY)
        .param("project", key.datasetProject())
        .param("name", key.datasetName())
        .param("domain", key.datasetDomain())
        .param("version", key.datasetVersion())
        .param("artifactId", key.artifactId())
        .query(ArtifactLookupRepository::row)
        .optional();
  }

  /** The newest artifact with this id in any dataset (a lookup without a dataset, as Flyte's). */
  public Optional<ArtifactRow> findNewestById(String artifactId) {
    return jdbc.sql(SELECT_NEWEST_BY_ID)
        .param("artifactId", artifactId)
        .query(ArtifactLookupRepository::row)
        .optional();
  }

  /** One page of a dataset's artifacts that pass every filter. */
  public List<ArtifactRow> list(UUID datasetUuid, List<ListFilter> filters, ListPage page) {
    if (page.limit() == 0) {
      return List.of(); // Flyte's LIMIT 0: an empty page
    }
    Map<String, Object> params = new HashMap<>();
    return jdbc.sql(listSql(datasetUuid, filters, page, params))
        .params(params)
        .query(ArtifactLookupRepository::row)
        .list();
  }

  /** ListArtifacts' statement; puts its parameters' values in {@code params}. */
  static String listSql(
      UUID datasetUuid, List<ListFilter> filters, ListPage page, Map<String, Object> params) {
    StringBuilder sql = new StringBuilder(COLUMNS).append("FROM artifacts a");
    StringBuilder where = new StringBuilder(" WHERE a.dataset_uuid = :datasetUuid");
    params.put("datasetUuid", datasetUuid);
    for (int i = 0; i < filters.size(); i++) {
      ListFilter filter = filters.get(i);
      if (filter instanceof ListFilter.TagName t) {
        sql.append(" JOIN tags t%d ON t%d.artifact_id = a.artifact_id".formatted(i, i))
            .append(" AND t%d.dataset_uuid = a.dataset_uuid".formatted(i));
        where.append(" AND t%d.tag_name = :tag%d".formatted(i, i));
        params.put("tag" + i, t.tagName());
      } else if (filter instanceof ListFilter.PartitionValue p) {
        sql.append(" JOIN partitions p%d ON p%d.artifact_id = a.artifact_id".formatted(i, i))
            .append(" AND p%d.dataset_uuid = a.dataset_uuid".formatted(i));
        where.append(" AND p%d.key = :key%d AND p%d.value = :value%d".formatted(i, i, i, i));
        params.put("key" + i, p.key());
        params.put("value" + i, p.value());
      } else {
        throw new IllegalArgumentException("artifacts cannot be filtered by " + filter);
      }
    }
    sql.append(where).append(page.orderByCreationAndLimit("a.created_at", "a.artifact_id"));
    params.putAll(page.limitParams());
    return sql.toString();
  }

  private static ArtifactRow row(ResultSet rs, int rowNum) throws SQLException {
    List<ArtifactRow.Data> data = new ArrayList<>();
    for (String[] pair : pairs(rs.getArray("data"))) {
      data.add(new ArtifactRow.Data(pair[0], pair[1]));
    }
    List<ArtifactRow.Partition> partitions = new ArrayList<>();
    for (String[] pair : pairs(rs.getArray("partitions"))) {
      partitions.add(new ArtifactRow.Partition(pair[0], pair[1]));
    }
    return new ArtifactRow(
        new ArtifactKey(
            rs.getString("dataset_project"),
            rs.getString("dataset_name"),
            rs.getString("dataset_domain"),
            rs.getString("dataset_version"),
            rs.getString("artifact_id")),
        rs.getObject("dataset_uuid", UUID.class),
        rs.getBytes("serialized_metadata"),
        Timestamps.instant(rs, "created_at"),
        data,
        partitions,
        DatasetLookupRepository.strings(rs.getArray("tags")));
  }

  /** A two-dimensional text array as rows of two; an empty array has no dimensions at all. */
  private static String[][] pairs(Array array) throws SQLException {
    if (array == null) {
      return new String[0][];
    }
    Object value = array.getArray();
    return value instanceof String[][] rows ? rows : new String[0][];
  }
}

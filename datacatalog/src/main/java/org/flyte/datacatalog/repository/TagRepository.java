package org.flyte.datacatalog.repository;

import java.time.Instant;
import java.util.UUID;
import org.flyte.datacatalog.repository.row.TagKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes of {@code tags}: AddTag. A tag never moves, so an existing name is a unique violation,
 * which leaves this repository as ALREADY_EXISTS (docs/adr/0014). Follows {@code Create} in {@code
 * datacatalog/pkg/repositories/gormimpl/tag.go} (v1.16.8); tags are read with their artifact by
 * {@link ArtifactLookupRepository}.
 */
@Repository
public class TagRepository {

  static final String INSERT =
      """
      INSERT INTO tags (created_at, updated_at, dataset_project, dataset_name, dataset_domain,
                        dataset_version, tag_name, artifact_id, dataset_uuid)
      VALUES (:now, :now, :project, :name, :domain, :version, :tag, :artifactId, :datasetUuid)
      """;

  private final JdbcClient jdbc;

  public TagRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the tag {@code key}, pointing at {@code artifactId} of the dataset {@code uuid}. */
  public void insert(TagKey key, String artifactId, UUID datasetUuid, Instant now) {
    jdbc.sql(INSERT)
        .param("now", Timestamps.utc(now))
        .param("project", key.datasetProject())
        .param("name", key.datasetName())
        .param("domain", key.datasetDomain())
        .param("version", key.datasetVersion())
        .param("tag", key.tagName())
        .param("artifactId", artifactId)
        .param("datasetUuid", datasetUuid)
        .update();
  }
}

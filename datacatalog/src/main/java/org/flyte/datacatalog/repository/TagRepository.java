package org.flyte.datacatalog.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.flyte.datacatalog.repository.entity.TagEntity;
import org.flyte.datacatalog.repository.entity.TagKey;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * {@code tags} through Spring Data JPA: inserts (a tag never moves). Follows {@code
 * datacatalog/pkg/repositories/gormimpl/tag.go} (v1.16.8).
 */
public interface TagRepository extends JpaRepository<TagEntity, TagKey> {

  /** The tags of these artifacts of one dataset, in creation order. */
  @Query(
      "select t from TagEntity t where t.datasetUuid = :datasetUuid"
          + " and t.artifactId in :artifactIds order by t.createdAt, t.id.tagName")
  List<TagEntity> findByArtifacts(
      @Param("datasetUuid") UUID datasetUuid, @Param("artifactIds") Collection<String> artifactIds);
}

package org.flyte.datacatalog.repository;

import java.util.List;
import org.flyte.datacatalog.repository.entity.ArtifactEntity;
import org.flyte.datacatalog.repository.entity.ArtifactKey;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * {@code artifacts} through Spring Data JPA: inserts and metadata updates. Follows {@code
 * datacatalog/pkg/repositories/gormimpl/artifact.go} (v1.16.8).
 */
public interface ArtifactRepository extends JpaRepository<ArtifactEntity, ArtifactKey> {

  /** Artifacts with this id in any dataset, newest first (Flyte's lookup without a dataset). */
  @Query(
      "select a from ArtifactEntity a where a.id.artifactId = :artifactId"
          + " order by a.createdAt desc")
  List<ArtifactEntity> findByArtifactId(@Param("artifactId") String artifactId, Limit limit);
}

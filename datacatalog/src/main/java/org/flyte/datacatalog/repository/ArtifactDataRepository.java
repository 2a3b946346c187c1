package org.flyte.datacatalog.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.flyte.datacatalog.repository.entity.ArtifactDataEntity;
import org.flyte.datacatalog.repository.entity.ArtifactDataKey;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** {@code artifact_data} through Spring Data JPA. */
public interface ArtifactDataRepository extends JpaRepository<ArtifactDataEntity, ArtifactDataKey> {

  /** The data rows of these artifacts of one dataset, in creation order. */
  @Query(
      "select d from ArtifactDataEntity d where d.id.artifact.datasetProject = :project"
          + " and d.id.artifact.datasetName = :name and d.id.artifact.datasetDomain = :domain"
          + " and d.id.artifact.datasetVersion = :version"
          + " and d.id.artifact.artifactId in :artifactIds order by d.createdAt, d.id.name")
  List<ArtifactDataEntity> findByArtifacts(
      @Param("project") String project,
      @Param("name") String name,
      @Param("domain") String domain,
      @Param("version") String version,
      @Param("artifactIds") Collection<String> artifactIds);

  /** Deletes the artifact's data rows whose names are not in {@code keep}. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query(
      "delete from ArtifactDataEntity d where d.id.artifact.datasetProject = :project"
          + " and d.id.artifact.datasetName = :name and d.id.artifact.datasetDomain = :domain"
          + " and d.id.artifact.datasetVersion = :version"
          + " and d.id.artifact.artifactId = :artifactId and d.id.name not in :keep")
  int deleteOthers(
      @Param("project") String project,
      @Param("name") String name,
      @Param("domain") String domain,
      @Param("version") String version,
      @Param("artifactId") String artifactId,
      @Param("keep") Collection<String> keep);

  /**
   * Adds a data row unless the artifact already has one of that name (its location is the same
   * path: UpdateArtifact overwrites blobs in place). Native: JPQL has no {@code ON CONFLICT}.
   */
  @Modifying
  @Query(
      nativeQuery = true,
      value =
          "INSERT INTO artifact_data (created_at, updated_at, dataset_project, dataset_name,"
              + " dataset_domain, dataset_version, artifact_id, name, location)"
              + " VALUES (:now, :now, :project, :name, :domain, :version, :artifactId,"
              + " :dataName, :location) ON CONFLICT DO NOTHING")
  int insertIfAbsent(
      @Param("now") Instant now,
      @Param("project") String project,
      @Param("name") String name,
      @Param("domain") String domain,
      @Param("version") String version,
      @Param("artifactId") String artifactId,
      @Param("dataName") String dataName,
      @Param("location") String location);
}

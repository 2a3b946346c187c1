package org.flyte.datacatalog.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.flyte.datacatalog.repository.entity.PartitionEntity;
import org.flyte.datacatalog.repository.entity.PartitionId;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** {@code partitions} through Spring Data JPA. */
public interface PartitionRepository extends JpaRepository<PartitionEntity, PartitionId> {

  /** The partitions of these artifacts of one dataset, in creation order. */
  @Query(
      "select p from PartitionEntity p where p.id.datasetUuid = :datasetUuid"
          + " and p.id.artifactId in :artifactIds order by p.createdAt, p.id.key")
  List<PartitionEntity> findByArtifacts(
      @Param("datasetUuid") UUID datasetUuid, @Param("artifactIds") Collection<String> artifactIds);
}

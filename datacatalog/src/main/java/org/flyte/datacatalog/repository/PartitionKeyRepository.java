package org.flyte.datacatalog.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.flyte.datacatalog.repository.entity.PartitionKeyEntity;
import org.flyte.datacatalog.repository.entity.PartitionKeyId;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** {@code partition_keys} through Spring Data JPA. */
public interface PartitionKeyRepository extends JpaRepository<PartitionKeyEntity, PartitionKeyId> {

  /** The partition keys of these datasets, each dataset's in declaration order. */
  @Query(
      "select k from PartitionKeyEntity k where k.id.datasetUuid in :uuids"
          + " order by k.createdAt, k.id.name")
  List<PartitionKeyEntity> findByDatasets(@Param("uuids") Collection<UUID> datasetUuids);
}

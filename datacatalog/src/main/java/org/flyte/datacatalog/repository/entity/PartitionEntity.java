package org.flyte.datacatalog.repository.entity;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code partitions}: one partition value of an artifact. Follows {@code
 * datacatalog/pkg/repositories/models/partition.go} (v1.16.8).
 */
@Entity
@Table(name = "partitions")
public class PartitionEntity extends CatalogEntity<PartitionId> {

  @EmbeddedId private PartitionId id;

  protected PartitionEntity() {}

  public PartitionEntity(PartitionId id, Instant createdAt) {
    super(createdAt);
    this.id = id;
  }

  @Override
  public PartitionId getId() {
    return id;
  }
}

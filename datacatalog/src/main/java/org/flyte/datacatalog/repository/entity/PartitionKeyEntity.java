package org.flyte.datacatalog.repository.entity;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code partition_keys}: one declared partition key of a dataset. Follows {@code
 * PartitionKey} in {@code datacatalog/pkg/repositories/models/dataset.go} (v1.16.8).
 */
@Entity
@Table(name = "partition_keys")
public class PartitionKeyEntity extends CatalogEntity<PartitionKeyId> {

  @EmbeddedId private PartitionKeyId id;

  protected PartitionKeyEntity() {}

  public PartitionKeyEntity(PartitionKeyId id, Instant createdAt) {
    super(createdAt);
    this.id = id;
  }

  @Override
  public PartitionKeyId getId() {
    return id;
  }
}

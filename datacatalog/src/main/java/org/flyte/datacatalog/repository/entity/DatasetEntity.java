package org.flyte.datacatalog.repository.entity;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code datasets}. Follows {@code datacatalog/pkg/repositories/models/dataset.go}
 * (v1.16.8).
 */
@Entity
@Table(name = "datasets")
public class DatasetEntity extends CatalogEntity<DatasetKey> {

  @EmbeddedId private DatasetKey id;

  @Column(name = "uuid")
  private UUID uuid;

  @Column(name = "serialized_metadata")
  private byte[] serializedMetadata;

  protected DatasetEntity() {}

  public DatasetEntity(DatasetKey id, UUID uuid, byte[] serializedMetadata, Instant createdAt) {
    super(createdAt);
    this.id = id;
    this.uuid = uuid;
    this.serializedMetadata = serializedMetadata;
  }

  @Override
  public DatasetKey getId() {
    return id;
  }

  public UUID uuid() {
    return uuid;
  }

  public byte[] serializedMetadata() {
    return serializedMetadata;
  }
}

package org.flyte.datacatalog.repository.entity;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code artifacts}. Follows {@code datacatalog/pkg/repositories/models/artifact.go}
 * (v1.16.8); its data, partitions and tags are rows of their own tables, loaded explicitly.
 */
@Entity
@Table(name = "artifacts")
public class ArtifactEntity extends CatalogEntity<ArtifactKey> {

  @EmbeddedId private ArtifactKey id;

  @Column(name = "dataset_uuid")
  private UUID datasetUuid;

  @Column(name = "serialized_metadata")
  private byte[] serializedMetadata;

  protected ArtifactEntity() {}

  public ArtifactEntity(
      ArtifactKey id, UUID datasetUuid, byte[] serializedMetadata, Instant createdAt) {
    super(createdAt);
    this.id = id;
    this.datasetUuid = datasetUuid;
    this.serializedMetadata = serializedMetadata;
  }

  @Override
  public ArtifactKey getId() {
    return id;
  }

  public UUID datasetUuid() {
    return datasetUuid;
  }

  public byte[] serializedMetadata() {
    return serializedMetadata;
  }

  public void replaceMetadata(byte[] serializedMetadata, Instant now) {
    this.serializedMetadata = serializedMetadata;
    touch(now);
  }
}

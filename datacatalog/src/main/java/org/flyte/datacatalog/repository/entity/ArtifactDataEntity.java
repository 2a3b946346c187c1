package org.flyte.datacatalog.repository.entity;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code artifact_data}: where one output literal of an artifact is stored. Follows {@code
 * ArtifactData} in {@code datacatalog/pkg/repositories/models/artifact.go} (v1.16.8).
 */
@Entity
@Table(name = "artifact_data")
public class ArtifactDataEntity extends CatalogEntity<ArtifactDataKey> {

  @EmbeddedId private ArtifactDataKey id;

  @Column(name = "location")
  private String location;

  protected ArtifactDataEntity() {}

  public ArtifactDataEntity(ArtifactDataKey id, String location, Instant createdAt) {
    super(createdAt);
    this.id = id;
    this.location = location;
  }

  @Override
  public ArtifactDataKey getId() {
    return id;
  }

  public String location() {
    return location;
  }
}

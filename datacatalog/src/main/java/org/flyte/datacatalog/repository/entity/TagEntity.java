package org.flyte.datacatalog.repository.entity;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code tags}: a name that points at one artifact of a dataset. Follows {@code
 * datacatalog/pkg/repositories/models/tag.go} (v1.16.8).
 */
@Entity
@Table(name = "tags")
public class TagEntity extends CatalogEntity<TagKey> {

  @EmbeddedId private TagKey id;

  @Column(name = "artifact_id")
  private String artifactId;

  @Column(name = "dataset_uuid")
  private UUID datasetUuid;

  protected TagEntity() {}

  public TagEntity(TagKey id, String artifactId, UUID datasetUuid, Instant createdAt) {
    super(createdAt);
    this.id = id;
    this.artifactId = artifactId;
    this.datasetUuid = datasetUuid;
  }

  @Override
  public TagKey getId() {
    return id;
  }

  public String artifactId() {
    return artifactId;
  }

  public UUID datasetUuid() {
    return datasetUuid;
  }
}

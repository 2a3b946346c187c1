package org.flyte.datacatalog.repository.entity;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/**
 * The columns every DataCatalog table has (Go's {@code BaseModel}: no id column; {@code deleted_at}
 * is never written nor read), and the "new or loaded" state that makes Spring Data {@code save}
 * insert with {@code persist} instead of {@code merge}. Keys are assigned by the client, so without
 * it {@code save} would select first and then silently update an existing row, where DataCatalog
 * must fail with ALREADY_EXISTS.
 *
 * <p>Follows {@code datacatalog/pkg/repositories/models/base.go} (v1.16.8).
 */
@MappedSuperclass
public abstract class CatalogEntity<K> implements Persistable<K> {

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Transient private boolean loaded;

  protected CatalogEntity() {}

  protected CatalogEntity(Instant createdAt) {
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public void touch(Instant now) {
    this.updatedAt = now;
  }

  @Override
  public boolean isNew() {
    return !loaded;
  }

  @PostLoad
  @PostPersist
  void markLoaded() {
    loaded = true;
  }
}

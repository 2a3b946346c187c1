package org.flyte.datacatalog.repository;

import org.flyte.datacatalog.repository.entity.DatasetEntity;
import org.flyte.datacatalog.repository.entity.DatasetKey;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * {@code datasets} through Spring Data JPA: inserts. Follows {@code
 * datacatalog/pkg/repositories/gormimpl/dataset.go} (v1.16.8). Lookups are {@link
 * DatasetLookupRepository}'s, listing is {@link DatasetGraphRepository}'s.
 */
public interface DatasetRepository extends JpaRepository<DatasetEntity, DatasetKey> {}

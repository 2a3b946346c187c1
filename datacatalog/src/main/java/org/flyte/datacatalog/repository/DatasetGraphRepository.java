package org.flyte.datacatalog.repository;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flyte.datacatalog.repository.entity.DatasetEntity;
import org.flyte.datacatalog.repository.entity.DatasetKey;
import org.flyte.datacatalog.repository.entity.DatasetRow;
import org.flyte.datacatalog.repository.entity.PartitionKeyEntity;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Datasets with their partition keys, through JPA: ListDatasets, and the JPA form of the GetDataset
 * lookup, which the benchmark and a test compare with {@link DatasetLookupRepository}.
 *
 * <p>Follows {@code List} in {@code datacatalog/pkg/repositories/gormimpl/dataset.go} (v1.16.8).
 */
@Repository
@Transactional(readOnly = true)
public class DatasetGraphRepository {

  private final EntityManager entityManager;
  private final DatasetRepository datasets;
  private final PartitionKeyRepository partitionKeys;

  public DatasetGraphRepository(
      EntityManager entityManager,
      DatasetRepository datasets,
      PartitionKeyRepository partitionKeys) {
    this.entityManager = entityManager;
    this.datasets = datasets;
    this.partitionKeys = partitionKeys;
  }

  /** One page of the datasets that pass every filter. */
  public List<DatasetRow> list(List<ListFilter> filters, ListPage page) {
    if (page.limit() == 0) {
      return List.of(); // Flyte's LIMIT 0 (and Hibernate would read 0 as "no limit")
    }
    StringBuilder jpql = new StringBuilder("select d from DatasetEntity d where 1 = 1");
    Map<String, Object> params = new HashMap<>();
    for (int i = 0; i < filters.size(); i++) {
      if (!(filters.get(i) instanceof ListFilter.DatasetField f)) {
        throw new IllegalArgumentException("datasets cannot be filtered by " + filters.get(i));
      }
      jpql.append(" and d.id.").append(f.field().property()).append(" = :f").append(i);
      params.put("f" + i, f.value());
    }
    String order = page.ascending() ? "asc" : "desc";
    jpql.append(" order by d.createdAt ").append(order).append(", d.uuid ").append(order);
    TypedQuery<DatasetEntity> query =
        entityManager.createQuery(jpql.toString(), DatasetEntity.class);
    params.forEach(query::setParameter);
    return withPartitionKeys(
        query.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList());
  }

  /** GetDataset, the JPA way: the dataset, then its partition keys. */
  public Optional<DatasetRow> find(DatasetKey key) {
    return datasets.findById(key).map(d -> withPartitionKeys(List.of(d)).get(0));
  }

  private List<DatasetRow> withPartitionKeys(List<DatasetEntity> page) {
    if (page.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<String>> keysByDataset = new LinkedHashMap<>();
    for (PartitionKeyEntity k :
        partitionKeys.findByDatasets(page.stream().map(DatasetEntity::uuid).toList())) {
      keysByDataset
          .computeIfAbsent(k.getId().datasetUuid(), u -> new ArrayList<>())
          .add(k.getId().name());
    }
    return page.stream()
        .map(
            d ->
                new DatasetRow(
                    d.getId(),
                    d.uuid(),
                    d.serializedMetadata(),
                    keysByDataset.getOrDefault(d.uuid(), List.of())))
        .toList();
  }
}

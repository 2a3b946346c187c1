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
import org.flyte.datacatalog.repository.entity.ArtifactDataEntity;
import org.flyte.datacatalog.repository.entity.ArtifactEntity;
import org.flyte.datacatalog.repository.entity.ArtifactKey;
import org.flyte.datacatalog.repository.entity.ArtifactRow;
import org.flyte.datacatalog.repository.entity.DatasetKey;
import org.flyte.datacatalog.repository.entity.PartitionEntity;
import org.flyte.datacatalog.repository.entity.TagEntity;
import org.flyte.datacatalog.repository.entity.TagKey;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Artifacts with their data, partitions and tags, through JPA: ListArtifacts, and the JPA form of
 * the GetArtifact lookups, which the benchmark and a test compare with {@link
 * ArtifactLookupRepository} (one query for entities, then one per kind of child row).
 *
 * <p>Follows {@code List} in {@code datacatalog/pkg/repositories/gormimpl/artifact.go} and {@code
 * list.go} (v1.16.8). A tag filter joins {@code tags} on the artifact id <em>and</em> the dataset
 * (Flyte joins on the artifact id alone, which matches other datasets' tags).
 */
@Repository
@Transactional(readOnly = true)
public class ArtifactGraphRepository {

  private final EntityManager entityManager;
  private final ArtifactRepository artifacts;
  private final ArtifactDataRepository data;
  private final PartitionRepository partitions;
  private final TagRepository tags;

  public ArtifactGraphRepository(
      EntityManager entityManager,
      ArtifactRepository artifacts,
      ArtifactDataRepository data,
      PartitionRepository partitions,
      TagRepository tags) {
    this.entityManager = entityManager;
    this.artifacts = artifacts;
    this.data = data;
    this.partitions = partitions;
    this.tags = tags;
  }

  /** One page of a dataset's artifacts that pass every filter. */
  public List<ArtifactRow> list(
      DatasetKey dataset, UUID datasetUuid, List<ListFilter> filters, ListPage page) {
    if (page.limit() == 0) {
      return List.of(); // Flyte's LIMIT 0 (and Hibernate would read 0 as "no limit")
    }
    StringBuilder jpql = new StringBuilder("select a from ArtifactEntity a");
    StringBuilder where = new StringBuilder(" where a.datasetUuid = :datasetUuid");
    Map<String, Object> params = new HashMap<>();
    params.put("datasetUuid", datasetUuid);
    for (int i = 0; i < filters.size(); i++) {
      ListFilter filter = filters.get(i);
      if (filter instanceof ListFilter.TagName t) {
        jpql.append(" join TagEntity t%d on t%d.artifactId = a.id.artifactId".formatted(i, i))
            .append(" and t%d.datasetUuid = a.datasetUuid".formatted(i));
        where.append(" and t%d.id.tagName = :tag%d".formatted(i, i));
        params.put("tag" + i, t.tagName());
      } else if (filter instanceof ListFilter.PartitionValue p) {
        jpql.append(
                " join PartitionEntity p%d on p%d.id.artifactId = a.id.artifactId".formatted(i, i))
            .append(" and p%d.id.datasetUuid = a.datasetUuid".formatted(i));
        where.append(" and p%d.id.key = :key%d and p%d.id.value = :value%d".formatted(i, i, i, i));
        params.put("key" + i, p.key());
        params.put("value" + i, p.value());
      } else {
        throw new IllegalArgumentException("artifacts cannot be filtered by " + filter);
      }
    }
    String order = page.ascending() ? "asc" : "desc";
    jpql.append(where)
        .append(" order by a.createdAt ")
        .append(order)
        .append(", a.id.artifactId ")
        .append(order);
    TypedQuery<ArtifactEntity> query =
        entityManager.createQuery(jpql.toString(), ArtifactEntity.class);
    params.forEach(query::setParameter);
    List<ArtifactEntity> page1 =
        query.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
    return withChildren(dataset, datasetUuid, page1);
  }

  /** GetArtifact by tag, the JPA way: the tag, then its artifact, then the children. */
  public Optional<ArtifactRow> findByTag(TagKey key) {
    return tags.findById(key)
        .flatMap(
            tag ->
                artifacts.findById(
                    new ArtifactKey(
                        key.datasetProject(),
                        key.datasetName(),
                        key.datasetDomain(),
                        key.datasetVersion(),
                        tag.artifactId())))
        .map(this::withChildren);
  }

  /** GetArtifact by key, the JPA way. */
  public Optional<ArtifactRow> findByKey(ArtifactKey key) {
    return artifacts.findById(key).map(this::withChildren);
  }

  /** The newest artifact with this id in any dataset, the JPA way. */
  public Optional<ArtifactRow> findNewestById(String artifactId) {
    return artifacts.findByArtifactId(artifactId, Limit.of(1)).stream()
        .findFirst()
        .map(this::withChildren);
  }

  private ArtifactRow withChildren(ArtifactEntity artifact) {
    return withChildren(artifact.getId().dataset(), artifact.datasetUuid(), List.of(artifact))
        .get(0);
  }

  private List<ArtifactRow> withChildren(
      DatasetKey dataset, UUID datasetUuid, List<ArtifactEntity> page) {
    if (page.isEmpty()) {
      return List.of();
    }
    List<String> ids = page.stream().map(a -> a.getId().artifactId()).toList();
    Map<String, List<ArtifactRow.Data>> dataById = new LinkedHashMap<>();
    for (ArtifactDataEntity d :
        data.findByArtifacts(
            dataset.project(), dataset.name(), dataset.domain(), dataset.version(), ids)) {
      dataById
          .computeIfAbsent(d.getId().artifact().artifactId(), k -> new ArrayList<>())
          .add(new ArtifactRow.Data(d.getId().name(), d.location()));
    }
    Map<String, List<ArtifactRow.Partition>> partitionsById = new LinkedHashMap<>();
    for (PartitionEntity p : partitions.findByArtifacts(datasetUuid, ids)) {
      partitionsById
          .computeIfAbsent(p.getId().artifactId(), k -> new ArrayList<>())
          .add(new ArtifactRow.Partition(p.getId().key(), p.getId().value()));
    }
    Map<String, List<String>> tagsById = new LinkedHashMap<>();
    for (TagEntity t : tags.findByArtifacts(datasetUuid, ids)) {
      tagsById.computeIfAbsent(t.artifactId(), k -> new ArrayList<>()).add(t.getId().tagName());
    }
    List<ArtifactRow> rows = new ArrayList<>(page.size());
    for (ArtifactEntity a : page) {
      String id = a.getId().artifactId();
      rows.add(
          new ArtifactRow(
              a.getId(),
              a.datasetUuid(),
              a.serializedMetadata(),
              a.createdAt(),
              dataById.getOrDefault(id, List.of()),
              partitionsById.getOrDefault(id, List.of()),
              tagsById.getOrDefault(id, List.of())));
    }
    return rows;
  }
}

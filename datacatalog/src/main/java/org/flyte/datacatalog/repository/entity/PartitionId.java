package org.flyte.datacatalog.repository.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.UUID;

/** The primary key of {@code partitions}: dataset uuid, key, value and artifact id. */
@Embeddable
public record PartitionId(
    @Column(name = "dataset_uuid") UUID datasetUuid,
    @Column(name = "key") String key,
    @Column(name = "value") String value,
    @Column(name = "artifact_id") String artifactId)
    implements Serializable {}

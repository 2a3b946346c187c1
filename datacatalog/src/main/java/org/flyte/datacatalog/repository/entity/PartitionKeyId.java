package org.flyte.datacatalog.repository.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.UUID;

/** The primary key of {@code partition_keys}: the dataset's uuid and the key's name. */
@Embeddable
public record PartitionKeyId(
    @Column(name = "dataset_uuid") UUID datasetUuid, @Column(name = "name") String name)
    implements Serializable {}

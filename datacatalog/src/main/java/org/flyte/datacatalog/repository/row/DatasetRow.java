package org.flyte.datacatalog.repository.row;

import java.util.List;
import java.util.UUID;

/** A dataset as the service needs it: its row and its partition keys in declaration order. */
public record DatasetRow(
    DatasetKey key, UUID uuid, byte[] serializedMetadata, List<String> partitionKeys) {}

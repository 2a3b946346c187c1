package org.flyte.datacatalog.repository.row;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An artifact as the service needs it: its row, the locations of its data (in creation order), its
 * partitions (in creation order) and the names of all its tags.
 */
public record ArtifactRow(
    ArtifactKey key,
    UUID datasetUuid,
    byte[] serializedMetadata,
    Instant createdAt,
    List<Data> data,
    List<Partition> partitions,
    List<String> tagNames) {

  /** One output literal's name and blob location. */
  public record Data(String name, String location) {}

  /** One partition's key and value. */
  public record Partition(String key, String value) {}
}

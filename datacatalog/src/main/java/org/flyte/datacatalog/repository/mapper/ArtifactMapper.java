package org.flyte.datacatalog.repository.mapper;

import com.google.protobuf.Timestamp;
import datacatalog.Datacatalog.Artifact;
import datacatalog.Datacatalog.ArtifactData;
import datacatalog.Datacatalog.DatasetID;
import datacatalog.Datacatalog.Partition;
import datacatalog.Datacatalog.Tag;
import java.time.Instant;
import java.util.List;
import org.flyte.datacatalog.repository.row.ArtifactRow;

/**
 * Artifacts: rows → proto. Follows {@code datacatalog/pkg/repositories/transformers/artifact.go}
 * and {@code tag.go} (v1.16.8): the artifact's dataset id carries the dataset's uuid, and so do its
 * tags.
 */
public final class ArtifactMapper {

  private ArtifactMapper() {}

  /** The artifact, with {@code data} (the literals read from storage) in place of locations. */
  public static Artifact toProto(ArtifactRow row, List<ArtifactData> data) {
    DatasetID dataset =
        DatasetMapper.id(row.key().dataset()).toBuilder()
            .setUUID(row.datasetUuid() == null ? "" : row.datasetUuid().toString())
            .build();
    Artifact.Builder artifact =
        Artifact.newBuilder()
            .setId(row.key().artifactId())
            .setDataset(dataset)
            .setMetadata(MetadataMapper.fromColumn(row.serializedMetadata()))
            .addAllData(data)
            .setCreatedAt(timestamp(row.createdAt() == null ? Instant.EPOCH : row.createdAt()));
    for (ArtifactRow.Partition p : row.partitions()) {
      artifact.addPartitions(Partition.newBuilder().setKey(p.key()).setValue(p.value()));
    }
    for (String tag : row.tagNames()) {
      artifact.addTags(
          Tag.newBuilder().setName(tag).setArtifactId(row.key().artifactId()).setDataset(dataset));
    }
    return artifact.build();
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }
}

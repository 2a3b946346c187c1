package org.flyte.datacatalog.repository.mapper;

import datacatalog.Datacatalog.Dataset;
import datacatalog.Datacatalog.DatasetID;
import org.flyte.datacatalog.repository.row.DatasetKey;
import org.flyte.datacatalog.repository.row.DatasetRow;

/**
 * Datasets: proto ↔ rows. Follows {@code datacatalog/pkg/repositories/transformers/dataset.go}
 * (v1.16.8); {@code DatasetID.org} is ignored, as in Flyte.
 */
public final class DatasetMapper {

  private DatasetMapper() {}

  public static DatasetKey key(DatasetID id) {
    return new DatasetKey(id.getProject(), id.getName(), id.getDomain(), id.getVersion());
  }

  public static DatasetID id(DatasetKey key) {
    return DatasetID.newBuilder()
        .setProject(key.project())
        .setName(key.name())
        .setDomain(key.domain())
        .setVersion(key.version())
        .build();
  }

  public static Dataset toProto(DatasetRow row) {
    return Dataset.newBuilder()
        .setId(id(row.key()).toBuilder().setUUID(row.uuid() == null ? "" : row.uuid().toString()))
        .setMetadata(MetadataMapper.fromColumn(row.serializedMetadata()))
        .addAllPartitionKeys(row.partitionKeys())
        .build();
  }
}

package org.flyte.datacatalog.repository.mapper;

import com.google.protobuf.InvalidProtocolBufferException;
import datacatalog.Datacatalog.Metadata;
import org.flyte.common.error.FlyteException;
import org.jspecify.annotations.Nullable;

/**
 * {@code datacatalog.Metadata} ↔ the {@code serialized_metadata} column (binary protobuf). Follows
 * {@code datacatalog/pkg/repositories/transformers/util.go} (v1.16.8): absent metadata is stored as
 * an empty message, so reads always return a (possibly empty) map.
 */
public final class MetadataMapper {

  private MetadataMapper() {}

  public static byte[] toColumn(@Nullable Metadata metadata) {
    return (metadata == null ? Metadata.getDefaultInstance() : metadata).toByteArray();
  }

  public static Metadata fromColumn(byte @Nullable [] column) {
    if (column == null) {
      return Metadata.getDefaultInstance();
    }
    try {
      return Metadata.parseFrom(column);
    } catch (InvalidProtocolBufferException e) {
      throw FlyteException.internal("stored metadata is not a datacatalog.Metadata: %s", e);
    }
  }
}

package org.flyte.datacatalog.repository.mapper;

import com.google.protobuf.Duration;
import datacatalog.Datacatalog.DatasetID;
import datacatalog.Datacatalog.Reservation;
import datacatalog.Datacatalog.ReservationID;
import org.flyte.datacatalog.repository.row.ReservationRow;
import org.flyte.datacatalog.repository.row.TagKey;

/**
 * Reservations: proto ↔ rows. Follows {@code
 * datacatalog/pkg/repositories/transformers/reservation.go} (v1.16.8): the reservation id carries
 * the dataset id without its uuid, and the heartbeat is the one granted to this request.
 */
public final class ReservationMapper {

  private ReservationMapper() {}

  public static TagKey key(ReservationID id) {
    DatasetID dataset = id.getDatasetId();
    return new TagKey(
        dataset.getProject(),
        dataset.getName(),
        dataset.getDomain(),
        dataset.getVersion(),
        id.getTagName());
  }

  public static Reservation toProto(ReservationRow row, java.time.Duration heartbeat) {
    TagKey key = row.key();
    return Reservation.newBuilder()
        .setReservationId(
            ReservationID.newBuilder()
                .setDatasetId(
                    DatasetID.newBuilder()
                        .setProject(key.datasetProject())
                        .setName(key.datasetName())
                        .setDomain(key.datasetDomain())
                        .setVersion(key.datasetVersion()))
                .setTagName(key.tagName()))
        .setOwnerId(row.ownerId() == null ? "" : row.ownerId())
        .setExpiresAt(ArtifactMapper.timestamp(row.expiresAt()))
        .setHeartbeatInterval(
            Duration.newBuilder().setSeconds(heartbeat.getSeconds()).setNanos(heartbeat.getNano()))
        .build();
  }
}

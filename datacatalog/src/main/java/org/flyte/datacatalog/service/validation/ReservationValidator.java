package org.flyte.datacatalog.service.validation;

import com.google.protobuf.Duration;
import datacatalog.Datacatalog.ReservationID;

/**
 * Reservation requests. Flyte v1.16.8 validates nothing here (a reservation for an empty key is
 * taken); we require what FlytePropeller always sends: a full dataset id, a tag name, an owner, and
 * a heartbeat that is not negative (docs/adr/0009-datacatalog-quirks.md).
 */
public final class ReservationValidator {

  private ReservationValidator() {}

  public static void validate(boolean present, ReservationID id, String ownerId) {
    if (!present) {
      throw ValidationErrors.missing("reservationID");
    }
    DatasetValidator.validateId(id.hasDatasetId(), id.getDatasetId());
    ValidationErrors.requireNonEmpty(id.getTagName(), "tagName");
    ValidationErrors.requireNonEmpty(ownerId, "ownerID");
  }

  public static void validateHeartbeat(Duration heartbeat) {
    if (heartbeat.getSeconds() < 0 || heartbeat.getNanos() < 0) {
      throw ValidationErrors.invalidValue(
          "heartbeatInterval", heartbeat.getSeconds() + "s " + heartbeat.getNanos() + "ns");
    }
  }
}

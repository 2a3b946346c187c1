package org.flyte.datacatalog.repository.row;

import java.time.Instant;

/** A row of {@code reservations}: who holds the reservation of a tag, and until when. */
public record ReservationRow(TagKey key, String ownerId, Instant expiresAt) {}

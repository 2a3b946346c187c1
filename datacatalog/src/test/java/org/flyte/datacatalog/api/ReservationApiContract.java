package org.flyte.datacatalog.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flyte.datacatalog.app.CatalogFixtures.newDatasetId;
import static org.flyte.datacatalog.app.CatalogFixtures.statusOf;

import com.google.protobuf.Duration;
import datacatalog.Datacatalog.GetOrExtendReservationRequest;
import datacatalog.Datacatalog.ReleaseReservationRequest;
import datacatalog.Datacatalog.Reservation;
import datacatalog.Datacatalog.ReservationID;
import io.grpc.Status;
import org.flyte.testing.AdjustableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * GetOrExtendReservation and ReleaseReservation over gRPC, with the default configuration
 * (heartbeat at most 10 s, lifetime heartbeat × 3).
 */
abstract class ReservationApiContract extends CatalogApiTestBase {

  @Autowired AdjustableClock clock;

  private final ReservationID id =
      ReservationID.newBuilder().setDatasetId(newDatasetId()).setTagName("flyte_cached-r").build();

  private Reservation reserve(String owner, Duration heartbeat) {
    GetOrExtendReservationRequest.Builder request =
        GetOrExtendReservationRequest.newBuilder().setReservationId(id).setOwnerId(owner);
    if (heartbeat != null) {
      request.setHeartbeatInterval(heartbeat);
    }
    return catalog.getOrExtendReservation(request.build()).getReservation();
  }

  private void release(String owner) {
    catalog.releaseReservation(
        ReleaseReservationRequest.newBuilder().setReservationId(id).setOwnerId(owner).build());
  }

  private static Duration seconds(long s) {
    return Duration.newBuilder().setSeconds(s).build();
  }

  private static long seconds(Reservation r) {
    return r.getExpiresAt().getSeconds();
  }

  @Test
  void theFirstCallerTakesTheReservationForThreeHeartbeats() {
    long before = clock.instant().getEpochSecond();

    Reservation r = reserve("owner-a", seconds(5));

    assertThat(r.getOwnerId()).isEqualTo("owner-a");
    assertThat(r.getReservationId()).isEqualTo(id);
    assertThat(r.getHeartbeatInterval()).isEqualTo(seconds(5));
    assertThat(seconds(r)).isBetween(before + 15, clock.instant().getEpochSecond() + 15);
    assertThat(r.hasMetadata()).isFalse();
  }

  @Test
  void theHeartbeatIsCappedAtTheConfiguredMaximumAndDefaultsToIt() {
    assertThat(reserve("owner-a", seconds(60)).getHeartbeatInterval()).isEqualTo(seconds(10));
    assertThat(reserve("owner-a", null).getHeartbeatInterval()).isEqualTo(seconds(10));
  }

  @Test
  void anotherOwnerSeesTheHolderUntilItExpires() {
    Reservation held = reserve("owner-a", seconds(10));

    Reservation other = reserve("owner-b", seconds(10));
    clock.advance(java.time.Duration.ofSeconds(31));
    Reservation takeover = reserve("owner-b", seconds(10));

    assertThat(other.getOwnerId()).isEqualTo("owner-a");
    assertThat(other.getExpiresAt()).isEqualTo(held.getExpiresAt());
    assertThat(takeover.getOwnerId()).isEqualTo("owner-b");
    assertThat(seconds(takeover)).isGreaterThan(seconds(held));
  }

  @Test
  void theHolderExtendsItsReservation() {
    Reservation first = reserve("owner-a", seconds(10));
    clock.advance(java.time.Duration.ofSeconds(5));

    Reservation extended = reserve("owner-a", seconds(10));

    assertThat(extended.getOwnerId()).isEqualTo("owner-a");
    assertThat(seconds(extended)).isGreaterThanOrEqualTo(seconds(first) + 5);
  }

  @Test
  void releaseIsIdempotentAndOnlyTheHolderReleases() {
    reserve("owner-a", seconds(10));

    release("owner-b");
    assertThat(reserve("owner-b", seconds(10)).getOwnerId()).isEqualTo("owner-a");
    release("owner-a");
    release("owner-a");
    assertThat(reserve("owner-b", seconds(10)).getOwnerId()).isEqualTo("owner-b");
  }

  @Test
  void reservationRequestsNeedAnIdAndAnOwner() {
    Status noOwner = statusOf(() -> reserve("", seconds(1)));
    Status negative = statusOf(() -> reserve("owner-a", seconds(-1)));
    Status noId =
        statusOf(
            () ->
                catalog.releaseReservation(
                    ReleaseReservationRequest.newBuilder().setOwnerId("owner-a").build()));

    assertThat(noOwner.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(noOwner.getDescription()).isEqualTo("missing ownerID");
    assertThat(negative.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(noId.getDescription()).isEqualTo("missing reservationID");
  }
}

package org.flyte.datacatalog.service;

import datacatalog.Datacatalog.GetOrExtendReservationRequest;
import datacatalog.Datacatalog.GetOrExtendReservationResponse;
import datacatalog.Datacatalog.ReleaseReservationRequest;
import datacatalog.Datacatalog.ReleaseReservationResponse;
import datacatalog.Datacatalog.ReservationID;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.flyte.datacatalog.config.DataCatalogProperties;
import org.flyte.datacatalog.repository.ReservationRepository;
import org.flyte.datacatalog.repository.mapper.ReservationMapper;
import org.flyte.datacatalog.repository.row.ReservationRow;
import org.flyte.datacatalog.repository.row.TagKey;
import org.flyte.datacatalog.service.validation.ReservationValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Cache serialization: GetOrExtendReservation and ReleaseReservation. Follows {@code
 * datacatalog/pkg/manager/impl/reservation_manager.go} (v1.16.8): the granted heartbeat is the
 * smaller of the requested one and {@code max-reservation-heartbeat}; a reservation lives {@code
 * heartbeat × heartbeat-grace-period-multiplier}; the answer names the current holder, which the
 * caller compares with its own id; a release by anyone but the holder (or of nothing) succeeds.
 * Unlike Flyte, an acquisition counts as {@code acquired} and only a reservation held by another as
 * {@code already_in_progress} (quirk A6).
 */
@Service
public class ReservationService {

  private static final Logger log = LoggerFactory.getLogger(ReservationService.class);

  private final ReservationRepository reservations;
  private final DataCatalogProperties properties;
  private final DataCatalogMetrics metrics;
  private final Clock clock;

  public ReservationService(
      ReservationRepository reservations,
      DataCatalogProperties properties,
      DataCatalogMetrics metrics,
      ObjectProvider<Clock> clock) {
    this.reservations = reservations;
    this.properties = properties;
    this.metrics = metrics;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  public GetOrExtendReservationResponse getOrExtend(GetOrExtendReservationRequest request) {
    ReservationID id = request.getReservationId();
    String project = id.getDatasetId().getProject();
    String domain = id.getDatasetId().getDomain();
    return metrics.record(
        "reservation",
        "get_or_extend",
        project,
        domain,
        () -> {
          ReservationValidator.validate(request.hasReservationId(), id, request.getOwnerId());
          Duration heartbeat = properties.maxReservationHeartbeat();
          if (request.hasHeartbeatInterval()) {
            ReservationValidator.validateHeartbeat(request.getHeartbeatInterval());
            Duration requested =
                Duration.ofSeconds(
                    request.getHeartbeatInterval().getSeconds(),
                    request.getHeartbeatInterval().getNanos());
            if (requested.compareTo(heartbeat) < 0) {
              heartbeat = requested;
            }
          }
          Instant now = DatasetService.now(clock);
          Instant expiresAt =
              now.plus(heartbeat.multipliedBy(properties.heartbeatGracePeriodMultiplier()));
          TagKey key = ReservationMapper.key(id);
          ReservationRow row =
              reservations.acquireOrExtend(key, request.getOwnerId(), now, expiresAt);
          metrics.count(
              "reservation",
              request.getOwnerId().equals(row.ownerId()) ? "acquired" : "already_in_progress",
              project,
              domain);
          return GetOrExtendReservationResponse.newBuilder()
              .setReservation(ReservationMapper.toProto(row, heartbeat))
              .build();
        });
  }

  public ReleaseReservationResponse release(ReleaseReservationRequest request) {
    ReservationID id = request.getReservationId();
    String project = id.getDatasetId().getProject();
    String domain = id.getDatasetId().getDomain();
    return metrics.record(
        "reservation",
        "release",
        project,
        domain,
        () -> {
          ReservationValidator.validate(request.hasReservationId(), id, request.getOwnerId());
          TagKey key = ReservationMapper.key(id);
          if (reservations.release(key, request.getOwnerId()) == 0) {
            log.warn(
                "Reservation {} is not held by {}: nothing to release", key, request.getOwnerId());
            metrics.count("reservation", "does_not_exist", project, domain);
          } else {
            metrics.count("reservation", "released", project, domain);
          }
          return ReleaseReservationResponse.getDefaultInstance();
        });
  }
}

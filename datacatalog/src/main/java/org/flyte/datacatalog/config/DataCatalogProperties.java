package org.flyte.datacatalog.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Flyte's {@code datacatalog} section, under {@code flyte.datacatalog}. Keys and defaults follow
 * {@code datacatalog/pkg/runtime/configs/data_catalog_config.go} (v1.16.8).
 *
 * <p>Unlike Flyte, the reservation settings are checked at start-up: a zero or negative heartbeat
 * or multiplier would make every reservation expire the moment it is taken (flyteorg/flyte#2044),
 * so such a configuration fails the start with a message naming the key.
 *
 * @param storagePrefix the first key segment of artifact data blobs under the storage container;
 *     default {@code metadata} (Flyte's Helm charts use {@code metadata/datacatalog})
 * @param metricsScope Flyte's root metrics scope; accepted for compatibility, our metric names are
 *     fixed (docs/metrics.md)
 * @param profilerPort Flyte's metrics and pprof port; accepted for compatibility, our metrics are
 *     served on the HTTP port at {@code /actuator/prometheus}
 * @param heartbeatGracePeriodMultiplier a reservation lives {@code heartbeat × multiplier}; default
 *     3
 * @param maxReservationHeartbeat the cap on the heartbeat interval a client asks for; default 10s
 */
@ConfigurationProperties(prefix = "flyte.datacatalog")
public record DataCatalogProperties(
    @DefaultValue("metadata") String storagePrefix,
    @DefaultValue("datacatalog") String metricsScope,
    @DefaultValue("10254") int profilerPort,
    @DefaultValue("3") int heartbeatGracePeriodMultiplier,
    @DefaultValue("10s") Duration maxReservationHeartbeat) {

  public DataCatalogProperties {
    if (heartbeatGracePeriodMultiplier <= 0) {
      throw new IllegalArgumentException(
          "flyte.datacatalog.heartbeat-grace-period-multiplier must be a positive integer, but was "
              + heartbeatGracePeriodMultiplier
              + ": a reservation lives heartbeat × multiplier, so it would expire at once");
    }
    if (maxReservationHeartbeat == null
        || maxReservationHeartbeat.isZero()
        || maxReservationHeartbeat.isNegative()) {
      throw new IllegalArgumentException(
          "flyte.datacatalog.max-reservation-heartbeat must be a positive duration such as 10s,"
              + " but was "
              + maxReservationHeartbeat
              + ": reservations would expire at once");
    }
    if (storagePrefix == null) {
      storagePrefix = "";
    }
  }
}

package org.flyte.admin.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many events FlyteAdmin ingests at once, under {@code flyte.events} (ours; Flyte has no such
 * section and relies on propeller's client-side rate limit). Events beyond {@code maxInFlight} wait
 * in a queue of at most {@code maxQueued} for up to {@code queueTimeout}; past either bound the
 * event is answered RESOURCE_EXHAUSTED, which FlytePropeller treats as rate limiting and retries.
 *
 * @param maxInFlight events applied concurrently; default 8 (below the default pool of 10
 *     connections, so reads keep connections)
 * @param maxQueued events waiting for a slot; default 512
 * @param queueTimeout the longest an event waits for a slot; default 5s
 */
@ConfigurationProperties(prefix = "flyte.events")
public record EventProperties(
    @DefaultValue("8") int maxInFlight,
    @DefaultValue("512") int maxQueued,
    @DefaultValue("5s") Duration queueTimeout) {

  public EventProperties {
    if (maxInFlight <= 0) {
      throw new IllegalArgumentException("flyte.events.maxInFlight must be positive");
    }
    if (maxQueued < 0) {
      throw new IllegalArgumentException("flyte.events.maxQueued must not be negative");
    }
  }
}

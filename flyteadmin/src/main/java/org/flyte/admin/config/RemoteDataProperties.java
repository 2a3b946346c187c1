package org.flyte.admin.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Flyte's {@code remoteData} section under {@code flyte.remoteData}: how execution inputs and
 * outputs are answered by the Get*Data RPCs. Follows {@code
 * flyteadmin/pkg/runtime/interfaces/application_configuration.go} ({@code RemoteDataConfig},
 * v1.16.8).
 *
 * @param maxSizeInBytes inline outputs at least this large are left out of the answer; default 2MB
 *     (Flyte: 2 MiB, in bytes)
 * @param signedUrls whether the deprecated {@code UrlBlob} fields carry signed URLs
 * @param inlineEventDataPolicy what happens to inputs and outputs that events carry inline: {@code
 *     Offload} (default) writes them to the blob store and records their URI, {@code StoreInline}
 *     keeps them in the closures
 */
@ConfigurationProperties(prefix = "flyte.remote-data")
public record RemoteDataProperties(
    @DefaultValue("2MB") DataSize maxSizeInBytes,
    @DefaultValue SignedUrls signedUrls,
    @DefaultValue("Offload") InlineEventDataPolicy inlineEventDataPolicy) {

  /** Flyte's {@code InlineEventDataPolicy}: {@code Offload} or {@code StoreInline}. */
  public enum InlineEventDataPolicy {
    OFFLOAD,
    STORE_INLINE
  }

  /**
   * @param enabled whether inputs and outputs are also answered as signed URLs with their size;
   *     default false (then those fields are empty messages, as in Flyte)
   * @param durationMinutes the URLs' lifetime in minutes; default 3, the value of Flyte's sample
   *     configuration (its code default, 0, signs URLs that have already expired); must be positive
   */
  public record SignedUrls(
      @DefaultValue("false") boolean enabled, @DefaultValue("3") int durationMinutes) {

    public SignedUrls {
      if (durationMinutes <= 0) {
        throw new IllegalArgumentException(
            "flyte.remoteData.signedUrls.durationMinutes must be positive, not " + durationMinutes);
      }
    }

    public Duration lifetime() {
      return Duration.ofMinutes(durationMinutes);
    }
  }
}

package org.flyte.admin.config;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Flyte's {@code server.dataProxy} section under {@code flyte.server.dataProxy}: limits of the
 * signed upload and download URLs (flyteadmin/pkg/config/config.go, v1.16.8), plus our {@code
 * local} subsection for the URLs FlyteAdmin signs and serves itself when the blob store cannot sign
 * (local disk, memory).
 *
 * @param upload CreateUploadLocation's limits
 * @param download CreateDownloadLocation's limits
 * @param local URLs served by FlyteAdmin itself (ours; docs/adr/0012-local-signed-urls.md)
 */
@ConfigurationProperties(prefix = "flyte.server.data-proxy")
public record DataProxyProperties(
    @DefaultValue Upload upload, @DefaultValue Download download, @DefaultValue Local local) {

  /**
   * @param maxExpiresIn the longest {@code expires_in} a caller may ask for; default 1h (also the
   *     lifetime when the caller gives none)
   * @param defaultFileNameLength length of the random file name when the caller gives none; default
   *     20
   * @param storagePrefix key prefix of every upload below the storage container; default none
   * @param maxSize the largest body FlyteAdmin's own upload endpoint accepts (ours: Flyte v1.16.8
   *     has no such key; cloud stores enforce their own limits); default 1GB
   */
  public record Upload(
      @DefaultValue("1h") Duration maxExpiresIn,
      @DefaultValue("20") int defaultFileNameLength,
      @DefaultValue("") String storagePrefix,
      @DefaultValue("1GB") DataSize maxSize) {

    public Upload {
      storagePrefix = storagePrefix == null ? "" : storagePrefix;
      if (defaultFileNameLength <= 0) {
        throw new IllegalArgumentException(
            "flyte.server.dataProxy.upload.defaultFileNameLength must be positive");
      }
    }
  }

  /**
   * @param maxExpiresIn the longest {@code expires_in} a caller may ask for; default 1h (also the
   *     lifetime when the caller gives none)
   */
  public record Download(@DefaultValue("1h") Duration maxExpiresIn) {}

  /**
   * @param signingKey the HMAC-SHA256 key of the URLs FlyteAdmin serves; unset (default) means a
   *     random key per process, so a restart invalidates outstanding URLs (they live at most {@code
   *     maxExpiresIn}). Set it when several replicas serve the same storage.
   * @param baseUrl where clients reach FlyteAdmin's HTTP server, e.g. {@code
   *     http://flyteadmin.flyte:8088}; default {@code http://localhost:<actual HTTP port>}
   */
  public record Local(@Nullable String signingKey, @Nullable URI baseUrl) {}
}

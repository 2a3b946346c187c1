package org.flyte.common.storage;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Flyte's {@code storage:} section, bound from {@code flyte.storage.*}.
 *
 * <p>Follows {@code flytestdlib/storage/config.go} (v1.16.8). Flyte's spellings bind through
 * Spring's relaxed binding ({@code enable-multicontainer}, {@code limits.maxDownloadMBs}, {@code
 * signedUrl.stowConfigOverride}); map keys such as {@code stow.config[access_key_id]} should be
 * written in brackets, though lookups also tolerate the bracket-less form. Flyte's {@code cache}
 * and {@code defaultHttpClient} keys are accepted and ignored.
 *
 * @param type which backend: {@code s3} (default), {@code minio}, {@code local}, {@code stow},
 *     {@code mem}, or our shorthand {@code gcs} (= stow kind {@code google}). {@code s3}, {@code
 *     minio} and {@code stow} use the {@code stow} block when both its kind and config are set, and
 *     otherwise translate the legacy {@code connection} block into an S3 location, as Flyte does
 * @param container the base container (bucket); required for every type but {@code mem} (where it
 *     defaults to {@code flyte}), even with multi-container mode. No default
 * @param enableMulticontainer allow references to containers other than {@code container}. Default
 *     false
 * @param connection the legacy S3/MinIO connection block
 * @param stow the preferred form: a stow kind and its config
 * @param limits size limits
 * @param signedUrl settings used only for signing URLs
 * @param local our own key for local-disk storage ({@code type: local})
 */
@ConfigurationProperties(prefix = "flyte.storage")
public record StorageProperties(
    @DefaultValue("s3") String type,
    @Nullable String container,
    boolean enableMulticontainer,
    @DefaultValue Connection connection,
    @DefaultValue Stow stow,
    @DefaultValue Limits limits,
    @DefaultValue SignedUrl signedUrl,
    @DefaultValue Local local) {

  public StorageProperties {
    type = type == null || type.isBlank() ? "s3" : type.trim();
    connection =
        connection == null ? new Connection(null, null, null, null, null, false) : connection;
    stow = stow == null ? new Stow(null, null) : stow;
    limits = limits == null ? new Limits(BlobStoreSettings.DEFAULT_MAX_DOWNLOAD_MBS) : limits;
    signedUrl = signedUrl == null ? new SignedUrl(null) : signedUrl;
    local = local == null ? new Local(null) : local;
  }

  /**
   * The legacy connection block, translated into a stow {@code s3} config when no stow block is
   * set.
   *
   * @param endpoint URL of an S3-compatible server (MinIO), e.g. {@code http://minio:9000}; turns
   *     on path-style access. Default: AWS's regional endpoint
   * @param authType {@code iam} (default: the AWS default credential chain) or {@code accesskey}
   * @param accessKey access key id, for {@code accesskey}
   * @param secretKey secret access key, for {@code accesskey}
   * @param region the region. Default {@code us-east-1}
   * @param disableSsl use {@code http} for an endpoint given without a scheme (or for AWS's
   *     endpoint when none is given). Default false
   */
  public record Connection(
      @Nullable String endpoint,
      @DefaultValue("iam") String authType,
      @Nullable String accessKey,
      @Nullable String secretKey,
      @DefaultValue("us-east-1") String region,
      boolean disableSsl) {

    public Connection {
      authType = authType == null || authType.isBlank() ? "iam" : authType.trim();
      region = region == null || region.isBlank() ? "us-east-1" : region.trim();
    }

    @Override
    public String toString() {
      return "Connection[endpoint="
          + endpoint
          + ", authType="
          + authType
          + ", accessKey="
          + accessKey
          + ", secretKey="
          + (secretKey == null ? null : "*****")
          + ", region="
          + region
          + ", disableSsl="
          + disableSsl
          + "]";
    }
  }

  /**
   * A stow location.
   *
   * @param kind {@code s3}, {@code google} or {@code local} ({@code azure}, {@code oracle} and
   *     {@code swift} are refused at start-up). No default
   * @param config the kind's string settings: s3 {@code auth_type, access_key_id, secret_key,
   *     token, region, endpoint, disable_ssl, v2_signing}; google {@code json, project_id, scopes};
   *     local {@code path}. Default empty
   */
  public record Stow(@Nullable String kind, Map<String, String> config) {

    public Stow {
      config = config == null ? Map.of() : Map.copyOf(config);
    }

    @Override
    public String toString() {
      return new StowConfig(kind == null ? "" : kind, config).toString();
    }
  }

  /**
   * Size limits.
   *
   * @param maxDownloadMbs reads of larger objects fail (RESOURCE_EXHAUSTED); in MiB, 0 disables the
   *     check. Flyte key {@code maxDownloadMBs}. Default 2
   */
  public record Limits(@DefaultValue("2") int maxDownloadMbs) {}

  /**
   * Signing settings.
   *
   * @param stowConfigOverride merged over the stow config to build the location used only for
   *     signing URLs, typically a public {@code endpoint} (sandbox: {@code http://localhost:30002})
   *     so that URLs work outside the cluster. Default empty
   */
  public record SignedUrl(Map<String, String> stowConfigOverride) {

    public SignedUrl {
      stowConfigOverride = stowConfigOverride == null ? Map.of() : Map.copyOf(stowConfigOverride);
    }

    @Override
    public String toString() {
      return "SignedUrl[" + new StowConfig("", stowConfigOverride) + "]";
    }
  }

  /**
   * Local-disk settings (ours; Flyte spells the same thing {@code stow.kind: local} with {@code
   * stow.config.path}, which is accepted too).
   *
   * @param path the directory holding one sub-directory per container; relative paths resolve
   *     against the working directory. No default
   */
  public record Local(@Nullable String path) {}
}

package org.flyte.common.storage.s3;

import java.net.URI;
import java.util.Locale;
import org.flyte.common.storage.StowConfig;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * How to reach an S3 (or S3-compatible, e.g. MinIO) endpoint, read from a stow {@code s3} config.
 *
 * <p>Follows the {@code s3} kind of the stow library that {@code flytestdlib/storage/stow_store.go}
 * (v1.16.8) dials: keys {@code auth_type} ({@code iam} or {@code accesskey}; empty means
 * accesskey), {@code access_key_id}, {@code secret_key}, {@code token}, {@code region} (default
 * {@code us-east-1}), {@code endpoint} (turns on path-style access), {@code disable_ssl} and {@code
 * v2_signing}. Differences: {@code disable_ssl} is read ignoring case (Go's legacy translation
 * writes {@code "True"}, which stow then ignored) and picks {@code http} for an endpoint given
 * without a scheme; {@code v2_signing} is accepted and ignored (the AWS SDK v2 signs with SigV4
 * only, which MinIO accepts).
 *
 * @param accessKeyAuth static credentials ({@code accesskey}) rather than the default chain ({@code
 *     iam}: environment, profile, web identity, container or instance role)
 * @param endpoint explicit endpoint, or null for AWS's regional endpoint
 * @param pathStyle address buckets as {@code <endpoint>/<bucket>} (set whenever an endpoint is)
 */
public record S3Connection(
    boolean accessKeyAuth,
    @Nullable String accessKeyId,
    @Nullable String secretKey,
    @Nullable String sessionToken,
    String region,
    @Nullable URI endpoint,
    boolean pathStyle) {

  /** Flyte's default region. */
  public static final String DEFAULT_REGION = "us-east-1";

  /**
   * Reads and validates a stow {@code s3} config.
   *
   * @throws IllegalStateException with a readable message when the config is unusable
   */
  public static S3Connection fromStowConfig(StowConfig stow) {
    String authType = stow.get("auth_type", "accesskey").toLowerCase(Locale.ROOT);
    if (!authType.equals("accesskey") && !authType.equals("iam")) {
      throw new IllegalStateException(
          "storage auth type must be 'iam' or 'accesskey', was '" + authType + "'");
    }
    boolean accessKeyAuth = authType.equals("accesskey");
    String accessKeyId = stow.get("access_key_id");
    String secretKey = stow.get("secret_key");
    if (accessKeyAuth && (isBlank(accessKeyId) || isBlank(secretKey))) {
      throw new IllegalStateException(
          "storage auth type 'accesskey' needs an access key and a secret key"
              + " (connection.access-key/secret-key or stow.config access_key_id/secret_key)");
    }
    String region = stow.get("region", DEFAULT_REGION);
    boolean disableSsl = stow.get("disable_ssl", "false").equalsIgnoreCase("true");
    String endpoint = stow.get("endpoint", "");
    URI uri;
    if (endpoint.isEmpty()) {
      uri = disableSsl ? URI.create("http://s3." + region + ".amazonaws.com") : null;
    } else {
      uri = parseEndpoint(endpoint, disableSsl);
    }
    return new S3Connection(
        accessKeyAuth, accessKeyId, secretKey, stow.get("token"), region, uri, !endpoint.isEmpty());
  }

  /** A synchronous client. */
  public S3Client newClient() {
    var builder =
        S3Client.builder()
            .region(Region.of(region))
            .credentialsProvider(credentials())
            .forcePathStyle(pathStyle);
    if (endpoint != null) {
      // S3-compatible servers may reject the SDK's default flexible checksums.
      builder
          .endpointOverride(endpoint)
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }
    return builder.build();
  }

  /** A presigner; the URLs it signs point at {@link #endpoint()}. */
  public S3Presigner newPresigner() {
    var builder =
        S3Presigner.builder()
            .region(Region.of(region))
            .credentialsProvider(credentials())
            .serviceConfiguration(
                S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build());
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }

  private AwsCredentialsProvider credentials() {
    if (!accessKeyAuth) {
      return DefaultCredentialsProvider.builder().build();
    }
    return StaticCredentialsProvider.create(
        isBlank(sessionToken)
            ? AwsBasicCredentials.create(accessKeyId, secretKey)
            : AwsSessionCredentials.create(accessKeyId, secretKey, sessionToken));
  }

  @Override
  public String toString() {
    return "S3Connection[auth="
        + (accessKeyAuth ? "accesskey" : "iam")
        + ", accessKeyId="
        + accessKeyId
        + ", region="
        + region
        + ", endpoint="
        + endpoint
        + ", pathStyle="
        + pathStyle
        + "]";
  }

  private static URI parseEndpoint(String endpoint, boolean disableSsl) {
    String withScheme =
        endpoint.contains("://") ? endpoint : (disableSsl ? "http://" : "https://") + endpoint;
    try {
      URI uri = URI.create(withScheme);
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("no host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "storage endpoint '" + endpoint + "' is not a URL: " + e.getMessage(), e);
    }
  }

  private static boolean isBlank(@Nullable String s) {
    return s == null || s.isBlank();
  }
}

package org.flyte.common.storage;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flyte.common.storage.gcs.GcsBlobStore;
import org.flyte.common.storage.gcs.GcsConnection;
import org.flyte.common.storage.local.LocalBlobStore;
import org.flyte.common.storage.memory.InMemoryBlobStore;
import org.flyte.common.storage.s3.S3BlobStore;
import org.flyte.common.storage.s3.S3Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link BlobStore} that {@link StorageProperties} describe, rejecting unusable
 * configuration with a readable {@link IllegalStateException}.
 *
 * <p>Follows {@code flytestdlib/storage/rawstores.go} and {@code newStowRawStore} in {@code
 * flytestdlib/storage/stow_store.go} (v1.16.8):
 *
 * <ul>
 *   <li>{@code mem} is the in-memory store;
 *   <li>{@code s3}, {@code minio}, {@code local} and {@code stow} use the {@code stow} block
 *       verbatim when both its kind and config are set; otherwise the legacy {@code connection}
 *       block is translated into a stow {@code s3} config;
 *   <li>{@code signed-url.stow-config-override} is merged over that config to build the location
 *       used for signing.
 * </ul>
 *
 * Deliberate differences: {@code type: local} without a stow block means local disk at {@code
 * local.path} (or {@code stow.config.path}) rather than S3; a stow kind other than {@code s3} with
 * an empty config is used as is (e.g. {@code google} with Application Default Credentials) rather
 * than silently replaced by S3; {@code type: minio} needs an endpoint; {@code type: gcs} is our
 * shorthand for stow kind {@code google}; stow kinds {@code azure}, {@code oracle} and {@code
 * swift} are not supported. No network call is made here: buckets are created on first write.
 */
public final class BlobStoreFactory {

  private static final Logger log = LoggerFactory.getLogger(BlobStoreFactory.class);

  private static final List<String> TYPES = List.of("s3", "minio", "gcs", "local", "mem", "stow");

  /** The container of {@code type: mem} when none is configured. */
  public static final String DEFAULT_MEMORY_CONTAINER = "flyte";

  private BlobStoreFactory() {}

  /** The store for {@code properties}. */
  public static BlobStore create(StorageProperties properties) {
    String type = properties.type().toLowerCase(Locale.ROOT);
    if (!TYPES.contains(type)) {
      throw invalid("type must be one of " + TYPES + ", was '" + properties.type() + "'");
    }
    int limit = properties.limits().maxDownloadMbs();
    if (limit < 0) {
      throw invalid("limits.max-download-mbs must be 0 (no limit) or more, was " + limit);
    }
    String container = properties.container() == null ? "" : properties.container().trim();
    if (type.equals("mem")) {
      return new InMemoryBlobStore(
          settings(properties, container.isEmpty() ? DEFAULT_MEMORY_CONTAINER : container));
    }
    if (container.isEmpty()) {
      throw invalid(
          "container is required for type '"
              + type
              + "' (the base bucket; Flyte requires it even with enable-multicontainer)");
    }
    BlobStoreSettings settings = settings(properties, container);
    StowConfig stow = stowConfig(type, properties);
    StowConfig signing = stow.withOverrides(properties.signedUrl().stowConfigOverride());
    log.info("Storage: type {}, container {}, location {}", type, container, stow);
    try {
      return switch (stow.kind()) {
        case "s3" -> s3(type, stow, signing, settings);
        case "google" ->
            GcsBlobStore.create(
                GcsConnection.fromStowConfig(stow),
                GcsConnection.fromStowConfig(signing),
                settings);
        case "local" -> local(stow, properties, settings);
        default ->
            throw new IllegalStateException(
                "stow kind '" + stow.kind() + "' is not supported (supported: s3, google, local)");
      };
    } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
      throw invalid(e.getMessage(), e);
    }
  }

  /** The stow location a type resolves to, before the signing override. */
  static StowConfig stowConfig(String type, StorageProperties properties) {
    String kind = properties.stow().kind() == null ? "" : properties.stow().kind().trim();
    Map<String, String> config = properties.stow().config();
    if (type.equals("gcs")) {
      if (!kind.isEmpty() && !kind.equalsIgnoreCase("google")) {
        throw invalid("type 'gcs' means stow kind 'google', but stow.kind is '" + kind + "'");
      }
      return new StowConfig("google", config);
    }
    if (!kind.isEmpty() && !config.isEmpty()) {
      return new StowConfig(kind, config);
    }
    if (type.equals("local")) {
      return new StowConfig("local", config);
    }
    if (!kind.isEmpty() && !kind.equalsIgnoreCase("s3")) {
      return new StowConfig(kind, config);
    }
    log.warn("stow configuration section missing, using the legacy s3/minio connection block");
    return legacyS3(properties.connection());
  }

  private static BlobStore s3(
      String type, StowConfig stow, StowConfig signing, BlobStoreSettings settings) {
    S3Connection connection = S3Connection.fromStowConfig(stow);
    if (type.equals("minio") && connection.endpoint() == null) {
      throw new IllegalStateException(
          "type 'minio' needs an endpoint (connection.endpoint or stow.config.endpoint)");
    }
    return S3BlobStore.create(connection, S3Connection.fromStowConfig(signing), settings);
  }

  private static BlobStore local(
      StowConfig stow, StorageProperties properties, BlobStoreSettings settings) {
    String path = properties.local().path();
    if (path == null || path.isBlank()) {
      path = stow.get("path", "");
    }
    if (path.isBlank()) {
      throw new IllegalStateException(
          "local storage needs a root directory: set local.path or stow.config.path");
    }
    return new LocalBlobStore(Path.of(path.trim()), settings);
  }

  private static StowConfig legacyS3(StorageProperties.Connection connection) {
    Map<String, String> config = new HashMap<>();
    config.put("auth_type", connection.authType());
    config.put("region", connection.region());
    putIfSet(config, "endpoint", connection.endpoint());
    putIfSet(config, "access_key_id", connection.accessKey());
    putIfSet(config, "secret_key", connection.secretKey());
    if (connection.disableSsl()) {
      config.put("disable_ssl", "true");
    }
    return new StowConfig("s3", config);
  }

  private static void putIfSet(Map<String, String> config, String key, String value) {
    if (value != null && !value.isBlank()) {
      config.put(key, value.trim());
    }
  }

  private static BlobStoreSettings settings(StorageProperties properties, String container) {
    return new BlobStoreSettings(
        container,
        properties.enableMulticontainer(),
        properties.limits().maxDownloadMbs(),
        BlobStoreSettings.DEFAULT_LIST_PAGE_SIZE);
  }

  private static IllegalStateException invalid(String message) {
    return new IllegalStateException("Invalid flyte.storage configuration: " + message);
  }

  private static IllegalStateException invalid(String message, Exception cause) {
    return new IllegalStateException("Invalid flyte.storage configuration: " + message, cause);
  }
}

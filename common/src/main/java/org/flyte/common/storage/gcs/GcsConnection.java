package org.flyte.common.storage.gcs;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.flyte.common.storage.StowConfig;
import org.jspecify.annotations.Nullable;

/**
 * How to reach Google Cloud Storage, read from a stow {@code google} config.
 *
 * <p>Follows the {@code google} kind of the stow library that {@code
 * flytestdlib/storage/stow_store.go} (v1.16.8) dials: {@code json} holds a credentials file's
 * content (empty means Application Default Credentials), {@code project_id}, and {@code scopes}
 * (comma-separated OAuth scopes).
 *
 * @param json credentials JSON, or null for Application Default Credentials
 * @param projectId the project, or null to take it from the credentials or environment
 * @param scopes OAuth scopes to request; empty for the library's default
 */
public record GcsConnection(
    @Nullable String json, @Nullable String projectId, List<String> scopes) {

  public GcsConnection {
    scopes = List.copyOf(scopes);
  }

  /** Reads a stow {@code google} config. */
  public static GcsConnection fromStowConfig(StowConfig stow) {
    String json = stow.get("json", "");
    String project = stow.get("project_id", "");
    List<String> scopes =
        Arrays.stream(stow.get("scopes", "").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList();
    return new GcsConnection(
        json.isEmpty() ? null : json, project.isEmpty() ? null : project, scopes);
  }

  /**
   * The credentials: the JSON key when given, otherwise Application Default Credentials.
   *
   * @throws IllegalStateException with a readable message when none can be loaded
   */
  @SuppressWarnings("deprecation") // fromStream: the JSON comes from our own configuration
  public GoogleCredentials credentials() {
    GoogleCredentials credentials;
    try {
      credentials =
          json == null
              ? GoogleCredentials.getApplicationDefault()
              : GoogleCredentials.fromStream(
                  new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalStateException(
          json == null
              ? "no Google credentials: set flyte.storage.stow.config.json or provide Application"
                  + " Default Credentials ("
                  + e.getMessage()
                  + ")"
              : "flyte.storage.stow.config.json is not a valid Google credentials file: "
                  + e.getMessage(),
          e);
    }
    return scopes.isEmpty() ? credentials : credentials.createScoped(scopes);
  }

  /** A client authenticated with {@code credentials}. */
  public Storage newStorage(GoogleCredentials credentials) {
    StorageOptions.Builder options = StorageOptions.newBuilder().setCredentials(credentials);
    if (projectId != null) {
      options.setProjectId(projectId);
    }
    return options.build().getService();
  }

  @Override
  public String toString() {
    return "GcsConnection[json="
        + (json == null ? "<ADC>" : "*****")
        + ", projectId="
        + projectId
        + ", scopes="
        + scopes
        + "]";
  }
}

package org.flyte.admin.service.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import org.flyte.admin.config.SecretsProperties;

/**
 * Reads FlyteAdmin's auth secrets: the environment variable {@code <envPrefix><name>} when set,
 * else the file {@code <secretsPrefix>/<name>}. A missing or unusable secret stops the start with a
 * message that names the configuration key, the file and the variable tried. Follows {@code
 * flytepropeller/pkg/controller/nodes/task/secretmanager/secrets.go} (v1.16.8).
 */
public final class AuthSecrets {

  private final SecretsProperties properties;
  private final Function<String, String> environment;

  public AuthSecrets(SecretsProperties properties, Function<String, String> environment) {
    this.properties = properties;
    this.environment = environment;
  }

  /** The secret's value, if present. */
  public Optional<String> find(String name) {
    String fromEnvironment = environment.apply(properties.envPrefix() + name);
    if (fromEnvironment != null) {
      return Optional.of(fromEnvironment);
    }
    Path file = file(name);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the secret file " + file + ": " + e, e);
    }
  }

  /**
   * The secret's value.
   *
   * @param key the configuration key that names the secret, for the message
   * @throws IllegalStateException when it is missing or empty
   */
  public String require(String key, String name) {
    String value =
        find(name)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Authentication is on (server.security.useAuth) but the secret "
                            + name
                            + " named by "
                            + key
                            + " is missing: neither the file "
                            + file(name)
                            + " (secrets.secrets-prefix) nor the variable "
                            + properties.envPrefix()
                            + name
                            + " exists (docs/authentication.md shows how to create it)"));
    if (value.isBlank()) {
      throw new IllegalStateException(
          "The secret " + name + " named by " + key + " (" + file(name) + ") is empty");
    }
    return value;
  }

  /**
   * A key stored as base64 (Flyte writes raw standard base64 without padding) of exactly {@code
   * length} bytes.
   */
  public byte[] requireKey(String key, String name, int length) {
    String value = require(key, name).trim();
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "The secret " + name + " named by " + key + " is not base64: " + e.getMessage(), e);
    }
    if (bytes.length != length) {
      throw new IllegalStateException(
          "The secret "
              + name
              + " named by "
              + key
              + " holds "
              + bytes.length
              + " bytes; it must hold "
              + length
              + " (base64 of "
              + length
              + " random bytes)");
    }
    return bytes;
  }

  /** The file a secret is read from. */
  public Path file(String name) {
    return Path.of(properties.secretsPrefix()).resolve(name);
  }
}

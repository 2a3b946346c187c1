package org.flyte.common.storage;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A stow location: a kind ({@code s3}, {@code google}, {@code local}, ...) and its string config,
 * as in Flyte's {@code storage.stow} section.
 *
 * <p>Follows {@code StowConfig} of {@code flytestdlib/storage/config.go} (v1.16.8). Keys are looked
 * up ignoring case, {@code _} and {@code -}, because Spring's binder drops underscores from map
 * keys that are not written in brackets ({@code stow.config.access_key_id} arrives as {@code
 * accesskeyid}).
 *
 * @param kind the stow kind, lower case
 * @param config the kind's settings (e.g. {@code endpoint}, {@code access_key_id}, {@code json})
 */
public record StowConfig(String kind, Map<String, String> config) {

  /** Keys whose values {@link #toString()} hides. */
  private static final Set<String> SECRETS = Set.of("secretkey", "token", "json", "key");

  public StowConfig {
    kind = kind.toLowerCase(Locale.ROOT);
    config = Map.copyOf(config);
  }

  /** The value of {@code key}, or null when absent. */
  public @Nullable String get(String key) {
    String wanted = normalize(key);
    for (Map.Entry<String, String> e : config.entrySet()) {
      if (normalize(e.getKey()).equals(wanted)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The value of {@code key}, or {@code fallback} when absent or blank. */
  public String get(String key, String fallback) {
    String value = get(key);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  /** A copy with {@code overrides} merged over the config (Flyte's {@code MergeMaps}). */
  public StowConfig withOverrides(Map<String, String> overrides) {
    Map<String, String> merged = new HashMap<>();
    config.forEach((k, v) -> merged.put(normalize(k), v));
    overrides.forEach((k, v) -> merged.put(normalize(k), v));
    return new StowConfig(kind, merged);
  }

  @Override
  public String toString() {
    Map<String, String> shown = new TreeMap<>();
    config.forEach((k, v) -> shown.put(k, SECRETS.contains(normalize(k)) ? "*****" : v));
    return "StowConfig[kind=" + kind + ", config=" + shown + "]";
  }

  private static String normalize(String key) {
    return key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
  }
}

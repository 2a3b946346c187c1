package org.flyte.compiler.k8s;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Label values of the custom resource: {@code SanitizeLabelValue} of {@code
 * flytepropeller/pkg/utils/k8s.go} and the {@code shard-key} of {@code
 * flytepropeller/pkg/compiler/transformers/k8s/workflow.go} (v1.16.8).
 */
public final class LabelValues {

  /** Propeller's shard key space ({@code v1alpha1.ShardKeyspaceSize}). */
  public static final int SHARD_KEYSPACE_SIZE = 32;

  private static final Pattern INVALID = Pattern.compile("[^-a-z0-9]+");
  private static final int MAX_LENGTH = 63;

  private LabelValues() {}

  /**
   * A valid label value from any text: lower-cased, each run of other characters than {@code
   * [-a-z0-9]} replaced by {@code -}, cut to 63 characters, dashes trimmed at both ends.
   */
  public static String sanitize(String name) {
    String value = INVALID.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-");
    if (value.length() > MAX_LENGTH) {
      value = value.substring(0, MAX_LENGTH);
    }
    int start = 0;
    int end = value.length();
    while (start < end && value.charAt(start) == '-') {
      start++;
    }
    while (end > start && value.charAt(end - 1) == '-') {
      end--;
    }
    return value.substring(start, end);
  }

  /** The shard key of an execution: FNV-1a (32 bit) of its name, modulo 32, in decimal. */
  public static String shardKey(String executionLabel) {
    int hash = 0x811c9dc5;
    for (byte b : executionLabel.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x01000193;
    }
    return Long.toString(Integer.toUnsignedLong(hash) % SHARD_KEYSPACE_SIZE);
  }
}

package org.flyte.runner.engine;

import java.nio.charset.StandardCharsets;

/**
 * Node ids of nested nodes and the names of task attempts, shortened as propeller shortens them
 * ({@code flyteplugins/go/tasks/pluginmachinery/encoding/encoder.go}, {@code
 * flytepropeller/pkg/controller/nodes/common/utils.go}, v1.16.8): the parts joined with {@code -},
 * replaced by {@code f} and the base32 of their FNV-1a hash when longer than the limit.
 */
final class UniqueIds {

  /** The longest node id propeller reports ({@code maxUniqueIDLength}). */
  static final int NODE_ID_LENGTH = 20;

  /** The longest task attempt name ({@code IDMaxLength}). */
  static final int TASK_NAME_LENGTH = 50;

  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz123456".toCharArray();

  private UniqueIds() {}

  /** The node's id as events report it, given its parent (null at the top). */
  static String node(ParentInfo parent, String nodeId) {
    if (parent == null) {
      return forParts(NODE_ID_LENGTH, "", "", nodeId);
    }
    return forParts(NODE_ID_LENGTH, parent.uniqueId(), Integer.toString(parent.attempt()), nodeId);
  }

  /** {@code FixedLengthUniqueIDForParts}. */
  static String forParts(int maxLength, String... parts) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0 && b.length() > 0) {
        b.append('-');
      }
      b.append(parts[i]);
    }
    return fixedLength(b.toString(), maxLength);
  }

  /**
   * The shard of a raw output path ({@code ioutils.NewBase36PrefixShardSelector}): one of the 1296
   * two-character prefixes {@code aa..99}, chosen by the 32-bit FNV-1a hash of the attempt's name.
   */
  static String shard(String uniqueId) {
    String chars = "abcdefghijklmnopqrstuvwxyz0123456789";
    int index = (int) (Integer.toUnsignedLong(fnv32(uniqueId)) % (chars.length() * chars.length()));
    return "" + chars.charAt(index / chars.length()) + chars.charAt(index % chars.length());
  }

  private static int fnv32(String text) {
    int hash = 0x811c9dc5;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x01000193;
    }
    return hash;
  }

  /** {@code FixedLengthUniqueID} with the default 32-bit FNV-1a hash. */
  static String fixedLength(String id, int maxLength) {
    if (id.length() <= maxLength) {
      return id;
    }
    int hash = fnv32(id);
    byte[] bytes = {(byte) (hash >>> 24), (byte) (hash >>> 16), (byte) (hash >>> 8), (byte) hash};
    return "f" + base32(bytes);
  }

  /** {@code FixedLengthUniqueIDForParts} with the 64-bit FNV-1a hash ({@code Algorithm64}). */
  static String forParts64(int maxLength, String... parts) {
    String id = String.join("-", parts);
    if (id.length() <= maxLength) {
      return id;
    }
    long hash = 0xcbf29ce484222325L;
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    byte[] bytes = new byte[8];
    for (int i = 0; i < 8; i++) {
      bytes[i] = (byte) (hash >>> (56 - 8 * i));
    }
    return "f" + base32(bytes);
  }

  private static String base32(byte[] data) {
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
    }
    return out.toString();
  }
}

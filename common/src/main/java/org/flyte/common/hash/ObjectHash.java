package org.flyte.common.hash;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Ben Laurie's objecthash of a JSON document, as Flyte hashes protos with it ({@code
 * flytestdlib/pbhash}, v1.16.8): FlyteAdmin's task and workflow digests, FlytePropeller's cache
 * keys. Every value is hashed with a one-letter type tag, numbers as normalized binary floats,
 * objects as their entries sorted by the hashes of their keys.
 */
public final class ObjectHash {

  private ObjectHash() {}

  /** The objecthash (SHA-256) of a JSON document. */
  public static byte[] ofJson(String json) {
    return hash(JsonParser.parseString(json));
  }

  private static byte[] hash(JsonElement value) {
    if (value.isJsonNull()) {
      return sha256("n", new byte[0]);
    }
    if (value.isJsonArray()) {
      ByteArrayOutputStream items = new ByteArrayOutputStream();
      value.getAsJsonArray().forEach(item -> items.writeBytes(hash(item)));
      return sha256("l", items.toByteArray());
    }
    if (value.isJsonObject()) {
      List<byte[]> entries = new ArrayList<>();
      for (Map.Entry<String, JsonElement> e : value.getAsJsonObject().entrySet()) {
        byte[] entry = Arrays.copyOf(string(e.getKey()), 64);
        System.arraycopy(hash(e.getValue()), 0, entry, 32, 32);
        entries.add(entry);
      }
      entries.sort(Arrays::compareUnsigned);
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      entries.forEach(all::writeBytes);
      return sha256("d", all.toByteArray());
    }
    var primitive = value.getAsJsonPrimitive();
    if (primitive.isBoolean()) {
      return sha256("b", (primitive.getAsBoolean() ? "1" : "0").getBytes(StandardCharsets.UTF_8));
    }
    if (primitive.isNumber()) {
      return sha256("f", normalize(primitive.getAsDouble()).getBytes(StandardCharsets.UTF_8));
    }
    return string(primitive.getAsString());
  }

  private static byte[] string(String s) {
    return sha256("u", s.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code <sign><exponent>:<mantissa bits>} with the mantissa in (0.5, 1]. */
  static String normalize(double value) {
    if (value == 0) {
      return "+0:";
    }
    StringBuilder out = new StringBuilder(value < 0 ? "-" : "+");
    double f = Math.abs(value);
    int exponent = 0;
    while (f > 1) {
      f /= 2;
      exponent++;
    }
    while (f <= 0.5) {
      f *= 2;
      exponent--;
    }
    out.append(exponent).append(':');
    while (f != 0) {
      if (f >= 1) {
        out.append('1');
        f -= 1;
      } else {
        out.append('0');
      }
      f *= 2;
    }
    return out.toString();
  }

  private static byte[] sha256(String tag, byte[] data) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(tag.getBytes(StandardCharsets.UTF_8));
      return digest.digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

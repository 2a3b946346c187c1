package org.flyte.admin.service.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypted, authenticated cookie values in gorilla/securecookie's format, which FlyteAdmin's login
 * cookies use ({@code flyteadmin/auth/cookie.go}, v1.16.8), so that logins survive a switch between
 * the Go and the Java control plane: the value gob-encoded as a Go string, AES-CTR encrypted with
 * the block key (random IV first), base64url; then {@code name|timestamp|value} MACed with
 * HMAC-SHA256 and {@code timestamp|value|mac} base64url-encoded. Values older than 30 days are
 * refused.
 */
public final class SecureCookieCodec {

  private static final Duration MAX_AGE = Duration.ofDays(30);
  private static final Base64.Encoder B64 = Base64.getUrlEncoder();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();
  private static final int GOB_STRING_TYPE = 12; // gob's type id 6 (string), as a signed int

  private final byte[] hashKey;
  private final byte[] blockKey;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public SecureCookieCodec(byte[] hashKey, byte[] blockKey, Clock clock) {
    this.hashKey = hashKey.clone();
    this.blockKey = blockKey.clone();
    this.clock = clock;
  }

  /** The cookie value for {@code value} under {@code name}. */
  public String encode(String name, String value) {
    try {
      byte[] iv = new byte[16];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(blockKey, "AES"), new IvParameterSpec(iv));
      byte[] encrypted = cipher.doFinal(gobString(value));
      byte[] payload = new byte[iv.length + encrypted.length];
      System.arraycopy(iv, 0, payload, 0, iv.length);
      System.arraycopy(encrypted, 0, payload, iv.length, encrypted.length);
      String encoded = B64.encodeToString(payload);
      String timestamp = Long.toString(clock.instant().getEpochSecond());
      byte[] mac = mac(name + "|" + timestamp + "|" + encoded);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes((timestamp + "|" + encoded + "|").getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(mac);
      return B64.encodeToString(out.toByteArray());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt a cookie", e);
    }
  }

  /** The value of a cookie, or empty when it was not written with these keys or is too old. */
  public Optional<String> decode(String name, String cookieValue) {
    try {
      byte[] raw = B64D.decode(cookieValue);
      int first = indexOf(raw, 0);
      int second = first < 0 ? -1 : indexOf(raw, first + 1);
      if (second < 0) {
        return Optional.empty();
      }
      String timestamp = new String(raw, 0, first, StandardCharsets.US_ASCII);
      String encoded = new String(raw, first + 1, second - first - 1, StandardCharsets.US_ASCII);
      byte[] mac = Arrays.copyOfRange(raw, second + 1, raw.length);
      if (!MessageDigest.isEqual(mac, mac(name + "|" + timestamp + "|" + encoded))) {
        return Optional.empty();
      }
      long issued = Long.parseLong(timestamp);
      if (issued < clock.instant().getEpochSecond() - MAX_AGE.toSeconds()) {
        return Optional.empty();
      }
      byte[] payload = B64D.decode(encoded);
      if (payload.length < 16) {
        return Optional.empty();
      }
      Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(blockKey, "AES"),
          new IvParameterSpec(Arrays.copyOfRange(payload, 0, 16)));
      return Optional.ofNullable(readGobString(cipher.doFinal(payload, 16, payload.length - 16)));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  private byte[] mac(String text) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(hashKey, "HmacSHA256"));
    return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
  }

  private static int indexOf(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == '|') {
        return i;
      }
    }
    return -1;
  }

  /** {@code gob.NewEncoder(w).Encode(value)} for a Go string. */
  static byte[] gobString(String value) {
    byte[] text = value.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    writeUint(body, GOB_STRING_TYPE);
    body.write(0); // singleton value, no field delta
    writeUint(body, text.length);
    body.writeBytes(text);
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    writeUint(message, body.size());
    message.writeBytes(body.toByteArray());
    return message.toByteArray();
  }

  static String readGobString(byte[] gob) {
    int[] position = {0};
    long length = readUint(gob, position);
    if (length != gob.length - position[0]) {
      return null;
    }
    if (readUint(gob, position) != GOB_STRING_TYPE || gob[position[0]++] != 0) {
      return null;
    }
    long size = readUint(gob, position);
    if (size != gob.length - position[0]) {
      return null;
    }
    return new String(gob, position[0], (int) size, StandardCharsets.UTF_8);
  }

  private static void writeUint(ByteArrayOutputStream out, long value) {
    if (value < 128) {
      out.write((int) value);
      return;
    }
    int bytes = (64 - Long.numberOfLeadingZeros(value) + 7) / 8;
    out.write(256 - bytes);
    for (int i = bytes - 1; i >= 0; i--) {
      out.write((int) (value >>> (8 * i)) & 0xff);
    }
  }

  private static long readUint(byte[] in, int[] position) {
    if (position[0] >= in.length) {
      throw new IllegalArgumentException("truncated gob");
    }
    int first = in[position[0]++] & 0xff;
    if (first < 128) {
      return first;
    }
    int bytes = 256 - first;
    if (bytes > 8 || position[0] + bytes > in.length) {
      throw new IllegalArgumentException("malformed gob");
    }
    long value = 0;
    for (int i = 0; i < bytes; i++) {
      value = (value << 8) | (in[position[0]++] & 0xff);
    }
    return value;
  }
}

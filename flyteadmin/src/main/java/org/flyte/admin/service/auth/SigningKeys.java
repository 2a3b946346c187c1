package org.flyte.admin.service.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The built-in server's token signing keys: the current RSA key, which signs, and optionally the
 * previous one, still accepted and published during a rotation. Keys are PEM: {@code RSA PRIVATE
 * KEY} (PKCS#1, what Flyte's {@code flyteadmin secret init} writes) or {@code PRIVATE KEY}
 * (PKCS#8). Key ids are RFC 7638 thumbprints, as Flyte assigns them ({@code
 * flyteadmin/auth/authzserver/metadata.go}, v1.16.8).
 */
public final class SigningKeys {

  private final RSAKey current;
  private final List<RSAKey> all;

  public SigningKeys(RSAKey current, List<RSAKey> previous) {
    this.current = current;
    List<RSAKey> keys = new ArrayList<>();
    keys.add(current);
    keys.addAll(previous);
    this.all = List.copyOf(keys);
  }

  /** The key that signs new tokens (with its private part). */
  public RSAKey current() {
    return current;
  }

  /** Every key with its private part, the signing key first. */
  public JWKSet privateSet() {
    return new JWKSet(List.copyOf(all));
  }

  /** The public keys, as {@code /oauth2/jwks} publishes them. */
  public JWKSet publicSet() {
    return privateSet().toPublicJWKSet();
  }

  /**
   * The RSA key of a PEM document.
   *
   * @throws IllegalArgumentException when it holds no RSA private key
   */
  public static RSAKey parsePem(String pem) {
    String type;
    if (pem.contains("-----BEGIN RSA PRIVATE KEY-----")) {
      type = "RSA PRIVATE KEY";
    } else if (pem.contains("-----BEGIN PRIVATE KEY-----")) {
      type = "PRIVATE KEY";
    } else {
      throw new IllegalArgumentException(
          "no PEM block 'RSA PRIVATE KEY' (PKCS#1) or 'PRIVATE KEY' (PKCS#8) found");
    }
    int start =
        pem.indexOf("-----BEGIN " + type + "-----") + ("-----BEGIN " + type + "-----").length();
    int end = pem.indexOf("-----END " + type + "-----", start);
    if (end < 0) {
      throw new IllegalArgumentException("the PEM block " + type + " is not terminated");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(pem.substring(start, end).trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the PEM block is not base64: " + e.getMessage(), e);
    }
    try {
      RSAPrivateCrtKey privateKey =
          (RSAPrivateCrtKey)
              KeyFactory.getInstance("RSA")
                  .generatePrivate(
                      type.equals("PRIVATE KEY") ? new PKCS8EncodedKeySpec(der) : pkcs1(der));
      RSAPublicKey publicKey =
          (RSAPublicKey)
              KeyFactory.getInstance("RSA")
                  .generatePublic(
                      new RSAPublicKeySpec(
                          privateKey.getModulus(), privateKey.getPublicExponent()));
      return new RSAKey.Builder(publicKey)
          .privateKey(privateKey)
          .keyUse(KeyUse.SIGNATURE)
          .keyIDFromThumbprint()
          .build();
    } catch (GeneralSecurityException | JOSEException | ClassCastException e) {
      throw new IllegalArgumentException("not a usable RSA private key: " + e.getMessage(), e);
    }
  }

  /** PKCS#1 {@code RSAPrivateKey ::= SEQUENCE { version, n, e, d, p, q, dp, dq, qinv }}. */
  private static RSAPrivateCrtKeySpec pkcs1(byte[] der) {
    DerReader sequence = new DerReader(der).sequence();
    sequence.integer(); // version
    BigInteger n = sequence.integer();
    BigInteger e = sequence.integer();
    BigInteger d = sequence.integer();
    BigInteger p = sequence.integer();
    BigInteger q = sequence.integer();
    BigInteger dp = sequence.integer();
    BigInteger dq = sequence.integer();
    BigInteger qinv = sequence.integer();
    return new RSAPrivateCrtKeySpec(n, e, d, p, q, dp, dq, qinv);
  }

  /** Just enough DER to read a SEQUENCE of INTEGERs. */
  private static final class DerReader {
    private final byte[] bytes;
    private int position;
    private final int limit;

    DerReader(byte[] bytes) {
      this(bytes, 0, bytes.length);
    }

    private DerReader(byte[] bytes, int position, int limit) {
      this.bytes = bytes;
      this.position = position;
      this.limit = limit;
    }

    DerReader sequence() {
      int length = header(0x30);
      DerReader inner = new DerReader(bytes, position, position + length);
      position += length;
      return inner;
    }

    BigInteger integer() {
      int length = header(0x02);
      byte[] value = java.util.Arrays.copyOfRange(bytes, position, position + length);
      position += length;
      return new BigInteger(value);
    }

    private int header(int tag) {
      if (position >= limit || (bytes[position++] & 0xff) != tag) {
        throw new IllegalArgumentException("malformed PKCS#1 RSA key");
      }
      int first = bytes[position++] & 0xff;
      if (first < 0x80) {
        return first;
      }
      int count = first & 0x7f;
      if (count > 4) {
        throw new IllegalArgumentException("malformed PKCS#1 RSA key");
      }
      int length = 0;
      for (int i = 0; i < count; i++) {
        length = (length << 8) | (bytes[position++] & 0xff);
      }
      if (length < 0 || position + length > limit) {
        throw new IllegalArgumentException("malformed PKCS#1 RSA key");
      }
      return length;
    }
  }
}

package org.flyte.testidp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.flyte.testing.TempPaths;

/** Keys, secrets and hand-made tokens for the auth tests. */
public final class TestKeys {

  private TestKeys() {}

  public static RSAKey newKey(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The PEM ({@code PRIVATE KEY}, PKCS#8) of a key. */
  public static String pem(RSAKey key) {
    try {
      return "-----BEGIN PRIVATE KEY-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes())
              .encodeToString(key.toPrivateKey().getEncoded())
          + "\n-----END PRIVATE KEY-----\n";
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A secrets directory for the built-in server (and, with {@code cookies}, the browser login). */
  public static Path secretsDir(RSAKey signing, boolean cookies) {
    try {
      Path dir = TempPaths.directory("flyte-auth-secrets");
      Files.writeString(dir.resolve("token_rsa_key.pem"), pem(signing));
      Files.writeString(dir.resolve("claim_symmetric_key"), randomKey(32));
      if (cookies) {
        Files.writeString(dir.resolve("cookie_hash_key"), randomKey(64));
        Files.writeString(dir.resolve("cookie_block_key"), randomKey(32));
        Files.writeString(dir.resolve("oidc_client_secret"), "admin-secret\n");
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String randomKey(int bytes) {
    byte[] key = new byte[bytes];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().withoutPadding().encodeToString(key);
  }

  /** A token signed with {@code key}, its {@code kid} in the header. */
  public static String sign(RSAKey key, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.flyte.common.storage.gcs;

import com.google.auth.oauth2.ServiceAccountCredentials;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** A service-account key generated for the test run, so signing works offline. */
public final class TestServiceAccounts {

  public static final String CLIENT_EMAIL = "flyte-test@test-project.iam.gserviceaccount.com";
  public static final String PROJECT = "test-project";

  private static KeyPair keyPair;

  private TestServiceAccounts() {}

  /** Credentials that sign with the generated key. */
  public static ServiceAccountCredentials credentials() {
    return ServiceAccountCredentials.newBuilder()
        .setClientEmail(CLIENT_EMAIL)
        .setClientId("1234567890")
        .setPrivateKey(keyPair().getPrivate())
        .setPrivateKeyId("test-key-id")
        .setProjectId(PROJECT)
        .build();
  }

  /** The same key as the JSON file Google hands out, for {@code stow.config.json}. */
  public static String json() {
    String pem =
        "-----BEGIN PRIVATE KEY-----\\n"
            + Base64.getEncoder().encodeToString(keyPair().getPrivate().getEncoded())
            + "\\n-----END PRIVATE KEY-----\\n";
    return """
        {
          "type": "service_account",
          "project_id": "%s",
          "private_key_id": "test-key-id",
          "private_key": "%s",
          "client_email": "%s",
          "client_id": "1234567890"
        }
        """
        .formatted(PROJECT, pem, CLIENT_EMAIL);
  }

  private static synchronized KeyPair keyPair() {
    if (keyPair == null) {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keyPair = generator.generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
    return keyPair;
  }
}

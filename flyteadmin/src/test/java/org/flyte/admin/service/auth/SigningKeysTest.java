package org.flyte.admin.service.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.flyte.testidp.TestKeys;
import org.junit.jupiter.api.Test;

class SigningKeysTest {

  @Test
  void readsPkcs1AsFlyteWritesItAndPkcs8() throws Exception {
    RSAKey key = TestKeys.newKey("k");
    byte[] pkcs8 = key.toPrivateKey().getEncoded();
    // PKCS#8 wraps the PKCS#1 key in an OCTET STRING after a 26-byte header for RSA-2048.
    assertThat(pkcs8[22]).isEqualTo((byte) 0x04);
    byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
    String pem =
        "-----BEGIN RSA PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(pkcs1)
            + "\n-----END RSA PRIVATE KEY-----\n";
    RSAKey fromPkcs1 = SigningKeys.parsePem(pem);
    RSAKey fromPkcs8 = SigningKeys.parsePem(TestKeys.pem(key));
    assertThat(fromPkcs1.getModulus()).isEqualTo(key.getModulus());
    assertThat(fromPkcs8.getKeyID()).isEqualTo(key.computeThumbprint().toString());
    assertThat(fromPkcs1.getKeyID()).isEqualTo(fromPkcs8.getKeyID());
    SigningKeys keys = new SigningKeys(fromPkcs8, List.of(TestKeys.newKey("old")));
    assertThat(keys.publicSet().getKeys())
        .hasSize(2)
        .allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
  }

  @Test
  void refusesWhatIsNotAnRsaKey() {
    assertThatThrownBy(() -> SigningKeys.parsePem("hello")).hasMessageContaining("RSA PRIVATE KEY");
    assertThatThrownBy(
            () ->
                SigningKeys.parsePem(
                    "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----"))
        .hasMessageContaining("RSA");
  }
}

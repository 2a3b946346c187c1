package org.flyte.admin.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.flyte.common.config.FlyteCommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flyteadmin secrets init} writes Flyte's four secrets; {@code secrets create} puts them
 * into a Secret once and never changes a key that is there (unless forced), against fabric8's mock
 * API server.
 */
@EnableKubernetesMockClient(crud = true)
class SecretsCommandTest {

  static KubernetesClient client;

  @TempDir Path dir;

  private static byte[] base64(Path file) throws Exception {
    return Base64.getDecoder().decode(Files.readString(file));
  }

  @Test
  void initWritesFlytesSecretsThroughTheCommandLine() throws Exception {
    Path out = dir.resolve("scratch/secrets");

    int status =
        SecretsCommand.run(
            FlyteCommandLine.parse("secrets", "init", "--localPath", out.toString()));

    assertThat(status).isZero();
    assertThat(base64(out.resolve("claim_symmetric_key"))).hasSize(32);
    assertThat(base64(out.resolve("cookie_hash_key"))).hasSize(64);
    assertThat(base64(out.resolve("cookie_block_key"))).hasSize(32);
    String pem = Files.readString(out.resolve("token_rsa_key.pem"));
    assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n");
    byte[] der =
        Base64.getMimeDecoder()
            .decode(pem.replaceAll("-----[A-Z ]+-----", "").getBytes(StandardCharsets.US_ASCII));
    RSAPrivateCrtKey key =
        (RSAPrivateCrtKey)
            KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    assertThat(key.getModulus().bitLength()).isEqualTo(2048);
  }

  @Test
  void createMakesTheSecretThenOnlyAddsMissingKeys() throws Exception {
    SecretsCommand.init(dir);

    assertThat(SecretsCommand.create(client, "flyte", "flyte-admin-secrets", dir, false))
        .startsWith("Created Secret flyte/flyte-admin-secrets");
    Secret created = client.secrets().inNamespace("flyte").withName("flyte-admin-secrets").get();
    assertThat(created.getData())
        .containsOnlyKeys(
            "claim_symmetric_key", "cookie_block_key", "cookie_hash_key", "token_rsa_key.pem");
    String claimKey = created.getData().get("claim_symmetric_key");

    // A restarted pod generates new secrets: the deployment keeps the ones it has.
    SecretsCommand.init(dir);
    Files.writeString(dir.resolve("oidc_client_secret"), "from-the-idp");
    assertThat(SecretsCommand.create(client, "flyte", "flyte-admin-secrets", dir, false))
        .isEqualTo("Added [oidc_client_secret] to Secret flyte/flyte-admin-secrets");
    Secret merged = client.secrets().inNamespace("flyte").withName("flyte-admin-secrets").get();
    assertThat(merged.getData().get("claim_symmetric_key")).isEqualTo(claimKey);
    assertThat(merged.getData()).hasSize(5);

    assertThat(SecretsCommand.create(client, "flyte", "flyte-admin-secrets", dir, true))
        .startsWith("Replaced Secret");
    assertThat(
            client
                .secrets()
                .inNamespace("flyte")
                .withName("flyte-admin-secrets")
                .get()
                .getData()
                .get("claim_symmetric_key"))
        .isNotEqualTo(claimKey);
  }

  @Test
  void refusesAnEmptyDirectoryAndUnknownSubcommands() {
    assertThat(
            SecretsCommand.run(
                FlyteCommandLine.parse("secrets", "create", "--fromPath", dir.toString())))
        .as("no Kubernetes is reachable or no files: a clear failure")
        .isEqualTo(1);
    assertThat(SecretsCommand.run(FlyteCommandLine.parse("secrets", "rotate")))
        .isEqualTo(FlyteCommandLine.USAGE);
  }
}

package org.flyte.admin.secrets;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.flyte.common.config.FlyteCommandLine;

/**
 * {@code flyteadmin secrets init} and {@code flyteadmin secrets create}, the commands of Flyte's
 * Helm chart that give FlyteAdmin its authentication secrets before it serves (its {@code
 * generate-secrets} init container). Follows {@code flyteadmin/auth/init_secrets.go} and {@code
 * create_secrets.go} (v1.16.8):
 *
 * <ul>
 *   <li>{@code init [--localPath <dir>]} writes fresh {@code claim_symmetric_key} (32 random
 *       bytes), {@code cookie_hash_key} (64), {@code cookie_block_key} (32), each unpadded base64,
 *       and {@code token_rsa_key.pem} (a 2048-bit RSA key) into the directory (default: the working
 *       directory);
 *   <li>{@code create [--name <secret>] [--fromPath <dir>] [--force]} puts every file of the
 *       directory into the Secret (default {@code flyte-admin-auth}) in namespace {@code
 *       $POD_NAMESPACE} (default {@code default}): created when missing, else only the keys it
 *       lacks are added, so the secrets of a running deployment never change; {@code --force}
 *       replaces them all.
 * </ul>
 *
 * Neither starts the app: they need no database and no configuration.
 */
public final class SecretsCommand {

  static final String POD_NAMESPACE = "POD_NAMESPACE";

  private SecretsCommand() {}

  /** Runs {@code secrets init|create}; returns the exit status. */
  public static int run(FlyteCommandLine line) {
    try {
      if (line.is("secrets", "init")) {
        Path dir = Path.of(line.option("localPath", "")).toAbsolutePath();
        init(dir);
        System.out.println("Wrote FlyteAdmin's secrets to " + dir);
        return 0;
      }
      if (line.is("secrets", "create")) {
        String namespace = System.getenv().getOrDefault(POD_NAMESPACE, "default");
        try (KubernetesClient client = new KubernetesClientBuilder().build()) {
          String outcome =
              create(
                  client,
                  namespace,
                  line.option("name", "flyte-admin-auth"),
                  Path.of(line.option("fromPath", "/etc/secrets")),
                  line.flag("force"));
          System.out.println(outcome);
        }
        return 0;
      }
    } catch (RuntimeException e) {
      System.err.println("flyteadmin " + String.join(" ", line.command()) + ": " + e.getMessage());
      return 1;
    }
    return line.usage(
        "flyteadmin",
        "secrets init [--localPath <dir>]",
        "secrets create [--name <secret>] [--fromPath <dir>] [--force]");
  }

  /** Writes fresh secrets into {@code dir}. */
  static void init(Path dir) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("claim_symmetric_key"), randomKey(32));
      Files.writeString(dir.resolve("cookie_hash_key"), randomKey(64));
      Files.writeString(dir.resolve("cookie_block_key"), randomKey(32));
      Files.writeString(dir.resolve("token_rsa_key.pem"), rsaKeyPem());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the secrets into " + dir + ": " + e, e);
    }
  }

  /**
   * Puts the files of {@code from} into Secret {@code name}.
   *
   * @return what happened, for the log
   */
  static String create(
      KubernetesClient client, String namespace, String name, Path from, boolean force) {
    Map<String, String> files = read(from);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no secret files in " + from);
    }
    var secrets = client.secrets().inNamespace(namespace);
    Secret existing = secrets.withName(name).get();
    if (existing == null) {
      secrets.resource(secret(namespace, name, files)).create();
      return "Created Secret " + namespace + "/" + name + " with " + files.keySet();
    }
    if (force) {
      secrets.resource(secret(namespace, name, files)).update();
      return "Replaced Secret " + namespace + "/" + name + " with " + files.keySet();
    }
    Map<String, String> data = new LinkedHashMap<>();
    if (existing.getData() != null) {
      data.putAll(existing.getData());
    }
    Map<String, String> added = new TreeMap<>();
    files.forEach(
        (key, value) -> {
          if (!data.containsKey(key)) {
            added.put(key, value);
          }
        });
    if (added.isEmpty()) {
      return "Secret " + namespace + "/" + name + " already has " + files.keySet();
    }
    secrets
        .withName(name)
        .edit(
            s -> {
              Map<String, String> merged = new LinkedHashMap<>(data);
              added.forEach((k, v) -> merged.put(k, encode(v)));
              s.setData(merged);
              return s;
            });
    return "Added " + added.keySet() + " to Secret " + namespace + "/" + name;
  }

  private static Secret secret(String namespace, String name, Map<String, String> files) {
    Map<String, String> data = new TreeMap<>();
    files.forEach((k, v) -> data.put(k, encode(v)));
    return new SecretBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .withType("Opaque")
        .withData(data)
        .build();
  }

  private static Map<String, String> read(Path dir) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path file : entries.filter(Files::isRegularFile).toList()) {
        files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the secrets in " + dir + ": " + e, e);
    }
    return files;
  }

  private static String encode(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code bytes} random bytes, unpadded base64: Flyte's form of the symmetric secrets. */
  public static String randomKey(int bytes) {
    byte[] key = new byte[bytes];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().withoutPadding().encodeToString(key);
  }

  /** A fresh 2048-bit RSA key in PKCS#8 PEM, which FlyteAdmin's token signer reads. */
  public static String rsaKeyPem() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
      return "-----BEGIN PRIVATE KEY-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
          + "\n-----END PRIVATE KEY-----\n";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

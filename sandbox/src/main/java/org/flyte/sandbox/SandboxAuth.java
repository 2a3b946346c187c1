package org.flyte.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flyte.admin.secrets.SecretsCommand;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The sandbox with authentication on ({@code ./sandbox.sh --auth}): FlyteAdmin's built-in
 * authorization server with secrets generated once under {@code <data dir>/auth/} and kept for the
 * next start: the token signing key, the claim key, and the secret of the confidential client
 * {@code flytepropeller} (its bcrypt hash goes into admin's configuration, the secret itself into
 * {@code auth/client_secret} for flytekit, flytectl and the scheduler). Browser login needs an
 * OpenID provider and stays off (docs/authentication.md shows how to add one).
 */
public final class SandboxAuth {

  /** The flag that turns it on. */
  public static final String FLAG = "--auth";

  /** The confidential client apps authenticate as. */
  public static final String CLIENT_ID = "flytepropeller";

  private final Path dir;
  private final String clientSecretHash;
  private final int httpPort;

  private SandboxAuth(Path dir, String clientSecretHash, int httpPort) {
    this.dir = dir;
    this.clientSecretHash = clientSecretHash;
    this.httpPort = httpPort;
  }

  /** Creates the secrets under {@code <data dir>/auth/} unless they exist. */
  public static SandboxAuth prepare(SandboxSettings settings) {
    Path dir = settings.dir().resolve("auth");
    try {
      Files.createDirectories(dir);
      writeOnce(dir.resolve("token_rsa_key.pem"), SecretsCommand::rsaKeyPem);
      writeOnce(dir.resolve("claim_symmetric_key"), () -> SecretsCommand.randomKey(32));
      writeOnce(dir.resolve("client_secret"), () -> SecretsCommand.randomKey(24));
      String secret = Files.readString(dir.resolve("client_secret")).trim();
      Path hashFile = dir.resolve("client_secret.bcrypt");
      String hash = Files.isRegularFile(hashFile) ? Files.readString(hashFile).trim() : "";
      if (hash.isEmpty() || !new BCryptPasswordEncoder().matches(secret, hash)) {
        hash = new BCryptPasswordEncoder(10).encode(secret);
        Files.writeString(hashFile, hash);
      }
      return new SandboxAuth(dir, hash, settings.adminHttpPort());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the sandbox's auth secrets in " + dir, e);
    }
  }

  /** FlyteAdmin's settings. */
  public List<String> adminArgs() {
    return List.of(
        "--flyte.server.security.useAuth=true",
        "--flyte.server.security.insecureCookieHeader=true",
        "--flyte.secrets.secrets-prefix=" + dir,
        "--flyte.auth.authorizedUris[0]=http://localhost:" + httpPort,
        "--flyte.auth.appAuth.selfAuthServer.staticClients.flytepropeller.client_secret="
            + clientSecretHash);
  }

  /** The scheduler's admin client credentials. */
  public List<String> schedulerArgs() {
    return List.of(
        "--flyte.admin.clientId=" + CLIENT_ID,
        "--flyte.admin.clientSecretLocation=" + clientSecretFile());
  }

  public Path clientSecretFile() {
    return dir.resolve("client_secret");
  }

  /** What a user needs to authenticate. */
  public String describe() {
    return "  Auth is ON (built-in authorization server). Client credentials: id "
        + CLIENT_ID
        + ", secret in "
        + clientSecretFile()
        + System.lineSeparator()
        + "    (flytectl: authType: ClientSecret, clientId, clientSecretLocation; pyflyte: --config"
        + " with admin.authType: ClientSecret, admin.clientId, admin.clientSecretLocation)";
  }

  private interface Content {
    String create();
  }

  private static void writeOnce(Path file, Content content) throws IOException {
    if (!Files.isRegularFile(file) || Files.size(file) == 0) {
      Files.writeString(file, content.create());
    }
  }
}

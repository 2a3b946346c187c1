package org.flyte.common.auth.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The credentials part of Flyte's {@code admin} client section, under {@code flyte.admin}. Keys and
 * defaults follow {@code flyteidl/clients/go/admin/config.go} (v1.16.8). Only {@code ClientSecret}
 * (OAuth2 client credentials) is implemented: our apps run unattended.
 *
 * @param authType {@code ClientSecret} (default); {@code Pkce}, {@code DeviceFlow} and {@code
 *     ExternalCommand} need a person or a command and are refused at start-up
 * @param clientId the OAuth2 client id; default {@code flytepropeller}
 * @param clientSecretLocation the file holding the client secret (whitespace trimmed); default
 *     {@code /etc/secrets/client_secret}
 * @param clientSecretEnvVar an environment variable holding the secret; wins when set
 * @param tokenUrl the token endpoint; empty takes {@code token_endpoint} from FlyteAdmin's OAuth2
 *     metadata
 * @param scopes the scopes to request; empty takes those of FlyteAdmin's public client config
 * @param audience the {@code audience} form parameter, for IdPs that need one (Auth0)
 * @param useAudienceFromAdmin take the audience from FlyteAdmin's public client config
 * @param authorizationHeader the metadata key for the token; empty takes FlyteAdmin's {@code
 *     authorization_metadata_key}
 * @param maxRetries how often a failed token request is retried; default 4
 * @param perRetryTimeout the timeout of one token request; default 15s
 */
@ConfigurationProperties(prefix = "flyte.admin")
public record AdminAuthProperties(
    @DefaultValue("ClientSecret") String authType,
    @DefaultValue("flytepropeller") String clientId,
    @DefaultValue("/etc/secrets/client_secret") Path clientSecretLocation,
    @DefaultValue("") String clientSecretEnvVar,
    @DefaultValue("") String tokenUrl,
    @DefaultValue List<String> scopes,
    @DefaultValue("") String audience,
    @DefaultValue("false") boolean useAudienceFromAdmin,
    @DefaultValue("") String authorizationHeader,
    @DefaultValue("4") int maxRetries,
    @DefaultValue("15s") Duration perRetryTimeout) {

  /** The one {@code authType} implemented here. */
  public static final String CLIENT_SECRET = "ClientSecret";

  /** The defaults, as an app without any {@code admin} section has them. */
  public static AdminAuthProperties defaults() {
    return new AdminAuthProperties(
        CLIENT_SECRET,
        "flytepropeller",
        Path.of("/etc/secrets/client_secret"),
        "",
        "",
        List.of(),
        "",
        false,
        "",
        4,
        Duration.ofSeconds(15));
  }

  /**
   * @throws IllegalStateException for an {@code authType} other than {@code ClientSecret}
   */
  public void requireSupported() {
    if (!CLIENT_SECRET.equalsIgnoreCase(authType)) {
      throw new IllegalStateException(
          "admin.authType "
              + authType
              + " is not supported by this service: it runs unattended and authenticates with"
              + " admin.authType: ClientSecret (admin.clientId, admin.clientSecretLocation)");
    }
  }
}

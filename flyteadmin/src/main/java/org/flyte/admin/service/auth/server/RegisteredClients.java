package org.flyte.admin.service.auth.server;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.flyte.admin.config.AuthProperties;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The built-in server's clients from {@code auth.appAuth.selfAuthServer.staticClients} (over
 * Flyte's defaults): public clients use authorization code with PKCE; confidential ones
 * authenticate with their secret, checked against its bcrypt hash ({@code client_secret}, plain or
 * base64 as Flyte's config carries it). Invalid entries stop the start with the client named.
 */
public final class RegisteredClients {

  private RegisteredClients() {}

  public static InMemoryRegisteredClientRepository from(AuthProperties.SelfAuthServer server) {
    List<RegisteredClient> clients = new ArrayList<>();
    for (Map.Entry<String, AuthProperties.StaticClient> entry : server.clients().entrySet()) {
      clients.add(toRegistered(entry.getKey(), entry.getValue(), server));
    }
    return new InMemoryRegisteredClientRepository(clients);
  }

  private static RegisteredClient toRegistered(
      String key, AuthProperties.StaticClient client, AuthProperties.SelfAuthServer server) {
    String id = client.id() == null || client.id().isEmpty() ? key : client.id();
    String where = "auth.appAuth.selfAuthServer.staticClients." + key;
    RegisteredClient.Builder builder = RegisteredClient.withId(id).clientId(id);
    if (client.publicClient()) {
      builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
    } else {
      String hash = bcryptHash(client.clientSecret(), where);
      builder
          .clientSecret("{bcrypt}" + hash)
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
    }
    if (client.grantTypesOrEmpty().isEmpty()) {
      throw new IllegalStateException(where + ".grant_types is empty");
    }
    for (String grant : client.grantTypesOrEmpty()) {
      builder.authorizationGrantType(
          switch (grant) {
            case "authorization_code" -> AuthorizationGrantType.AUTHORIZATION_CODE;
            case "refresh_token" -> AuthorizationGrantType.REFRESH_TOKEN;
            case "client_credentials" -> AuthorizationGrantType.CLIENT_CREDENTIALS;
            default ->
                throw new IllegalStateException(
                    where
                        + ".grant_types: "
                        + grant
                        + " is not one of authorization_code, refresh_token, client_credentials");
          });
    }
    client.redirectUrisOrEmpty().forEach(builder::redirectUri);
    client.scopesOrEmpty().forEach(builder::scope);
    builder.clientSettings(
        ClientSettings.builder()
            .requireProofKey(client.publicClient())
            .requireAuthorizationConsent(false)
            .build());
    builder.tokenSettings(
        TokenSettings.builder()
            .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
            .accessTokenTimeToLive(positive(server.accessTokenLifespan()))
            .refreshTokenTimeToLive(positive(server.refreshTokenLifespan()))
            .authorizationCodeTimeToLive(positive(server.authorizationCodeLifespan()))
            .reuseRefreshTokens(false)
            .build());
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(where + " is not a valid client: " + e.getMessage(), e);
    }
  }

  /** The bcrypt hash in {@code client_secret}, which Flyte's config holds plain or base64. */
  static String bcryptHash(String configured, String where) {
    if (configured == null || configured.isBlank()) {
      throw new IllegalStateException(
          where
              + ".client_secret is missing: a confidential client needs the bcrypt hash of its"
              + " secret (e.g. htpasswd -nbBC 10 '' <secret> | tr -d ':\\n')");
    }
    String value = configured.trim();
    if (!value.startsWith("$2")) {
      try {
        value = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8).trim();
      } catch (IllegalArgumentException e) {
        value = "";
      }
    }
    if (!value.matches("\\$2[abyx]?\\$\\d\\d\\$[./A-Za-z0-9]{53}")) {
      throw new IllegalStateException(
          where + ".client_secret is not a bcrypt hash (plain or base64-encoded)");
    }
    return value;
  }

  private static Duration positive(Duration duration) {
    return duration.isNegative() || duration.isZero() ? Duration.ofMinutes(5) : duration;
  }
}

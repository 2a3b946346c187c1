package org.flyte.admin.config;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.flyte.admin.service.auth.BrowserLogin;
import org.flyte.admin.service.auth.OAuth2MetadataService;
import org.flyte.admin.service.auth.PublicUrls;
import org.flyte.admin.service.auth.SigningKeys;
import org.flyte.admin.service.auth.TokenAuthenticator;
import org.flyte.admin.service.auth.server.FlyteAccessTokens;
import org.flyte.admin.service.auth.server.LoginUserFilter;
import org.flyte.admin.service.auth.server.RegisteredClients;
import org.flyte.admin.service.auth.server.StatelessGrants;
import org.flyte.common.auth.JwtVerifier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The built-in authorization server ({@code auth.appAuth.authServerType: Self}) on Spring
 * Authorization Server, under {@code /oauth2/*} only: {@code /oauth2/token} (client credentials,
 * authorization code with PKCE, refresh), {@code /oauth2/authorize} (after the browser login),
 * {@code /oauth2/jwks}. Its metadata is FlyteAdmin's own {@code AuthMetadataService}. Spring
 * Security's filter chain is registered for {@code /oauth2/*} alone, so no other request passes
 * through it. Follows {@code flyteadmin/auth/authzserver} (v1.16.8); ADR 0022 lists the
 * differences.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "flyte.server.security.use-auth")
@ConditionalOnProperty(
    name = "flyte.auth.app-auth.auth-server-type",
    havingValue = "Self",
    matchIfMissing = true)
@EnableWebSecurity
class SelfAuthServerConfiguration {

  /** The issuer of the request being served ({@code selfAuthServer.issuer} or its public URL). */
  @Bean
  Supplier<String> selfIssuer(OAuth2MetadataService metadata, PublicUrls publicUrls) {
    return () -> {
      String host = null;
      if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
        HttpServletRequest request = attrs.getRequest();
        host = request.getHeader("X-Forwarded-Host");
        if (host == null || host.isEmpty()) {
          host = request.getHeader("Host");
        }
      }
      return metadata.issuer(publicUrls.forRequest(null, host));
    };
  }

  @Bean
  InMemoryRegisteredClientRepository registeredClients(AuthProperties auth) {
    return RegisteredClients.from(auth.appAuth().selfAuthServer());
  }

  /** The keys {@code /oauth2/jwks} publishes (current and previous). */
  @Bean
  JWKSource<SecurityContext> publishedKeys(AuthConfiguration.AccessTokenKeys keys) {
    SigningKeys signing = keys.selfKeys();
    return new ImmutableJWKSet<>(signing == null ? new JWKSet() : signing.publicSet());
  }

  @Bean
  StatelessGrants statelessGrants(
      AuthConfiguration.AccessTokenKeys keys,
      InMemoryRegisteredClientRepository clients,
      @Qualifier("selfIssuer") Supplier<String> issuer) {
    SigningKeys signing = keys.selfKeys();
    return new StatelessGrants(
        signing.current(),
        new JwtVerifier(keys.source(), true, Clock.systemUTC(), Duration.ZERO),
        clients,
        issuer,
        Clock.systemUTC());
  }

  @Bean
  SecurityFilterChain authorizationServerChain(
      HttpSecurity http,
      AuthConfiguration.AccessTokenKeys keys,
      InMemoryRegisteredClientRepository clients,
      StatelessGrants grants,
      @Qualifier("selfIssuer") Supplier<String> issuer,
      TokenAuthenticator tokens,
      AuthProperties auth,
      BrowserLogin login)
      throws Exception {
    SigningKeys signing = keys.selfKeys();
    JwtGenerator accessTokens =
        new JwtGenerator(
            new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signing.current()))));
    accessTokens.setJwtCustomizer(new FlyteAccessTokens(issuer, signing.current().getKeyID()));
    DelegatingOAuth2TokenGenerator tokenGenerator =
        new DelegatingOAuth2TokenGenerator(accessTokens, grants.refreshTokens());
    AuthorizationServerSettings settings =
        AuthorizationServerSettings.builder()
            .authorizationEndpoint(OAuth2MetadataService.AUTHORIZE_PATH)
            .tokenEndpoint(OAuth2MetadataService.TOKEN_PATH)
            .jwkSetEndpoint(OAuth2MetadataService.JWKS_PATH)
            .tokenIntrospectionEndpoint("/oauth2/introspect")
            .tokenRevocationEndpoint("/oauth2/revoke")
            .deviceAuthorizationEndpoint("/oauth2/device_authorization")
            .deviceVerificationEndpoint("/oauth2/device_verification")
            .pushedAuthorizationRequestEndpoint("/oauth2/par")
            .build();
    http.securityMatcher("/oauth2/**")
        .oauth2AuthorizationServer(
            server ->
                server
                    .registeredClientRepository(clients)
                    .authorizationService(grants)
                    .authorizationServerSettings(settings)
                    .tokenGenerator(tokenGenerator)
                    .authorizationEndpoint(
                        endpoint ->
                            endpoint.authenticationProviders(
                                providers ->
                                    providers.forEach(
                                        provider -> {
                                          if (provider
                                              instanceof
                                              OAuth2AuthorizationCodeRequestAuthenticationProvider
                                                  codeRequests) {
                                            codeRequests.setAuthorizationCodeGenerator(
                                                grants.codes());
                                            codeRequests.setAuthenticationValidator(
                                                SelfAuthServerConfiguration::validate);
                                          }
                                        }))))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(OAuth2MetadataService.JWKS_PATH)
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .addFilterBefore(
            new LoginUserFilter(
                tokens, auth.httpAuthorizationHeader(), login.provider(), login.cookies()),
            AbstractPreAuthenticatedProcessingFilter.class)
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(
                    (request, response, failure) -> {
                      String query = request.getQueryString();
                      String original =
                          request.getRequestURI() + (query == null ? "" : "?" + query);
                      response.setStatus(307);
                      response.setHeader(
                          "Location",
                          "/login?redirect_url="
                              + URLEncoder.encode(original, StandardCharsets.UTF_8));
                    }))
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  /**
   * Redirect URIs must equal a registered one exactly, {@code localhost} included (flytectl and
   * flytekit listen on {@code http://localhost:53593/callback}; Spring Authorization Server alone
   * refuses {@code localhost}); scopes as Spring's default validator checks them.
   */
  static void validate(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
    OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
    String redirect = request.getRedirectUri();
    if (redirect == null || !context.getRegisteredClient().getRedirectUris().contains(redirect)) {
      throw new OAuth2AuthorizationCodeRequestAuthenticationException(
          new OAuth2Error(
              OAuth2ErrorCodes.INVALID_REQUEST,
              "redirect_uri "
                  + redirect
                  + " is not registered for client "
                  + context.getRegisteredClient().getClientId(),
              null),
          null);
    }
    OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_SCOPE_VALIDATOR.accept(context);
  }

  /** Spring Security's filters see {@code /oauth2/*} only. */
  @Bean
  FilterRegistrationBean<Filter> authorizationServerFilter(
      @Qualifier("springSecurityFilterChain") Filter springSecurityFilterChain) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(springSecurityFilterChain);
    registration.addUrlPatterns("/oauth2/*");
    registration.setOrder(-100);
    return registration;
  }
}

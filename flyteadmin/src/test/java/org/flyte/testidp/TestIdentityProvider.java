package org.flyte.testidp;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.boot.web.server.servlet.ServletWebServerFactory;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;

/**
 * A real OpenID Connect provider for the tests: Spring Authorization Server with OIDC, a form login
 * for the user {@code alice} (password {@code wonderland}), and FlyteAdmin registered as the
 * confidential client {@code flyteadmin} (secret {@code admin-secret}, any redirect URI), on the
 * build's servlet container at a random port. Discovery, JWKS, login, code exchange and userinfo
 * are the provider's own; {@link #key()} signs hand-made tokens for the refusal tests.
 */
public final class TestIdentityProvider implements AutoCloseable {

  public static final String USER = "alice";
  public static final String PASSWORD = "wonderland";
  public static final String CLIENT_ID = "flyteadmin";
  public static final String CLIENT_SECRET = "admin-secret";

  static RSAKey signingKey;

  private final WebServer server;
  private final AnnotationConfigWebApplicationContext spring;
  private final RSAKey key;

  private TestIdentityProvider(
      WebServer server, AnnotationConfigWebApplicationContext spring, RSAKey key) {
    this.server = server;
    this.spring = spring;
    this.key = key;
  }

  public static TestIdentityProvider start() {
    try {
      RSAKey key = TestKeys.newKey("idp-" + UUID.randomUUID());
      signingKey = key;
      AnnotationConfigWebApplicationContext spring = new AnnotationConfigWebApplicationContext();
      spring.register(Provider.class);
      ServletContextInitializer initializer =
          servletContext -> {
            spring.setServletContext(servletContext);
            spring.refresh();
            Filter security = spring.getBean("springSecurityFilterChain", Filter.class);
            servletContext
                .addFilter("security", security)
                .addMappingForUrlPatterns(null, false, "/*");
            servletContext
                .addServlet(
                    "notFound",
                    new HttpServlet() {
                      @Override
                      protected void service(
                          HttpServletRequest request, HttpServletResponse response) {
                        response.setStatus(404);
                      }
                    })
                .addMapping("/");
          };
      WebServer server = serverFactory().getWebServer(initializer);
      server.start();
      return new TestIdentityProvider(server, spring, key);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the test identity provider", e);
    }
  }

  /** Whichever servlet container the build has (Tomcat or Jetty), on a random port. */
  private static ServletWebServerFactory serverFactory() throws ReflectiveOperationException {
    for (String name :
        List.of(
            "org.springframework.boot.jetty.servlet.JettyServletWebServerFactory",
            "org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory")) {
      try {
        ConfigurableServletWebServerFactory factory =
            (ConfigurableServletWebServerFactory)
                Class.forName(name).getDeclaredConstructor().newInstance();
        factory.setPort(0);
        return factory;
      } catch (ClassNotFoundException e) {
        // try the next container
      }
    }
    throw new IllegalStateException("no servlet container on the test classpath");
  }

  /** The issuer (and base URL) of the provider. */
  public String issuer() {
    return "http://127.0.0.1:" + server.getPort();
  }

  public RSAKey key() {
    return key;
  }

  @Override
  public void close() {
    server.stop();
    spring.close();
  }

  @Configuration(proxyBeanMethods = false)
  @EnableWebSecurity
  static class Provider {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
      http.oauth2AuthorizationServer(
          configurer -> {
            http.securityMatcher(configurer.getEndpointsMatcher());
            configurer
                .oidc(Customizer.withDefaults())
                .authorizationEndpoint(
                    endpoint ->
                        endpoint.authenticationProviders(
                            providers ->
                                providers.forEach(
                                    provider -> {
                                      if (provider
                                          instanceof
                                          OAuth2AuthorizationCodeRequestAuthenticationProvider
                                              requests) {
                                        requests.setAuthenticationValidator(
                                            OAuth2AuthorizationCodeRequestAuthenticationValidator
                                                .DEFAULT_SCOPE_VALIDATOR);
                                      }
                                    })));
          });
      http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
          .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
          .exceptionHandling(
              exceptions ->
                  exceptions.authenticationEntryPoint(
                      new LoginUrlAuthenticationEntryPoint("/login")))
          .csrf(csrf -> csrf.disable());
      return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain login(HttpSecurity http) throws Exception {
      http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
          .formLogin(Customizer.withDefaults())
          .csrf(csrf -> csrf.disable());
      return http.build();
    }

    @Bean
    UserDetailsService users() {
      return new InMemoryUserDetailsManager(
          User.withUsername(USER).password("{noop}" + PASSWORD).roles("USER").build());
    }

    @Bean
    RegisteredClientRepository clients() {
      return new InMemoryRegisteredClientRepository(
          RegisteredClient.withId(CLIENT_ID)
              .clientId(CLIENT_ID)
              .clientSecret("{noop}" + CLIENT_SECRET)
              .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
              .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
              .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
              .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
              .redirectUri("http://127.0.0.1/callback")
              .scope(OidcScopes.OPENID)
              .scope(OidcScopes.PROFILE)
              .scope("all")
              .clientSettings(
                  ClientSettings.builder()
                      .requireAuthorizationConsent(false)
                      .requireProofKey(false)
                      .build())
              .build());
    }

    @Bean
    JWKSource<SecurityContext> keys() {
      return new ImmutableJWKSet<>(new JWKSet(signingKey));
    }

    @Bean
    AuthorizationServerSettings settings() {
      return AuthorizationServerSettings.builder().build();
    }

    @Bean
    org.springframework.security.oauth2.jwt.JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
      return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }
  }

  /** Spring's helper lives in the config module under this name. */
  private static final class OAuth2AuthorizationServerConfiguration {
    static org.springframework.security.oauth2.jwt.JwtDecoder jwtDecoder(
        JWKSource<SecurityContext> keys) {
      return org.springframework.security.oauth2.jwt.NimbusJwtDecoder.withJwkSource(keys).build();
    }
  }
}

package org.flyte.common.config;

import java.util.Set;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;

/**
 * Drops, before their configuration classes are parsed, the auto-configurations that none of the
 * apps uses although their classes are on the classpath: JTA, multipart uploads (bodies are read
 * raw), Spring's {@code @Aspect} support (transactions make their own proxies), Jackson 2 for the
 * actuator (Jackson 3 serves it), message bundles, audit and HTTP-exchange recording, the startup
 * endpoint, JMX administration, JNDI and XA data sources, SSL-bundle health and metrics (no bundle
 * is configured: TLS ends at the ingress), and the reactive Jetty server. Parsing and evaluating
 * them was part of every start (docs/adr/0039-start-up-classes.md).
 */
public final class UnusedAutoConfigurations implements AutoConfigurationImportFilter {

  /** The auto-configurations dropped, by class name. */
  static final Set<String> DROPPED =
      Set.of(
          "org.springframework.boot.actuate.autoconfigure.audit.AuditAutoConfiguration",
          "org.springframework.boot.actuate.autoconfigure.audit.AuditEventsEndpointAutoConfiguration",
          "org.springframework.boot.actuate.autoconfigure.endpoint.jackson.Jackson2EndpointAutoConfiguration",
          "org.springframework.boot.actuate.autoconfigure.startup.StartupEndpointAutoConfiguration",
          "org.springframework.boot.actuate.autoconfigure.web.exchanges.HttpExchangesEndpointAutoConfiguration",
          "org.springframework.boot.autoconfigure.admin.SpringApplicationAdminJmxAutoConfiguration",
          "org.springframework.boot.autoconfigure.aop.AopAutoConfiguration",
          "org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration",
          "org.springframework.boot.health.autoconfigure.application.SslHealthContributorAutoConfiguration",
          "org.springframework.boot.jdbc.autoconfigure.JndiDataSourceAutoConfiguration",
          "org.springframework.boot.jdbc.autoconfigure.XADataSourceAutoConfiguration",
          "org.springframework.boot.jetty.autoconfigure.actuate.web.server.JettyReactiveManagementContextAutoConfiguration",
          "org.springframework.boot.jetty.autoconfigure.reactive.JettyReactiveWebServerAutoConfiguration",
          "org.springframework.boot.micrometer.metrics.autoconfigure.ssl.SslMetricsAutoConfiguration",
          "org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration",
          "org.springframework.boot.servlet.autoconfigure.actuate.web.exchanges.ServletHttpExchangesAutoConfiguration",
          "org.springframework.boot.transaction.jta.autoconfigure.JtaAutoConfiguration");

  @Override
  public boolean[] match(String[] candidates, AutoConfigurationMetadata metadata) {
    boolean[] kept = new boolean[candidates.length];
    for (int i = 0; i < candidates.length; i++) {
      kept[i] = candidates[i] == null || !DROPPED.contains(candidates[i]);
    }
    return kept;
  }
}

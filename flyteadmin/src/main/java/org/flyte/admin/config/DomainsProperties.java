package org.flyte.admin.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Flyte's {@code domains} section under {@code flyte.domains}: the domains every project has. They
 * are configuration, not rows (flyteadmin/pkg/runtime/application_config_provider.go, v1.16.8).
 *
 * @param domains the domains; default development, staging, production
 */
@ConfigurationProperties(prefix = "flyte")
public record DomainsProperties(
    @DefaultValue({"development:development", "staging:staging", "production:production"})
        List<Domain> domains) {

  /**
   * @param id the domain id used in identifiers
   * @param name its display name
   */
  public record Domain(String id, String name) {

    /** Reads {@code id:name} (the form of the default value). */
    public static Domain valueOf(String text) {
      int colon = text.indexOf(':');
      return colon < 0
          ? new Domain(text, text)
          : new Domain(text.substring(0, colon), text.substring(colon + 1));
    }
  }

  public boolean has(String id) {
    return domains.stream().anyMatch(d -> d.id().equals(id));
  }
}

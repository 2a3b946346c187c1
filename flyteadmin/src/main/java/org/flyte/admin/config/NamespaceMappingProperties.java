package org.flyte.admin.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Flyte's {@code namespace_mapping} section under {@code flyte.namespace_mapping}: the Kubernetes
 * namespace of a project and domain. Follows {@code
 * flyteadmin/pkg/runtime/namespace_config_provider.go} and {@code pkg/common/namespace.go}
 * (v1.16.8): {@code {{ project }}} and {@code {{ domain }}} (exactly one space inside the braces)
 * are replaced; an empty template is the default.
 *
 * @param template the namespace template; default {@code {{ project }}-{{ domain }}} (Flyte's GCP
 *     values use {@code {{ domain }}}: one namespace per domain)
 */
@ConfigurationProperties(prefix = "flyte.namespace-mapping")
public record NamespaceMappingProperties(@DefaultValue(DEFAULT_TEMPLATE) String template) {

  public static final String DEFAULT_TEMPLATE = "{{ project }}-{{ domain }}";

  /**
   * The namespace of {@code project} and {@code domain} (the domain's name, as Flyte passes it).
   */
  public String namespace(String project, String domain) {
    String effective = template == null || template.isEmpty() ? DEFAULT_TEMPLATE : template;
    return effective.replace("{{ project }}", project).replace("{{ domain }}", domain);
  }
}

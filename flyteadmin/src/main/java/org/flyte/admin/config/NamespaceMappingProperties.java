package org.flyte.admin.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Flyte's {@code namespace_mapping} section under {@code flyte.namespace_mapping}: the Kubernetes
 * namespace an execution runs in. Follows {@code
 * flyteadmin/pkg/runtime/namespace_config_provider.go} and {@code pkg/common/namespace.go}
 * (v1.16.8): every {@code {{ project }}} and {@code {{ domain }}} of the template is replaced,
 * literally; an empty template means the default.
 *
 * @param template the namespace template; default {@code {{ project }}-{{ domain }}}
 */
@ConfigurationProperties(prefix = "flyte.namespace-mapping")
public record NamespaceMappingProperties(
    @DefaultValue(NamespaceMappingProperties.DEFAULT_TEMPLATE) String template) {

  /** Flyte's default template. */
  public static final String DEFAULT_TEMPLATE = "{{ project }}-{{ domain }}";

  /** The namespace of executions of {@code project} / {@code domain}. */
  public String namespace(String project, String domain) {
    String effective = template == null || template.isEmpty() ? DEFAULT_TEMPLATE : template;
    return effective.replace("{{ project }}", project).replace("{{ domain }}", domain);
  }
}

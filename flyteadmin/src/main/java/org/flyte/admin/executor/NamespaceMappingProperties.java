package org.flyte.admin.executor;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Flyte's {@code namespace_mapping} section under {@code flyte.namespace_mapping}: the Kubernetes
 * namespace of a project and domain. Follows {@code
 * flyteadmin/pkg/runtime/namespace_config_provider.go} and {@code pkg/common/namespace.go}
 * (v1.16.8).
 *
 * @param template the namespace with {@code {{ project }}} and {@code {{ domain }}} replaced;
 *     default {@code {{ project }}-{{ domain }}} (also when set empty)
 */
@ConfigurationProperties(prefix = "flyte.namespace-mapping")
public record NamespaceMappingProperties(
    @DefaultValue(NamespaceMappingProperties.DEFAULT_TEMPLATE) String template) {

  /** Flyte's default template. */
  public static final String DEFAULT_TEMPLATE = "{{ project }}-{{ domain }}";

  public NamespaceMappingProperties {
    template = template == null || template.isEmpty() ? DEFAULT_TEMPLATE : template;
  }

  /** The namespace of executions of {@code project} / {@code domain} ({@code GetNamespaceName}). */
  public String namespace(String project, String domain) {
    return template.replace("{{ project }}", project).replace("{{ domain }}", domain);
  }
}

package org.flyte.admin.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The projects created at start-up when missing, under {@code flyte.flyteadmin}. Flyte's single
 * binary reads them from {@code flyte.admin.seedProjects} / {@code seedProjectsWithDetails} ({@code
 * cmd/single/config.go}, v1.16.8) and seeds {@code flytesnacks} by default; the standalone
 * flyteadmin seeds nothing, and neither does ours unless configured (the sandbox seeds {@code
 * flytesnacks}).
 *
 * @param seedProjects project ids, each with the description {@code "<id> description"}
 * @param seedProjectsWithDetails projects with their own description; an id in both lists is seeded
 *     once, with its details
 */
@ConfigurationProperties(prefix = "flyte.flyteadmin")
public record SeedProjectsProperties(
    @DefaultValue List<String> seedProjects,
    @DefaultValue List<SeedProject> seedProjectsWithDetails) {

  /**
   * @param name the project id (and name)
   * @param description its description
   */
  public record SeedProject(String name, String description) {}
}

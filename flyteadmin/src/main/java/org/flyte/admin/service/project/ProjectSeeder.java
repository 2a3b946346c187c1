package org.flyte.admin.service.project;

import org.flyte.admin.config.FlyteAdminProperties;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Seeds the configured projects ({@code flyte.flyteadmin.seedProjects} and {@code
 * seedProjectsWithDetails}) once the database is migrated and before the servers take requests, as
 * Flyte's single binary does at start-up ({@code cmd/single/start.go}, v1.16.8).
 */
@Component
public class ProjectSeeder implements SmartInitializingSingleton {

  private final ProjectService projects;
  private final FlyteAdminProperties properties;

  public ProjectSeeder(ProjectService projects, FlyteAdminProperties properties) {
    this.projects = projects;
    this.properties = properties;
  }

  @Override
  public void afterSingletonsInstantiated() {
    projects.seed(properties.projectsToSeed());
  }
}

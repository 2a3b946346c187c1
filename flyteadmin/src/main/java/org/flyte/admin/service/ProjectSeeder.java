package org.flyte.admin.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flyte.admin.config.SeedProjectsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates the configured seed projects at start-up, after the migrations and before the servers
 * accept calls; existing projects are left as they are. Follows {@code SeedProjects} in {@code
 * flyteadmin/pkg/server/initialize.go} and {@code cmd/single/start.go} (v1.16.8).
 */
@Component
public class ProjectSeeder implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(ProjectSeeder.class);

  private final ProjectService projects;
  private final SeedProjectsProperties seeds;

  public ProjectSeeder(ProjectService projects, SeedProjectsProperties seeds) {
    this.projects = projects;
    this.seeds = seeds;
  }

  @Override
  public void afterSingletonsInstantiated() {
    Map<String, String> descriptions = new LinkedHashMap<>();
    seeds.seedProjects().forEach(id -> descriptions.put(id, id + " description"));
    seeds
        .seedProjectsWithDetails()
        .forEach(seed -> descriptions.put(seed.name(), seed.description()));
    if (!descriptions.isEmpty()) {
      List<String> created = projects.seed(descriptions);
      log.info("Seed projects {}: created {}", descriptions.keySet(), created);
    }
  }
}

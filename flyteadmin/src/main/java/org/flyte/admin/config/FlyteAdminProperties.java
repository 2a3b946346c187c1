package org.flyte.admin.config;

import com.google.protobuf.BoolValue;
import flyteidl.admin.Common.Annotations;
import flyteidl.admin.Common.Labels;
import flyteidl.admin.Common.RawOutputDataConfig;
import flyteidl.admin.MatchableResourceOuterClass.WorkflowExecutionConfig;
import flyteidl.core.Security.Identity;
import flyteidl.core.Security.SecurityContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Flyte's {@code flyteadmin} section under {@code flyte.flyteadmin}: the platform defaults of an
 * execution's configuration and the projects seeded at start-up. Follows {@code
 * flyteadmin/pkg/runtime/interfaces/application_configuration.go} and, for seeding, {@code
 * cmd/single/config.go} with {@code pkg/repositories/config/seed_data.go} (v1.16.8).
 *
 * @param seedProjects project ids created at start-up when missing (description {@code "<name>
 *     description"}); default none. In Flyte's single binary this key is {@code
 *     flyte.admin.seedProjects} and defaults to {@code [flytesnacks]}; the standalone flyteadmin
 *     seeds nothing, as here (our sandbox sets {@code flytesnacks})
 * @param seedProjectsWithDetails projects with a description, created at start-up when missing;
 *     they win over a {@code seedProjects} entry of the same name
 * @param maxParallelism the platform's default max parallelism of an execution; default 25
 * @param k8sServiceAccount default Kubernetes service account of executions; default none
 * @param assumableIamRole default IAM role of executions; default none
 * @param outputLocationPrefix default raw output prefix of executions; default none
 * @param labels default labels of executions
 * @param annotations default annotations of executions
 * @param interruptible whether executions are interruptible by default; default false
 * @param overwriteCache whether executions overwrite the cache by default; default false
 */
@ConfigurationProperties(prefix = "flyte.flyteadmin")
public record FlyteAdminProperties(
    @DefaultValue List<String> seedProjects,
    @DefaultValue List<SeedProject> seedProjectsWithDetails,
    @DefaultValue("25") int maxParallelism,
    @DefaultValue("") String k8sServiceAccount,
    @DefaultValue("") String assumableIamRole,
    @DefaultValue("") String outputLocationPrefix,
    @DefaultValue Map<String, String> labels,
    @DefaultValue Map<String, String> annotations,
    boolean interruptible,
    boolean overwriteCache) {

  /**
   * A project to seed.
   *
   * @param name its id and name
   * @param description its description
   */
  public record SeedProject(String name, @DefaultValue("") String description) {}

  /**
   * The projects to seed: those with details first, then the plain names not among them (with the
   * description {@code "<name> description"}), each name once, as Flyte merges the two lists.
   */
  public List<SeedProject> projectsToSeed() {
    Set<String> seen = new LinkedHashSet<>();
    List<SeedProject> projects = new ArrayList<>();
    for (SeedProject project : seedProjectsWithDetails) {
      if (seen.add(project.name())) {
        projects.add(project);
      }
    }
    for (String name : seedProjects) {
      if (seen.add(name)) {
        projects.add(new SeedProject(name, name + " description"));
      }
    }
    return projects;
  }

  /**
   * The platform's execution configuration, the lowest-priority source of an execution's settings:
   * max parallelism, overwrite-cache and interruptible (only when true) always; security context,
   * raw output prefix, labels and annotations only when configured. Follows {@code
   * ApplicationConfig.GetAsWorkflowExecutionConfig}.
   */
  public WorkflowExecutionConfig workflowExecutionConfig() {
    WorkflowExecutionConfig.Builder config =
        WorkflowExecutionConfig.newBuilder()
            .setMaxParallelism(maxParallelism)
            .setOverwriteCache(overwriteCache);
    if (interruptible) {
      config.setInterruptible(BoolValue.of(true));
    }
    if (!k8sServiceAccount.isEmpty() || !assumableIamRole.isEmpty()) {
      config.setSecurityContext(
          SecurityContext.newBuilder()
              .setRunAs(
                  Identity.newBuilder()
                      .setIamRole(assumableIamRole)
                      .setK8SServiceAccount(k8sServiceAccount)));
    }
    if (!outputLocationPrefix.isEmpty()) {
      config.setRawOutputDataConfig(
          RawOutputDataConfig.newBuilder().setOutputLocationPrefix(outputLocationPrefix));
    }
    if (!labels.isEmpty()) {
      config.setLabels(Labels.newBuilder().putAllValues(labels));
    }
    if (!annotations.isEmpty()) {
      config.setAnnotations(Annotations.newBuilder().putAllValues(annotations));
    }
    return config.build();
  }
}

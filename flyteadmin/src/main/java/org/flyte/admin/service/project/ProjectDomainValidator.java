package org.flyte.admin.service.project;

import flyteidl.admin.ProjectOuterClass.InactiveProject;
import java.util.List;
import java.util.Optional;
import org.flyte.admin.config.DomainsProperties;
import org.flyte.admin.repository.project.ProjectRepository;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.springframework.stereotype.Component;

/**
 * The check that precedes every registration, execution and project-domain attribute call: the
 * project exists, is ACTIVE, and the domain is configured. Follows {@code ValidateProjectAndDomain}
 * in {@code flyteadmin/pkg/manager/impl/validation/validation.go} (v1.16.8): any state but ACTIVE
 * (0) fails, SYSTEM_GENERATED included, with the {@code InactiveProject} detail.
 */
@Component
public class ProjectDomainValidator {

  private final ProjectRepository projects;
  private final DomainsProperties domains;

  public ProjectDomainValidator(ProjectRepository projects, DomainsProperties domains) {
    this.projects = projects;
    this.domains = domains;
  }

  /**
   * @throws FlyteException INVALID_ARGUMENT when the project is missing or not active, or the
   *     domain is not configured
   */
  public void requireActive(String project, String domain) {
    Optional<Integer> state = projects.state(project);
    if (state.isEmpty()) {
      throw FlyteException.invalidArgument(
          "failed to validate that project [%s] and domain [%s] are registered, err: [project [%s]"
              + " not found]",
          project, domain, project);
    }
    if (state.get() != 0) {
      throw new FlyteException(
          ErrorCode.INVALID_ARGUMENT,
          String.format("project [%s] is not active", project),
          List.of(InactiveProject.newBuilder().setId(project).build()));
    }
    requireDomain(domain);
  }

  /**
   * The check of upload locations (beyond Flyte, which checks nothing there): the project exists,
   * in any state, and the domain is configured.
   *
   * @throws FlyteException INVALID_ARGUMENT when the project is missing or the domain is not
   *     configured
   */
  public void requireExists(String project, String domain) {
    if (projects.state(project).isEmpty()) {
      throw FlyteException.invalidArgument(
          "failed to validate that project [%s] and domain [%s] are registered, err: [project [%s]"
              + " not found]",
          project, domain, project);
    }
    requireDomain(domain);
  }

  /**
   * @throws FlyteException INVALID_ARGUMENT when the domain is not configured
   */
  public void requireDomain(String domain) {
    if (!domains.has(domain)) {
      throw FlyteException.invalidArgument("domain [%s] is unrecognized by system", domain);
    }
  }

  /**
   * The check of project-level attribute updates and deletes ({@code ValidateProjectForUpdate}):
   * the project exists and is ACTIVE; Flyte's message carries no {@code InactiveProject} detail
   * here.
   *
   * @throws FlyteException INVALID_ARGUMENT when the project is missing or not active
   */
  public void requireActiveProject(String project) {
    int state =
        projects
            .state(project)
            .orElseThrow(
                () ->
                    FlyteException.invalidArgument(
                        "failed to validate that project [%s] is registered, err: [project [%s]"
                            + " not found]",
                        project, project));
    if (state != 0) {
      throw FlyteException.invalidArgument("project [%s] is not active", project);
    }
  }

  /**
   * The check of project-level attribute reads ({@code ValidateProjectExists}): the project exists,
   * in any state.
   *
   * @throws FlyteException INVALID_ARGUMENT when the project is missing
   */
  public void requireProject(String project) {
    if (projects.state(project).isEmpty()) {
      throw FlyteException.invalidArgument(
          "failed to validate that project [%s] exists, err: [project [%s] not found]",
          project, project);
    }
  }
}

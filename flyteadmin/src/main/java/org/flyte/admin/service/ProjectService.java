package org.flyte.admin.service;

import flyteidl.admin.Common.Labels;
import flyteidl.admin.ProjectOuterClass.Domain;
import flyteidl.admin.ProjectOuterClass.GetDomainsResponse;
import flyteidl.admin.ProjectOuterClass.Project;
import flyteidl.admin.ProjectOuterClass.ProjectGetRequest;
import flyteidl.admin.ProjectOuterClass.ProjectListRequest;
import flyteidl.admin.ProjectOuterClass.ProjectRegisterRequest;
import flyteidl.admin.ProjectOuterClass.Projects;
import java.util.List;
import java.util.Map;
import org.flyte.admin.config.DomainsProperties;
import org.flyte.admin.repository.ProjectRepository;
import org.flyte.admin.repository.query.Filter;
import org.flyte.admin.repository.query.FilterEntity;
import org.flyte.admin.repository.query.FilterFunction;
import org.flyte.admin.repository.query.FilterParser;
import org.flyte.admin.repository.query.PageRequest;
import org.flyte.admin.repository.query.SortOrder;
import org.flyte.admin.service.validation.KubernetesNames;
import org.flyte.common.error.FlyteException;
import org.springframework.stereotype.Service;

/**
 * Projects and domains. Follows {@code flyteadmin/pkg/manager/impl/project_manager.go} and {@code
 * validation/project_validator.go} (v1.16.8): domains are configuration and fill every returned
 * project; registration validates in Flyte's order; an update checks existence first and keeps
 * empty fields; a list without filters hides archived projects and is ordered by identifier.
 */
@Service
public class ProjectService {

  private static final int MAX_NAME_LENGTH = 64;
  private static final int MAX_DESCRIPTION_LENGTH = 300;
  private static final int MAX_LABELS = 16;

  private final ProjectRepository projects;
  private final DomainsProperties domains;

  public ProjectService(ProjectRepository projects, DomainsProperties domains) {
    this.projects = projects;
    this.domains = domains;
  }

  public void register(ProjectRegisterRequest request) {
    if (!request.hasProject()) {
      throw FlyteException.invalidArgument("missing project");
    }
    if (request.getProject().getName().isEmpty()) {
      throw FlyteException.invalidArgument("missing project_name");
    }
    validate(request.getProject());
    projects.create(request.getProject());
  }

  public void update(Project project) {
    projects
        .get(project.getId())
        .orElseThrow(() -> FlyteException.notFound("project [%s] not found", project.getId()));
    validate(project);
    projects.update(project);
  }

  public Project get(ProjectGetRequest request) {
    if (request.getId().isEmpty()) {
      throw FlyteException.invalidArgument("missing project_id");
    }
    return projects
        .get(request.getId())
        .map(this::withDomains)
        .orElseThrow(() -> FlyteException.notFound("project [%s] not found", request.getId()));
  }

  public Projects list(ProjectListRequest request) {
    List<Filter> filters = FilterParser.parse(request.getFilters(), FilterEntity.PROJECT);
    if (request.getFilters().isEmpty()) {
      filters =
          List.of(
              Filter.of(
                  FilterEntity.PROJECT,
                  "state",
                  FilterFunction.NOT_EQUAL,
                  String.valueOf(Project.ProjectState.ARCHIVED_VALUE)));
    }
    SortOrder order =
        SortOrder.of(request.getSortBy(), FilterEntity.PROJECT)
            .orElse(new SortOrder("identifier", true));
    PageRequest page =
        PageRequest.unlimitedWhenZero(request.getLimit(), request.getToken(), "ListProjects");
    List<Project> found = projects.list(filters, order, page);
    return Projects.newBuilder()
        .addAllProjects(found.stream().map(this::withDomains).toList())
        .setToken(page.nextToken(found.size()))
        .build();
  }

  public GetDomainsResponse domains() {
    return GetDomainsResponse.newBuilder().addAllDomains(domainList()).build();
  }

  /** Creates each project that does not exist yet (start-up seeding); the ids created. */
  public List<String> seed(Map<String, String> descriptions) {
    return descriptions.entrySet().stream()
        .filter(
            seed ->
                projects.createIfMissing(
                    Project.newBuilder()
                        .setId(seed.getKey())
                        .setName(seed.getKey())
                        .setDescription(seed.getValue())
                        .build()))
        .map(Map.Entry::getKey)
        .toList();
  }

  private Project withDomains(Project project) {
    return project.toBuilder().clearDomains().addAllDomains(domainList()).build();
  }

  private List<Domain> domainList() {
    return domains.domains().stream()
        .map(d -> Domain.newBuilder().setId(d.id()).setName(d.name()).build())
        .toList();
  }

  private static void validate(Project project) {
    if (project.getId().isEmpty()) {
      throw FlyteException.invalidArgument("missing project_id");
    }
    validateLabels(project.getLabels());
    List<String> idErrors = KubernetesNames.dns1123Label(project.getId());
    if (!idErrors.isEmpty()) {
      throw FlyteException.invalidArgument(
          "invalid project id [%s]: %s", project.getId(), KubernetesNames.goList(idErrors));
    }
    if (project.getName().length() > MAX_NAME_LENGTH) {
      throw FlyteException.invalidArgument(
          "project_name cannot exceed %d characters", MAX_NAME_LENGTH);
    }
    if (project.getDescription().length() > MAX_DESCRIPTION_LENGTH) {
      throw FlyteException.invalidArgument(
          "project_description cannot exceed %d characters", MAX_DESCRIPTION_LENGTH);
    }
    if (project.getDomainsCount() > 0) {
      throw FlyteException.invalidArgument(
          "Domains are currently only set system wide. Please retry without domains included in"
              + " your request.");
    }
  }

  private static void validateLabels(Labels labels) {
    if (labels.getValuesCount() == 0) {
      return;
    }
    if (labels.getValuesCount() > MAX_LABELS) {
      throw FlyteException.invalidArgument("labels map cannot exceed %d entries", MAX_LABELS);
    }
    // Go iterates the map in random order; we report the first problem in key order.
    for (Map.Entry<String, String> label :
        new java.util.TreeMap<>(labels.getValuesMap()).entrySet()) {
      List<String> keyErrors = KubernetesNames.qualifiedName(label.getKey());
      if (!keyErrors.isEmpty()) {
        throw FlyteException.invalidArgument(
            "invalid label key [%s]: %s", label.getKey(), KubernetesNames.goList(keyErrors));
      }
      List<String> valueErrors = KubernetesNames.labelValue(label.getValue());
      if (!valueErrors.isEmpty()) {
        throw FlyteException.invalidArgument(
            "invalid label value [%s]: %s", label.getValue(), KubernetesNames.goList(valueErrors));
      }
    }
  }
}

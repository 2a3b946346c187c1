package org.flyte.admin.service.project;

import flyteidl.admin.Common.Sort;
import flyteidl.admin.ProjectOuterClass.Domain;
import flyteidl.admin.ProjectOuterClass.GetDomainsResponse;
import flyteidl.admin.ProjectOuterClass.Project;
import flyteidl.admin.ProjectOuterClass.ProjectGetRequest;
import flyteidl.admin.ProjectOuterClass.ProjectListRequest;
import flyteidl.admin.ProjectOuterClass.ProjectRegisterRequest;
import flyteidl.admin.ProjectOuterClass.ProjectRegisterResponse;
import flyteidl.admin.ProjectOuterClass.ProjectUpdateResponse;
import flyteidl.admin.ProjectOuterClass.Projects;
import java.util.List;
import org.flyte.admin.config.DomainsProperties;
import org.flyte.admin.config.FlyteAdminProperties.SeedProject;
import org.flyte.admin.repository.project.ProjectRepository;
import org.flyte.admin.repository.query.Filter;
import org.flyte.admin.repository.query.FilterEntity;
import org.flyte.admin.repository.query.FilterParser;
import org.flyte.admin.repository.query.PageRequest;
import org.flyte.admin.repository.query.SortOrder;
import org.flyte.admin.service.validation.ProjectValidator;
import org.flyte.common.error.FlyteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Projects and domains: RegisterProject, UpdateProject, GetProject, ListProjects, GetDomains, and
 * the projects seeded at start-up. Follows {@code flyteadmin/pkg/manager/impl/project_manager.go}
 * and {@code pkg/repositories/config/seed_data.go} (v1.16.8). Every project answered carries the
 * configured domains.
 *
 * <p>ListProjects' token, decided here: Flyte answers a next token whenever the page has {@code
 * limit} rows, so {@code limit = 0} ("no limit") with no rows at all answers the token {@code "0"},
 * which names the same empty page again and makes a client that follows tokens loop. We answer no
 * token when there is no limit (docs/parity.md).
 */
@Service
public class ProjectService {

  private static final Logger log = LoggerFactory.getLogger(ProjectService.class);
  private static final SortOrder BY_IDENTIFIER = new SortOrder("identifier", true);

  private final ProjectRepository projects;
  private final DomainsProperties domains;

  public ProjectService(ProjectRepository projects, DomainsProperties domains) {
    this.projects = projects;
    this.domains = domains;
  }

  /**
   * Creates a project in the requested state.
   *
   * @throws FlyteException INVALID_ARGUMENT for a bad project, ALREADY_EXISTS for a taken id
   */
  public ProjectRegisterResponse create(ProjectRegisterRequest request) {
    ProjectValidator.validateRegister(request);
    projects.create(request.getProject());
    return ProjectRegisterResponse.getDefaultInstance();
  }

  /**
   * Updates an existing project: empty name or description keep the stored ones, absent labels keep
   * the stored labels, the state is always written.
   *
   * @throws FlyteException NOT_FOUND for an unknown project (checked first), INVALID_ARGUMENT for a
   *     bad project
   */
  public ProjectUpdateResponse update(Project project) {
    require(project.getId());
    ProjectValidator.validate(project);
    projects.update(project);
    return ProjectUpdateResponse.getDefaultInstance();
  }

  /**
   * @throws FlyteException INVALID_ARGUMENT without an id, NOT_FOUND for an unknown project
   */
  public Project get(ProjectGetRequest request) {
    if (request.getId().isEmpty()) {
      throw FlyteException.invalidArgument("missing project_id");
    }
    return withDomains(require(request.getId()));
  }

  /**
   * A page of projects, ordered by identifier unless {@code sort_by} says otherwise; {@code limit =
   * 0} means every project. Without filters, ARCHIVED projects are hidden.
   *
   * @throws FlyteException INVALID_ARGUMENT for a bad filter, sort key or token
   */
  public Projects list(ProjectListRequest request) {
    List<Filter> filters = FilterParser.parse(request.getFilters(), FilterEntity.PROJECT);
    SortOrder order =
        SortOrder.of(
                request.hasSortBy() ? request.getSortBy() : Sort.getDefaultInstance(),
                FilterEntity.PROJECT)
            .orElse(BY_IDENTIFIER);
    PageRequest page;
    try {
      page = PageRequest.unlimitedWhenZero(request.getLimit(), request.getToken(), "ListProjects");
    } catch (FlyteException badToken) {
      // Flyte reports a negative token with the same message as an unparseable one here.
      throw FlyteException.invalidArgument(
          "invalid pagination token %s for ListProjects", request.getToken());
    }
    List<Project> found = projects.list(filters, order, page);
    Projects.Builder response = Projects.newBuilder().setToken(page.nextToken(found.size()));
    found.forEach(p -> response.addProjects(withDomains(p)));
    return response.build();
  }

  /** The configured domains. */
  public GetDomainsResponse getDomains() {
    return GetDomainsResponse.newBuilder().addAllDomains(domainList()).build();
  }

  /**
   * Creates each project that does not exist yet (ACTIVE, named after its id); existing projects
   * are left as they are. Idempotent.
   */
  public void seed(List<SeedProject> seeds) {
    for (SeedProject seed : seeds) {
      if (projects.createIfMissing(seed.name(), seed.name(), seed.description())) {
        log.info("Seeded project [{}]", seed.name());
      }
    }
  }

  private Project require(String id) {
    return projects
        .find(id)
        .orElseThrow(() -> FlyteException.notFound("project [%s] not found", id));
  }

  private Project withDomains(Project project) {
    return project.toBuilder().clearDomains().addAllDomains(domainList()).build();
  }

  private List<Domain> domainList() {
    return domains.domains().stream()
        .map(d -> Domain.newBuilder().setId(d.id()).setName(d.name()).build())
        .toList();
  }
}

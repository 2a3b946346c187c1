package org.flyte.admin.service.resource;

import flyteidl.admin.MatchableResourceOuterClass.ListMatchableAttributesRequest;
import flyteidl.admin.MatchableResourceOuterClass.ListMatchableAttributesResponse;
import flyteidl.admin.MatchableResourceOuterClass.MatchableAttributesConfiguration;
import flyteidl.admin.MatchableResourceOuterClass.MatchableResource;
import flyteidl.admin.MatchableResourceOuterClass.MatchingAttributes;
import flyteidl.admin.MatchableResourceOuterClass.PluginOverride;
import flyteidl.admin.MatchableResourceOuterClass.PluginOverrides;
import flyteidl.admin.ProjectAttributesOuterClass.ProjectAttributes;
import flyteidl.admin.ProjectAttributesOuterClass.ProjectAttributesDeleteRequest;
import flyteidl.admin.ProjectAttributesOuterClass.ProjectAttributesDeleteResponse;
import flyteidl.admin.ProjectAttributesOuterClass.ProjectAttributesGetRequest;
import flyteidl.admin.ProjectAttributesOuterClass.ProjectAttributesGetResponse;
import flyteidl.admin.ProjectAttributesOuterClass.ProjectAttributesUpdateRequest;
import flyteidl.admin.ProjectAttributesOuterClass.ProjectAttributesUpdateResponse;
import flyteidl.admin.ProjectDomainAttributesOuterClass.ProjectDomainAttributes;
import flyteidl.admin.ProjectDomainAttributesOuterClass.ProjectDomainAttributesDeleteRequest;
import flyteidl.admin.ProjectDomainAttributesOuterClass.ProjectDomainAttributesDeleteResponse;
import flyteidl.admin.ProjectDomainAttributesOuterClass.ProjectDomainAttributesGetRequest;
import flyteidl.admin.ProjectDomainAttributesOuterClass.ProjectDomainAttributesGetResponse;
import flyteidl.admin.ProjectDomainAttributesOuterClass.ProjectDomainAttributesUpdateRequest;
import flyteidl.admin.ProjectDomainAttributesOuterClass.ProjectDomainAttributesUpdateResponse;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributes;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributesDeleteRequest;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributesDeleteResponse;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributesGetRequest;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributesGetResponse;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributesUpdateRequest;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributesUpdateResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.flyte.admin.config.FlyteAdminProperties;
import org.flyte.admin.repository.resource.ResourceRepository;
import org.flyte.admin.repository.resource.ResourceRepository.Key;
import org.flyte.admin.service.project.ProjectDomainValidator;
import org.flyte.common.error.FlyteException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matchable attributes: the project, project-domain and workflow-level Update / Get / Delete RPCs,
 * ListMatchableAttributes, and {@link #resolve}, the most specific setting that applies to an
 * execution (task resources, queues, cluster labels, execution config...). Follows {@code
 * flyteadmin/pkg/manager/impl/resources/resource_manager.go} and {@code
 * validation/attributes_validator.go} (v1.16.8):
 *
 * <ul>
 *   <li>the resource type of an update is the {@code matching_attributes} oneof that is set; a
 *       quality-of-service oneof is not accepted, so QUALITY_OF_SERVICE_SPECIFICATION rows cannot
 *       be written through the API;
 *   <li>project-domain and workflow calls require an ACTIVE project and a configured domain (with
 *       the {@code InactiveProject} detail); project-level updates and deletes an ACTIVE project
 *       (no detail); project-level reads only an existing project;
 *   <li>project-domain and workflow Gets answer the most specific row (a workflow Get falls back to
 *       the project-domain row, then the project row) with that row's own key; the project-level
 *       Get answers only the project row, merged with the platform's execution defaults for
 *       WORKFLOW_EXECUTION_CONFIG, and those defaults when there is no row;
 *   <li>a delete removes every row of the type beneath its key (a project-level delete: all levels
 *       of the project) and is never NOT_FOUND;
 *   <li>PLUGIN_OVERRIDE updates merge with the stored overrides by task type.
 * </ul>
 *
 * Deviation: Flyte's project-level PLUGIN_OVERRIDE update always fails with INTERNAL (its merge
 * lookup refuses an empty domain); here it merges like the other levels (docs/parity.md).
 */
@Service
public class ResourceService {

  static final int PROJECT_PRIORITY = 5;
  static final int PROJECT_DOMAIN_PRIORITY = 10;
  static final int WORKFLOW_PRIORITY = 100;
  static final int LAUNCH_PLAN_PRIORITY = 1000;

  private final ResourceRepository resources;
  private final ProjectDomainValidator projects;
  private final FlyteAdminProperties admin;

  public ResourceService(
      ResourceRepository resources, ProjectDomainValidator projects, FlyteAdminProperties admin) {
    this.resources = resources;
    this.projects = projects;
    this.admin = admin;
  }

  /**
   * The most specific attributes of {@code resourceType} that apply to an entity: among the rows
   * whose project, domain, workflow and launch plan are each empty ("any") or equal to the given
   * ones, the one of highest priority (launch plan over workflow over project-domain over project).
   * Empty arguments match only rows that leave that field empty. Flyte's {@code
   * ResourceManager.GetResource}.
   */
  public Optional<MatchableAttributesConfiguration> resolve(
      String project,
      String domain,
      String workflow,
      String launchPlan,
      MatchableResource resourceType) {
    return resources.findMostSpecific(
        new Key(project, domain, workflow, launchPlan, resourceType.name()));
  }

  @Transactional
  public ProjectAttributesUpdateResponse updateProjectAttributes(
      ProjectAttributesUpdateRequest request) {
    if (!request.hasAttributes()) {
      throw FlyteException.invalidArgument("missing attributes");
    }
    ProjectAttributes attributes = request.getAttributes();
    projects.requireActiveProject(attributes.getProject());
    MatchableResource type =
        typeOf(
            attributes.hasMatchingAttributes(),
            attributes.getMatchingAttributes(),
            attributes.getProject());
    write(
        new Key(attributes.getProject(), "", "", "", type.name()),
        PROJECT_PRIORITY,
        attributes.getMatchingAttributes());
    return ProjectAttributesUpdateResponse.getDefaultInstance();
  }

  public ProjectAttributesGetResponse getProjectAttributes(ProjectAttributesGetRequest request) {
    projects.requireProject(request.getProject());
    Key key = new Key(request.getProject(), "", "", "", typeName(request.getResourceTypeValue()));
    Optional<MatchingAttributes> found =
        resources.findExact(key).map(MatchableAttributesConfiguration::getAttributes);
    boolean executionConfig =
        request.getResourceType() == MatchableResource.WORKFLOW_EXECUTION_CONFIG;
    MatchingAttributes attributes;
    if (found.isEmpty()) {
      if (!executionConfig) {
        throw notFound(key);
      }
      attributes =
          MatchingAttributes.newBuilder()
              .setWorkflowExecutionConfig(admin.workflowExecutionConfig())
              .build();
    } else if (found.get().hasWorkflowExecutionConfig()) {
      attributes =
          MatchingAttributes.newBuilder()
              .setWorkflowExecutionConfig(
                  WorkflowExecutionConfigs.merge(
                      found.get().getWorkflowExecutionConfig(), admin.workflowExecutionConfig()))
              .build();
    } else {
      attributes = found.get();
    }
    return ProjectAttributesGetResponse.newBuilder()
        .setAttributes(
            ProjectAttributes.newBuilder()
                .setProject(request.getProject())
                .setMatchingAttributes(attributes))
        .build();
  }

  public ProjectAttributesDeleteResponse deleteProjectAttributes(
      ProjectAttributesDeleteRequest request) {
    projects.requireActiveProject(request.getProject());
    resources.delete(
        new Key(request.getProject(), "", "", "", typeName(request.getResourceTypeValue())));
    return ProjectAttributesDeleteResponse.getDefaultInstance();
  }

  @Transactional
  public ProjectDomainAttributesUpdateResponse updateProjectDomainAttributes(
      ProjectDomainAttributesUpdateRequest request) {
    if (!request.hasAttributes()) {
      throw FlyteException.invalidArgument("missing attributes");
    }
    ProjectDomainAttributes attributes = request.getAttributes();
    projects.requireActive(attributes.getProject(), attributes.getDomain());
    MatchableResource type =
        typeOf(
            attributes.hasMatchingAttributes(),
            attributes.getMatchingAttributes(),
            attributes.getProject() + "-" + attributes.getDomain());
    write(
        new Key(attributes.getProject(), attributes.getDomain(), "", "", type.name()),
        PROJECT_DOMAIN_PRIORITY,
        attributes.getMatchingAttributes());
    return ProjectDomainAttributesUpdateResponse.getDefaultInstance();
  }

  public ProjectDomainAttributesGetResponse getProjectDomainAttributes(
      ProjectDomainAttributesGetRequest request) {
    projects.requireActive(request.getProject(), request.getDomain());
    Key key =
        new Key(
            request.getProject(),
            request.getDomain(),
            "",
            "",
            typeName(request.getResourceTypeValue()));
    MatchableAttributesConfiguration row =
        resources.findMostSpecific(key).orElseThrow(() -> notFound(key));
    return ProjectDomainAttributesGetResponse.newBuilder()
        .setAttributes(
            ProjectDomainAttributes.newBuilder()
                .setProject(row.getProject())
                .setDomain(row.getDomain())
                .setMatchingAttributes(row.getAttributes()))
        .build();
  }

  public ProjectDomainAttributesDeleteResponse deleteProjectDomainAttributes(
      ProjectDomainAttributesDeleteRequest request) {
    projects.requireActive(request.getProject(), request.getDomain());
    resources.delete(
        new Key(
            request.getProject(),
            request.getDomain(),
            "",
            "",
            typeName(request.getResourceTypeValue())));
    return ProjectDomainAttributesDeleteResponse.getDefaultInstance();
  }

  @Transactional
  public WorkflowAttributesUpdateResponse updateWorkflowAttributes(
      WorkflowAttributesUpdateRequest request) {
    if (!request.hasAttributes()) {
      throw FlyteException.invalidArgument("missing attributes");
    }
    WorkflowAttributes attributes = request.getAttributes();
    projects.requireActive(attributes.getProject(), attributes.getDomain());
    requireWorkflow(attributes.getWorkflow());
    MatchableResource type =
        typeOf(
            attributes.hasMatchingAttributes(),
            attributes.getMatchingAttributes(),
            attributes.getProject()
                + "-"
                + attributes.getDomain()
                + "-"
                + attributes.getWorkflow());
    write(
        new Key(
            attributes.getProject(),
            attributes.getDomain(),
            attributes.getWorkflow(),
            "",
            type.name()),
        WORKFLOW_PRIORITY,
        attributes.getMatchingAttributes());
    return WorkflowAttributesUpdateResponse.getDefaultInstance();
  }

  public WorkflowAttributesGetResponse getWorkflowAttributes(WorkflowAttributesGetRequest request) {
    projects.requireActive(request.getProject(), request.getDomain());
    requireWorkflow(request.getWorkflow());
    Key key =
        new Key(
            request.getProject(),
            request.getDomain(),
            request.getWorkflow(),
            "",
            typeName(request.getResourceTypeValue()));
    MatchableAttributesConfiguration row =
        resources.findMostSpecific(key).orElseThrow(() -> notFound(key));
    return WorkflowAttributesGetResponse.newBuilder()
        .setAttributes(
            WorkflowAttributes.newBuilder()
                .setProject(row.getProject())
                .setDomain(row.getDomain())
                .setWorkflow(row.getWorkflow())
                .setMatchingAttributes(row.getAttributes()))
        .build();
  }

  public WorkflowAttributesDeleteResponse deleteWorkflowAttributes(
      WorkflowAttributesDeleteRequest request) {
    projects.requireActive(request.getProject(), request.getDomain());
    requireWorkflow(request.getWorkflow());
    resources.delete(
        new Key(
            request.getProject(),
            request.getDomain(),
            request.getWorkflow(),
            "",
            typeName(request.getResourceTypeValue())));
    return WorkflowAttributesDeleteResponse.getDefaultInstance();
  }

  /**
   * @throws FlyteException INVALID_ARGUMENT for a resource type that is not a known enum value
   */
  public ListMatchableAttributesResponse listMatchableAttributes(
      ListMatchableAttributesRequest request) {
    MatchableResource type = MatchableResource.forNumber(request.getResourceTypeValue());
    if (type == null) {
      throw FlyteException.invalidArgument("invalid value for resource_type");
    }
    return ListMatchableAttributesResponse.newBuilder()
        .addAllConfigurations(resources.listAll(type.name()))
        .build();
  }

  /** Writes a row; PLUGIN_OVERRIDE merges with the stored overrides by task type. */
  private void write(Key key, int priority, MatchingAttributes attributes) {
    MatchingAttributes stored = attributes;
    if (attributes.hasPluginOverrides()) {
      Optional<MatchableAttributesConfiguration> existing = resources.findExact(key);
      if (existing.isPresent()) {
        stored = mergePluginOverrides(existing.get().getAttributes(), attributes);
      }
    }
    resources.upsert(key, priority, stored);
  }

  /** Overrides of both, one per task type; the new one wins for a task type in both. */
  static MatchingAttributes mergePluginOverrides(
      MatchingAttributes existing, MatchingAttributes update) {
    Map<String, PluginOverride> byTaskType = new LinkedHashMap<>();
    existing
        .getPluginOverrides()
        .getOverridesList()
        .forEach(o -> byTaskType.put(o.getTaskType(), o));
    update.getPluginOverrides().getOverridesList().forEach(o -> byTaskType.put(o.getTaskType(), o));
    return MatchingAttributes.newBuilder()
        .setPluginOverrides(PluginOverrides.newBuilder().addAllOverrides(byTaskType.values()))
        .build();
  }

  /** The resource type an update writes: the oneof that is set. */
  private static MatchableResource typeOf(
      boolean present, MatchingAttributes attributes, String identifier) {
    if (!present) {
      throw FlyteException.invalidArgument("missing matching_attributes");
    }
    return switch (attributes.getTargetCase()) {
      case TASK_RESOURCE_ATTRIBUTES -> MatchableResource.TASK_RESOURCE;
      case CLUSTER_RESOURCE_ATTRIBUTES -> MatchableResource.CLUSTER_RESOURCE;
      case EXECUTION_QUEUE_ATTRIBUTES -> MatchableResource.EXECUTION_QUEUE;
      case EXECUTION_CLUSTER_LABEL -> MatchableResource.EXECUTION_CLUSTER_LABEL;
      case PLUGIN_OVERRIDES -> MatchableResource.PLUGIN_OVERRIDE;
      case WORKFLOW_EXECUTION_CONFIG -> MatchableResource.WORKFLOW_EXECUTION_CONFIG;
      case CLUSTER_ASSIGNMENT -> MatchableResource.CLUSTER_ASSIGNMENT;
      case QUALITY_OF_SERVICE, TARGET_NOT_SET ->
          throw FlyteException.invalidArgument(
              "Unrecognized matching attributes type for request %s", identifier);
    };
  }

  private static void requireWorkflow(String workflow) {
    if (workflow.isEmpty()) {
      throw FlyteException.invalidArgument("missing name");
    }
  }

  /** The stored name of a resource type; Go prints an unknown enum value as its number. */
  private static String typeName(int value) {
    MatchableResource type = MatchableResource.forNumber(value);
    return type == null ? String.valueOf(value) : type.name();
  }

  private static FlyteException notFound(Key key) {
    return FlyteException.notFound("Resource [%s] not found", key);
  }
}

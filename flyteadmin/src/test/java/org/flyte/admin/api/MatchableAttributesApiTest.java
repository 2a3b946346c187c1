package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.BoolValue;
import flyteidl.admin.ClusterAssignmentOuterClass.ClusterAssignment;
import flyteidl.admin.Common.Labels;
import flyteidl.admin.MatchableResourceOuterClass.ClusterResourceAttributes;
import flyteidl.admin.MatchableResourceOuterClass.ExecutionClusterLabel;
import flyteidl.admin.MatchableResourceOuterClass.ExecutionQueueAttributes;
import flyteidl.admin.MatchableResourceOuterClass.ListMatchableAttributesRequest;
import flyteidl.admin.MatchableResourceOuterClass.ListMatchableAttributesResponse;
import flyteidl.admin.MatchableResourceOuterClass.MatchableAttributesConfiguration;
import flyteidl.admin.MatchableResourceOuterClass.MatchableResource;
import flyteidl.admin.MatchableResourceOuterClass.MatchingAttributes;
import flyteidl.admin.MatchableResourceOuterClass.PluginOverride;
import flyteidl.admin.MatchableResourceOuterClass.PluginOverrides;
import flyteidl.admin.MatchableResourceOuterClass.TaskResourceAttributes;
import flyteidl.admin.MatchableResourceOuterClass.TaskResourceSpec;
import flyteidl.admin.MatchableResourceOuterClass.WorkflowExecutionConfig;
import flyteidl.admin.ProjectAttributesOuterClass.ProjectAttributes;
import flyteidl.admin.ProjectAttributesOuterClass.ProjectAttributesDeleteRequest;
import flyteidl.admin.ProjectAttributesOuterClass.ProjectAttributesGetRequest;
import flyteidl.admin.ProjectAttributesOuterClass.ProjectAttributesGetResponse;
import flyteidl.admin.ProjectAttributesOuterClass.ProjectAttributesUpdateRequest;
import flyteidl.admin.ProjectDomainAttributesOuterClass.ProjectDomainAttributes;
import flyteidl.admin.ProjectDomainAttributesOuterClass.ProjectDomainAttributesDeleteRequest;
import flyteidl.admin.ProjectDomainAttributesOuterClass.ProjectDomainAttributesGetRequest;
import flyteidl.admin.ProjectDomainAttributesOuterClass.ProjectDomainAttributesGetResponse;
import flyteidl.admin.ProjectDomainAttributesOuterClass.ProjectDomainAttributesUpdateRequest;
import flyteidl.admin.ProjectOuterClass.InactiveProject;
import flyteidl.admin.ProjectOuterClass.Project;
import flyteidl.admin.ProjectOuterClass.Project.ProjectState;
import flyteidl.admin.ProjectOuterClass.ProjectRegisterRequest;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributes;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributesDeleteRequest;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributesGetRequest;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributesGetResponse;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributesUpdateRequest;
import flyteidl.core.Execution.QualityOfService;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.AdminServiceGrpc.AdminServiceBlockingStub;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flyte.admin.AdminAppTest;
import org.flyte.admin.repository.resource.ResourceRepository;
import org.flyte.admin.service.resource.ResourceService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Matchable attributes at project, project-domain and workflow level over gRPC and REST, their
 * resolution by specificity, and ListMatchableAttributes. Every test works in its own random
 * project.
 */
class MatchableAttributesApiTest extends AdminAppTest {

  private static final String DEV = "development";

  @Autowired private ResourceService resourceService;
  @Autowired private ResourceRepository resourceRepository;

  private AdminServiceBlockingStub admin() {
    return AdminServiceGrpc.newBlockingStub(channel);
  }

  private String project(ProjectState state) {
    String id = "m-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    admin()
        .registerProject(
            ProjectRegisterRequest.newBuilder()
                .setProject(Project.newBuilder().setId(id).setName(id).setState(state))
                .build());
    return id;
  }

  private String project() {
    return project(ProjectState.ACTIVE);
  }

  private static StatusRuntimeException grpcError(Executable call) {
    StatusRuntimeException error =
        catchThrowableOfType(StatusRuntimeException.class, () -> call.execute());
    assertThat(error).as("the call fails").isNotNull();
    return error;
  }

  private static void assertError(Executable call, Status.Code code, String message) {
    StatusRuntimeException error = grpcError(call);
    assertThat(error.getStatus().getCode()).isEqualTo(code);
    assertThat(error.getStatus().getDescription()).isEqualTo(message);
  }

  private static MatchingAttributes queue(String... tags) {
    return MatchingAttributes.newBuilder()
        .setExecutionQueueAttributes(
            ExecutionQueueAttributes.newBuilder().addAllTags(List.of(tags)))
        .build();
  }

  private void setProject(String project, MatchingAttributes attributes) {
    admin()
        .updateProjectAttributes(
            ProjectAttributesUpdateRequest.newBuilder()
                .setAttributes(
                    ProjectAttributes.newBuilder()
                        .setProject(project)
                        .setMatchingAttributes(attributes))
                .build());
  }

  private void setProjectDomain(String project, MatchingAttributes attributes) {
    admin()
        .updateProjectDomainAttributes(
            ProjectDomainAttributesUpdateRequest.newBuilder()
                .setAttributes(
                    ProjectDomainAttributes.newBuilder()
                        .setProject(project)
                        .setDomain(DEV)
                        .setMatchingAttributes(attributes))
                .build());
  }

  private void setWorkflow(String project, String workflow, MatchingAttributes attributes) {
    admin()
        .updateWorkflowAttributes(
            WorkflowAttributesUpdateRequest.newBuilder()
                .setAttributes(
                    WorkflowAttributes.newBuilder()
                        .setProject(project)
                        .setDomain(DEV)
                        .setWorkflow(workflow)
                        .setMatchingAttributes(attributes))
                .build());
  }

  private ProjectDomainAttributesGetResponse getProjectDomain(
      String project, MatchableResource type) {
    return admin()
        .getProjectDomainAttributes(
            ProjectDomainAttributesGetRequest.newBuilder()
                .setProject(project)
                .setDomain(DEV)
                .setResourceType(type)
                .build());
  }

  private WorkflowAttributesGetResponse getWorkflow(
      String project, String workflow, MatchableResource type) {
    return admin()
        .getWorkflowAttributes(
            WorkflowAttributesGetRequest.newBuilder()
                .setProject(project)
                .setDomain(DEV)
                .setWorkflow(workflow)
                .setResourceType(type)
                .build());
  }

  private ProjectAttributesGetResponse getProject(String project, MatchableResource type) {
    return admin()
        .getProjectAttributes(
            ProjectAttributesGetRequest.newBuilder()
                .setProject(project)
                .setResourceType(type)
                .build());
  }

  // --- Every resource type ----------------------------------------------------------------------

  @Test
  void everyWritableResourceTypeRoundTripsAtProjectDomainLevel() {
    String project = project();
    Map<MatchableResource, MatchingAttributes> examples =
        Map.of(
            MatchableResource.TASK_RESOURCE,
            MatchingAttributes.newBuilder()
                .setTaskResourceAttributes(
                    TaskResourceAttributes.newBuilder()
                        .setDefaults(TaskResourceSpec.newBuilder().setCpu("1").setMemory("1Gi"))
                        .setLimits(TaskResourceSpec.newBuilder().setCpu("4").setGpu("1")))
                .build(),
            MatchableResource.CLUSTER_RESOURCE,
            MatchingAttributes.newBuilder()
                .setClusterResourceAttributes(
                    ClusterResourceAttributes.newBuilder().putAttributes("quota", "10"))
                .build(),
            MatchableResource.EXECUTION_QUEUE,
            queue("gpu", "fast"),
            MatchableResource.EXECUTION_CLUSTER_LABEL,
            MatchingAttributes.newBuilder()
                .setExecutionClusterLabel(ExecutionClusterLabel.newBuilder().setValue("west"))
                .build(),
            MatchableResource.PLUGIN_OVERRIDE,
            MatchingAttributes.newBuilder()
                .setPluginOverrides(
                    PluginOverrides.newBuilder()
                        .addOverrides(
                            PluginOverride.newBuilder().setTaskType("spark").addPluginId("k8s")))
                .build(),
            MatchableResource.WORKFLOW_EXECUTION_CONFIG,
            MatchingAttributes.newBuilder()
                .setWorkflowExecutionConfig(
                    WorkflowExecutionConfig.newBuilder()
                        .setMaxParallelism(7)
                        .setInterruptible(BoolValue.of(false)))
                .build(),
            MatchableResource.CLUSTER_ASSIGNMENT,
            MatchingAttributes.newBuilder()
                .setClusterAssignment(ClusterAssignment.newBuilder().setClusterPoolName("pool"))
                .build());

    examples.values().forEach(attributes -> setProjectDomain(project, attributes));

    examples.forEach(
        (type, attributes) ->
            assertThat(getProjectDomain(project, type).getAttributes())
                .as(type.name())
                .isEqualTo(
                    ProjectDomainAttributes.newBuilder()
                        .setProject(project)
                        .setDomain(DEV)
                        .setMatchingAttributes(attributes)
                        .build()));
    assertError(
        () -> getProjectDomain(project, MatchableResource.QUALITY_OF_SERVICE_SPECIFICATION),
        Status.Code.NOT_FOUND,
        "Resource [{Project:"
            + project
            + " Domain:development Workflow: LaunchPlan: ResourceType:"
            + "QUALITY_OF_SERVICE_SPECIFICATION}] not found");
  }

  @Test
  void updatesAreValidatedInFlytesOrder() {
    String project = project();
    String archived = project(ProjectState.ARCHIVED);
    String unknown = "unknown-" + project;
    MatchingAttributes qos =
        MatchingAttributes.newBuilder()
            .setQualityOfService(QualityOfService.newBuilder().setTier(QualityOfService.Tier.HIGH))
            .build();

    assertError(
        () ->
            admin()
                .updateProjectDomainAttributes(
                    ProjectDomainAttributesUpdateRequest.getDefaultInstance()),
        Status.Code.INVALID_ARGUMENT,
        "missing attributes");
    assertError(
        () -> setProjectDomain(unknown, queue("a")),
        Status.Code.INVALID_ARGUMENT,
        "failed to validate that project ["
            + unknown
            + "] and domain [development] are registered, err: [project ["
            + unknown
            + "] not found]");
    assertError(
        () ->
            admin()
                .updateProjectDomainAttributes(
                    ProjectDomainAttributesUpdateRequest.newBuilder()
                        .setAttributes(
                            ProjectDomainAttributes.newBuilder()
                                .setProject(project)
                                .setDomain("nope")
                                .setMatchingAttributes(queue("a")))
                        .build()),
        Status.Code.INVALID_ARGUMENT,
        "domain [nope] is unrecognized by system");
    StatusRuntimeException inactive = grpcError(() -> setProjectDomain(archived, queue("a")));
    assertThat(inactive.getStatus().getDescription())
        .isEqualTo("project [" + archived + "] is not active");
    assertThat(StatusProto.fromThrowable(inactive).getDetailsList())
        .anySatisfy(d -> assertThat(d.unpack(InactiveProject.class).getId()).isEqualTo(archived));
    assertError(
        () ->
            admin()
                .updateProjectDomainAttributes(
                    ProjectDomainAttributesUpdateRequest.newBuilder()
                        .setAttributes(
                            ProjectDomainAttributes.newBuilder().setProject(project).setDomain(DEV))
                        .build()),
        Status.Code.INVALID_ARGUMENT,
        "missing matching_attributes");
    assertError(
        () -> setProjectDomain(project, MatchingAttributes.getDefaultInstance()),
        Status.Code.INVALID_ARGUMENT,
        "Unrecognized matching attributes type for request " + project + "-development");
    assertError(
        () -> setProjectDomain(project, qos),
        Status.Code.INVALID_ARGUMENT,
        "Unrecognized matching attributes type for request " + project + "-development");
    assertError(
        () -> setWorkflow(project, "", queue("a")), Status.Code.INVALID_ARGUMENT, "missing name");
    assertError(
        () -> setWorkflow(project, "wf", qos),
        Status.Code.INVALID_ARGUMENT,
        "Unrecognized matching attributes type for request " + project + "-development-wf");
    assertError(
        () -> setProject(archived, queue("a")),
        Status.Code.INVALID_ARGUMENT,
        "project [" + archived + "] is not active");
    assertThat(StatusProto.fromThrowable(grpcError(() -> setProject(archived, queue("a")))))
        .as("project-level updates carry no InactiveProject detail")
        .satisfies(s -> assertThat(s.getDetailsList()).isEmpty());
    assertError(
        () -> setProject(unknown, queue("a")),
        Status.Code.INVALID_ARGUMENT,
        "failed to validate that project ["
            + unknown
            + "] is registered, err: [project ["
            + unknown
            + "] not found]");
    assertError(
        () -> getProject(unknown, MatchableResource.EXECUTION_QUEUE),
        Status.Code.INVALID_ARGUMENT,
        "failed to validate that project ["
            + unknown
            + "] exists, err: [project ["
            + unknown
            + "] not found]");
    assertThat(
            admin()
                .listMatchableAttributes(
                    ListMatchableAttributesRequest.newBuilder()
                        .setResourceType(MatchableResource.QUALITY_OF_SERVICE_SPECIFICATION)
                        .build())
                .getConfigurationsList())
        .noneMatch(c -> c.getProject().equals(project));
  }

  // --- Resolution -------------------------------------------------------------------------------

  @Test
  void getsFallBackToTheMostSpecificRowAndAnswerItsOwnKey() {
    String project = project();
    setProject(project, queue("project"));

    assertThat(getWorkflow(project, "wf", MatchableResource.EXECUTION_QUEUE).getAttributes())
        .isEqualTo(
            WorkflowAttributes.newBuilder()
                .setProject(project)
                .setMatchingAttributes(queue("project"))
                .build());
    assertThat(getProjectDomain(project, MatchableResource.EXECUTION_QUEUE).getAttributes())
        .isEqualTo(
            ProjectDomainAttributes.newBuilder()
                .setProject(project)
                .setMatchingAttributes(queue("project"))
                .build());

    setProjectDomain(project, queue("domain"));
    setWorkflow(project, "wf", queue("workflow"));

    assertThat(getWorkflow(project, "wf", MatchableResource.EXECUTION_QUEUE).getAttributes())
        .isEqualTo(
            WorkflowAttributes.newBuilder()
                .setProject(project)
                .setDomain(DEV)
                .setWorkflow("wf")
                .setMatchingAttributes(queue("workflow"))
                .build());
    assertThat(
            getWorkflow(project, "other", MatchableResource.EXECUTION_QUEUE)
                .getAttributes()
                .getMatchingAttributes())
        .isEqualTo(queue("domain"));
    assertThat(getProject(project, MatchableResource.EXECUTION_QUEUE).getAttributes())
        .as("the project-level Get answers only the project row")
        .isEqualTo(
            ProjectAttributes.newBuilder()
                .setProject(project)
                .setMatchingAttributes(queue("project"))
                .build());
    assertError(
        () -> getWorkflow(project, "wf", MatchableResource.TASK_RESOURCE),
        Status.Code.NOT_FOUND,
        "Resource [{Project:"
            + project
            + " Domain:development Workflow:wf LaunchPlan: ResourceType:TASK_RESOURCE}] not found");
  }

  @Test
  void resolvePicksTheHighestPriorityMatchingRow() {
    String project = project();
    ResourceRepository.Key launchPlanKey =
        new ResourceRepository.Key(project, DEV, "wf", "lp", "EXECUTION_QUEUE");

    assertThat(resourceService.resolve(project, DEV, "wf", "lp", MatchableResource.EXECUTION_QUEUE))
        .isEmpty();
    setProject(project, queue("project"));
    assertThat(
            resourceService
                .resolve(project, DEV, "wf", "lp", MatchableResource.EXECUTION_QUEUE)
                .map(MatchableAttributesConfiguration::getAttributes))
        .contains(queue("project"));
    setProjectDomain(project, queue("domain"));
    setWorkflow(project, "wf", queue("workflow"));
    resourceRepository.upsert(launchPlanKey, 1000, queue("launch-plan"));

    assertThat(
            resourceService
                .resolve(project, DEV, "wf", "lp", MatchableResource.EXECUTION_QUEUE)
                .orElseThrow())
        .isEqualTo(
            MatchableAttributesConfiguration.newBuilder()
                .setProject(project)
                .setDomain(DEV)
                .setWorkflow("wf")
                .setLaunchPlan("lp")
                .setAttributes(queue("launch-plan"))
                .build());
    assertThat(
            resourceService
                .resolve(project, DEV, "wf", "other-lp", MatchableResource.EXECUTION_QUEUE)
                .map(MatchableAttributesConfiguration::getAttributes))
        .contains(queue("workflow"));
    assertThat(
            resourceService
                .resolve(project, DEV, "other-wf", "", MatchableResource.EXECUTION_QUEUE)
                .map(MatchableAttributesConfiguration::getAttributes))
        .contains(queue("domain"));
    assertThat(
            resourceService
                .resolve(project, "staging", "wf", "lp", MatchableResource.EXECUTION_QUEUE)
                .map(MatchableAttributesConfiguration::getAttributes))
        .contains(queue("project"));
    assertThat(resourceService.resolve(project, DEV, "wf", "lp", MatchableResource.TASK_RESOURCE))
        .isEmpty();
  }

  // --- Project level specifics ------------------------------------------------------------------

  @Test
  void projectLevelExecutionConfigIsMergedWithThePlatformDefaults() {
    String project = project();
    String archived = project(ProjectState.ARCHIVED);

    ProjectAttributesGetResponse defaults =
        getProject(archived, MatchableResource.WORKFLOW_EXECUTION_CONFIG);
    setProject(
        project,
        MatchingAttributes.newBuilder()
            .setWorkflowExecutionConfig(
                WorkflowExecutionConfig.newBuilder()
                    .setLabels(Labels.newBuilder().putValues("team", "a")))
            .build());
    ProjectAttributesGetResponse merged =
        getProject(project, MatchableResource.WORKFLOW_EXECUTION_CONFIG);

    assertThat(defaults.getAttributes())
        .as("no row: the platform defaults, even for an archived project")
        .isEqualTo(
            ProjectAttributes.newBuilder()
                .setProject(archived)
                .setMatchingAttributes(
                    MatchingAttributes.newBuilder()
                        .setWorkflowExecutionConfig(
                            WorkflowExecutionConfig.newBuilder().setMaxParallelism(25)))
                .build());
    assertThat(merged.getAttributes().getMatchingAttributes().getWorkflowExecutionConfig())
        .isEqualTo(
            WorkflowExecutionConfig.newBuilder()
                .setMaxParallelism(25)
                .setLabels(Labels.newBuilder().putValues("team", "a"))
                .build());
    assertError(
        () -> getProject(project, MatchableResource.TASK_RESOURCE),
        Status.Code.NOT_FOUND,
        "Resource [{Project:"
            + project
            + " Domain: Workflow: LaunchPlan: ResourceType:TASK_RESOURCE}] not found");
  }

  @Test
  void pluginOverridesAreMergedByTaskTypeAtEveryLevel() {
    String project = project();
    MatchingAttributes first =
        MatchingAttributes.newBuilder()
            .setPluginOverrides(
                PluginOverrides.newBuilder()
                    .addOverrides(PluginOverride.newBuilder().setTaskType("spark").addPluginId("a"))
                    .addOverrides(PluginOverride.newBuilder().setTaskType("ray").addPluginId("b")))
            .build();
    MatchingAttributes second =
        MatchingAttributes.newBuilder()
            .setPluginOverrides(
                PluginOverrides.newBuilder()
                    .addOverrides(PluginOverride.newBuilder().setTaskType("ray").addPluginId("c"))
                    .addOverrides(PluginOverride.newBuilder().setTaskType("dask").addPluginId("d")))
            .build();

    setProjectDomain(project, first);
    setProjectDomain(project, second);
    setProject(project, first);
    setProject(project, second);

    for (PluginOverrides merged :
        List.of(
            getProjectDomain(project, MatchableResource.PLUGIN_OVERRIDE)
                .getAttributes()
                .getMatchingAttributes()
                .getPluginOverrides(),
            getProject(project, MatchableResource.PLUGIN_OVERRIDE)
                .getAttributes()
                .getMatchingAttributes()
                .getPluginOverrides())) {
      assertThat(merged.getOverridesList())
          .containsExactlyInAnyOrder(
              PluginOverride.newBuilder().setTaskType("spark").addPluginId("a").build(),
              PluginOverride.newBuilder().setTaskType("ray").addPluginId("c").build(),
              PluginOverride.newBuilder().setTaskType("dask").addPluginId("d").build());
    }
  }

  @Test
  void otherTypesAreReplacedWholeOnUpdate() {
    String project = project();
    setWorkflow(project, "wf", queue("a", "b"));
    setWorkflow(project, "wf", queue("c"));

    assertThat(
            getWorkflow(project, "wf", MatchableResource.EXECUTION_QUEUE)
                .getAttributes()
                .getMatchingAttributes())
        .isEqualTo(queue("c"));
  }

  // --- Delete and List --------------------------------------------------------------------------

  @Test
  void deletesRemoveEverythingBeneathTheirKeyAndAreIdempotent() {
    String project = project();
    setProject(project, queue("project"));
    setProjectDomain(project, queue("domain"));
    setWorkflow(project, "wf", queue("workflow"));

    admin()
        .deleteWorkflowAttributes(
            WorkflowAttributesDeleteRequest.newBuilder()
                .setProject(project)
                .setDomain(DEV)
                .setWorkflow("wf")
                .setResourceType(MatchableResource.EXECUTION_QUEUE)
                .build());
    assertThat(
            getWorkflow(project, "wf", MatchableResource.EXECUTION_QUEUE)
                .getAttributes()
                .getMatchingAttributes())
        .isEqualTo(queue("domain"));

    setWorkflow(project, "wf", queue("workflow"));
    admin()
        .deleteProjectDomainAttributes(
            ProjectDomainAttributesDeleteRequest.newBuilder()
                .setProject(project)
                .setDomain(DEV)
                .setResourceType(MatchableResource.EXECUTION_QUEUE)
                .build());
    assertThat(
            getWorkflow(project, "wf", MatchableResource.EXECUTION_QUEUE)
                .getAttributes()
                .getMatchingAttributes())
        .as("the project-domain delete took the workflow row with it")
        .isEqualTo(queue("project"));

    setProjectDomain(project, queue("domain"));
    setWorkflow(project, "wf", queue("workflow"));
    ProjectAttributesDeleteRequest deleteProject =
        ProjectAttributesDeleteRequest.newBuilder()
            .setProject(project)
            .setResourceType(MatchableResource.EXECUTION_QUEUE)
            .build();
    admin().deleteProjectAttributes(deleteProject);
    admin().deleteProjectAttributes(deleteProject);

    assertError(
        () -> getWorkflow(project, "wf", MatchableResource.EXECUTION_QUEUE),
        Status.Code.NOT_FOUND,
        "Resource [{Project:"
            + project
            + " Domain:development Workflow:wf LaunchPlan: ResourceType:EXECUTION_QUEUE}] not found");
    assertError(
        () -> getProject(project, MatchableResource.EXECUTION_QUEUE),
        Status.Code.NOT_FOUND,
        "Resource [{Project:"
            + project
            + " Domain: Workflow: LaunchPlan: ResourceType:EXECUTION_QUEUE}] not found");
    assertError(
        () ->
            admin()
                .deleteWorkflowAttributes(
                    WorkflowAttributesDeleteRequest.newBuilder()
                        .setProject(project)
                        .setDomain(DEV)
                        .build()),
        Status.Code.INVALID_ARGUMENT,
        "missing name");
  }

  @Test
  void listMatchableAttributesAnswersEveryRowOfOneTypeMostSpecificFirst() {
    String project = project();
    setProject(project, queue("project"));
    setWorkflow(project, "wf", queue("workflow"));
    setProjectDomain(project, queue("domain"));

    List<MatchableAttributesConfiguration> ours =
        admin()
            .listMatchableAttributes(
                ListMatchableAttributesRequest.newBuilder()
                    .setResourceType(MatchableResource.EXECUTION_QUEUE)
                    .build())
            .getConfigurationsList()
            .stream()
            .filter(c -> c.getProject().equals(project))
            .toList();

    assertThat(ours)
        .containsExactly(
            MatchableAttributesConfiguration.newBuilder()
                .setProject(project)
                .setDomain(DEV)
                .setWorkflow("wf")
                .setAttributes(queue("workflow"))
                .build(),
            MatchableAttributesConfiguration.newBuilder()
                .setProject(project)
                .setDomain(DEV)
                .setAttributes(queue("domain"))
                .build(),
            MatchableAttributesConfiguration.newBuilder()
                .setProject(project)
                .setAttributes(queue("project"))
                .build());
    assertError(
        () ->
            admin()
                .listMatchableAttributes(
                    ListMatchableAttributesRequest.newBuilder().setResourceTypeValue(99).build()),
        Status.Code.INVALID_ARGUMENT,
        "invalid value for resource_type");
  }

  // --- REST -------------------------------------------------------------------------------------

  @Test
  void attributesOverRestInJsonAndBinary() throws Exception {
    String project = project();

    HttpResponse<byte[]> putDomain =
        rest(
            "PUT",
            "/api/v1/project_domain_attributes/" + project + "/" + DEV,
            "application/json",
            "{\"attributes\": {\"matching_attributes\": {\"execution_queue_attributes\":"
                + " {\"tags\": [\"q1\"]}}}}");
    HttpResponse<byte[]> putWorkflow =
        rest(
            "PUT",
            "/api/v1/workflow_attributes/" + project + "/" + DEV + "/wf",
            "application/octet-stream",
            WorkflowAttributesUpdateRequest.newBuilder()
                .setAttributes(WorkflowAttributes.newBuilder().setMatchingAttributes(queue("q2")))
                .build());
    HttpResponse<byte[]> putProject =
        rest(
            "PUT",
            "/api/v1/project_attributes/" + project,
            "application/json",
            "{\"attributes\": {\"matching_attributes\": {\"execution_cluster_label\":"
                + " {\"value\": \"east\"}}}}");
    HttpResponse<byte[]> getDomain =
        rest(
            "GET",
            "/api/v1/project_domain_attributes/"
                + project
                + "/"
                + DEV
                + "?resource_type=EXECUTION_QUEUE",
            "application/json",
            null);
    HttpResponse<byte[]> getWorkflow =
        rest(
            "GET",
            "/api/v1/workflow_attributes/" + project + "/" + DEV + "/wf?resource_type=2",
            "application/octet-stream",
            null);
    HttpResponse<byte[]> getProject =
        rest(
            "GET",
            "/api/v1/project_attributes/" + project + "?resource_type=EXECUTION_CLUSTER_LABEL",
            "application/octet-stream",
            null);
    HttpResponse<byte[]> list =
        rest(
            "GET",
            "/api/v1/matchable_attributes?resource_type=EXECUTION_CLUSTER_LABEL",
            "application/octet-stream",
            null);

    assertThat(List.of(putDomain, putWorkflow, putProject, getDomain, getWorkflow, getProject))
        .allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
    assertThat(
            parseJson(getDomain, ProjectDomainAttributesGetResponse.newBuilder())
                .build()
                .getAttributes())
        .isEqualTo(
            ProjectDomainAttributes.newBuilder()
                .setProject(project)
                .setDomain(DEV)
                .setMatchingAttributes(queue("q1"))
                .build());
    assertThat(
            WorkflowAttributesGetResponse.parseFrom(getWorkflow.body())
                .getAttributes()
                .getMatchingAttributes())
        .isEqualTo(queue("q2"));
    assertThat(
            ProjectAttributesGetResponse.parseFrom(getProject.body())
                .getAttributes()
                .getMatchingAttributes()
                .getExecutionClusterLabel()
                .getValue())
        .isEqualTo("east");
    assertThat(ListMatchableAttributesResponse.parseFrom(list.body()).getConfigurationsList())
        .anySatisfy(c -> assertThat(c.getProject()).isEqualTo(project));

    HttpResponse<byte[]> deleteWorkflow =
        rest(
            "DELETE",
            "/api/v1/workflow_attributes/" + project + "/" + DEV + "/wf",
            "application/json",
            "{\"resource_type\": \"EXECUTION_QUEUE\"}");
    HttpResponse<byte[]> deleteDomain =
        rest(
            "DELETE",
            "/api/v1/project_domain_attributes/" + project + "/" + DEV,
            "application/octet-stream",
            ProjectDomainAttributesDeleteRequest.newBuilder()
                .setResourceType(MatchableResource.EXECUTION_QUEUE)
                .build());
    HttpResponse<byte[]> deleteProject =
        rest(
            "DELETE",
            "/api/v1/project_attributes/" + project,
            "application/json",
            "{\"resource_type\": 3}");
    HttpResponse<byte[]> gone =
        rest(
            "GET",
            "/api/v1/project_domain_attributes/"
                + project
                + "/"
                + DEV
                + "?resource_type=EXECUTION_QUEUE",
            "application/json",
            null);
    HttpResponse<byte[]> goneProject =
        rest(
            "GET",
            "/api/v1/project_attributes/" + project + "?resource_type=EXECUTION_CLUSTER_LABEL",
            "application/octet-stream",
            null);

    assertThat(List.of(deleteWorkflow, deleteDomain, deleteProject))
        .allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(parseJson(gone, com.google.rpc.Status.newBuilder()).getMessage())
        .isEqualTo(
            "Resource [{Project:"
                + project
                + " Domain:development Workflow: LaunchPlan: ResourceType:EXECUTION_QUEUE}] not"
                + " found");
    assertThat(goneProject.statusCode()).isEqualTo(404);
    assertThat(com.google.rpc.Status.parseFrom(goneProject.body()).getCode())
        .isEqualTo(Status.Code.NOT_FOUND.value());
  }

  @Test
  void attributeErrorsOverRestCarryGrpcGatewaysHttpStatus() throws Exception {
    String archived = project(ProjectState.ARCHIVED);

    HttpResponse<byte[]> inactive =
        rest(
            "PUT",
            "/api/v1/project_domain_attributes/" + archived + "/" + DEV,
            "application/json",
            "{\"attributes\": {\"matching_attributes\": {\"execution_queue_attributes\": {}}}}");
    HttpResponse<byte[]> badType =
        rest("GET", "/api/v1/matchable_attributes?resource_type=42", "application/json", null);

    assertThat(inactive.statusCode()).isEqualTo(400);
    com.google.rpc.Status status = parseJson(inactive, com.google.rpc.Status.newBuilder()).build();
    assertThat(status.getMessage()).isEqualTo("project [" + archived + "] is not active");
    assertThat(status.getDetailsCount()).isEqualTo(1);
    assertThat(badType.statusCode()).isEqualTo(400);
  }
}

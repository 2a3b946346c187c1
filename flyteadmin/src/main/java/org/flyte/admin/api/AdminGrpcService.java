package org.flyte.admin.api;

import flyteidl.admin.Common.NamedEntity;
import flyteidl.admin.Common.NamedEntityGetRequest;
import flyteidl.admin.Common.NamedEntityIdentifierList;
import flyteidl.admin.Common.NamedEntityIdentifierListRequest;
import flyteidl.admin.Common.NamedEntityList;
import flyteidl.admin.Common.NamedEntityListRequest;
import flyteidl.admin.Common.NamedEntityUpdateRequest;
import flyteidl.admin.Common.NamedEntityUpdateResponse;
import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.DescriptionEntityOuterClass.DescriptionEntity;
import flyteidl.admin.DescriptionEntityOuterClass.DescriptionEntityList;
import flyteidl.admin.DescriptionEntityOuterClass.DescriptionEntityListRequest;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateResponse;
import flyteidl.admin.ExecutionOuterClass.ExecutionList;
import flyteidl.admin.ExecutionOuterClass.ExecutionRecoverRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionRelaunchRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionTerminateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionTerminateResponse;
import flyteidl.admin.ExecutionOuterClass.ExecutionUpdateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionUpdateResponse;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetDataRequest;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetDataResponse;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetRequest;
import flyteidl.admin.LaunchPlanOuterClass.ActiveLaunchPlanListRequest;
import flyteidl.admin.LaunchPlanOuterClass.ActiveLaunchPlanRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanCreateRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanCreateResponse;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanList;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanUpdateRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanUpdateResponse;
import flyteidl.admin.MatchableResourceOuterClass.ListMatchableAttributesRequest;
import flyteidl.admin.MatchableResourceOuterClass.ListMatchableAttributesResponse;
import flyteidl.admin.ProjectAttributesOuterClass.ProjectAttributesDeleteRequest;
import flyteidl.admin.ProjectAttributesOuterClass.ProjectAttributesDeleteResponse;
import flyteidl.admin.ProjectAttributesOuterClass.ProjectAttributesGetRequest;
import flyteidl.admin.ProjectAttributesOuterClass.ProjectAttributesGetResponse;
import flyteidl.admin.ProjectAttributesOuterClass.ProjectAttributesUpdateRequest;
import flyteidl.admin.ProjectAttributesOuterClass.ProjectAttributesUpdateResponse;
import flyteidl.admin.ProjectDomainAttributesOuterClass.ProjectDomainAttributesDeleteRequest;
import flyteidl.admin.ProjectDomainAttributesOuterClass.ProjectDomainAttributesDeleteResponse;
import flyteidl.admin.ProjectDomainAttributesOuterClass.ProjectDomainAttributesGetRequest;
import flyteidl.admin.ProjectDomainAttributesOuterClass.ProjectDomainAttributesGetResponse;
import flyteidl.admin.ProjectDomainAttributesOuterClass.ProjectDomainAttributesUpdateRequest;
import flyteidl.admin.ProjectDomainAttributesOuterClass.ProjectDomainAttributesUpdateResponse;
import flyteidl.admin.ProjectOuterClass.GetDomainRequest;
import flyteidl.admin.ProjectOuterClass.GetDomainsResponse;
import flyteidl.admin.ProjectOuterClass.Project;
import flyteidl.admin.ProjectOuterClass.ProjectGetRequest;
import flyteidl.admin.ProjectOuterClass.ProjectListRequest;
import flyteidl.admin.ProjectOuterClass.ProjectRegisterRequest;
import flyteidl.admin.ProjectOuterClass.ProjectRegisterResponse;
import flyteidl.admin.ProjectOuterClass.ProjectUpdateResponse;
import flyteidl.admin.ProjectOuterClass.Projects;
import flyteidl.admin.TaskOuterClass.Task;
import flyteidl.admin.TaskOuterClass.TaskCreateRequest;
import flyteidl.admin.TaskOuterClass.TaskCreateResponse;
import flyteidl.admin.TaskOuterClass.TaskList;
import flyteidl.admin.VersionOuterClass.GetVersionRequest;
import flyteidl.admin.VersionOuterClass.GetVersionResponse;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributesDeleteRequest;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributesDeleteResponse;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributesGetRequest;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributesGetResponse;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributesUpdateRequest;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributesUpdateResponse;
import flyteidl.admin.WorkflowOuterClass.Workflow;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateRequest;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateResponse;
import flyteidl.admin.WorkflowOuterClass.WorkflowList;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.stub.StreamObserver;
import org.flyte.admin.service.DescriptionEntityService;
import org.flyte.admin.service.LaunchPlanService;
import org.flyte.admin.service.NamedEntityService;
import org.flyte.admin.service.ProjectService;
import org.flyte.admin.service.ResourceService;
import org.flyte.admin.service.TaskService;
import org.flyte.admin.service.VersionService;
import org.flyte.admin.service.WorkflowService;
import org.flyte.admin.service.execution.ExecutionDataService;
import org.flyte.admin.service.execution.ExecutionService;
import org.springframework.stereotype.Component;

/**
 * {@code flyteidl.service.AdminService}. Each method hands its request to a service in one line.
 * Methods not overridden here answer UNIMPLEMENTED (HTTP 501 over REST) until their issue lands.
 */
@Component
public class AdminGrpcService extends AdminServiceGrpc.AdminServiceImplBase {

  private final VersionService versions;
  private final ProjectService projects;
  private final ResourceService resources;
  private final TaskService tasks;
  private final WorkflowService workflows;
  private final DescriptionEntityService descriptionEntities;
  private final NamedEntityService namedEntities;
  private final LaunchPlanService launchPlans;
  private final ExecutionService executions;
  private final ExecutionDataService executionData;

  public AdminGrpcService(
      VersionService versions,
      ProjectService projects,
      ResourceService resources,
      TaskService tasks,
      WorkflowService workflows,
      DescriptionEntityService descriptionEntities,
      NamedEntityService namedEntities,
      LaunchPlanService launchPlans,
      ExecutionService executions,
      ExecutionDataService executionData) {
    this.versions = versions;
    this.projects = projects;
    this.resources = resources;
    this.tasks = tasks;
    this.workflows = workflows;
    this.descriptionEntities = descriptionEntities;
    this.namedEntities = namedEntities;
    this.launchPlans = launchPlans;
    this.executions = executions;
    this.executionData = executionData;
  }

  @Override
  public void getVersion(
      GetVersionRequest request, StreamObserver<GetVersionResponse> responseObserver) {
    responseObserver.onNext(versions.getVersion());
    responseObserver.onCompleted();
  }

  // Projects, domains and matchable attributes (ProjectService, ResourceService).

  @Override
  public void registerProject(
      ProjectRegisterRequest request, StreamObserver<ProjectRegisterResponse> responseObserver) {
    responseObserver.onNext(projects.register(request));
    responseObserver.onCompleted();
  }

  @Override
  public void updateProject(
      Project request, StreamObserver<ProjectUpdateResponse> responseObserver) {
    responseObserver.onNext(projects.update(request));
    responseObserver.onCompleted();
  }

  @Override
  public void getProject(ProjectGetRequest request, StreamObserver<Project> responseObserver) {
    responseObserver.onNext(projects.get(request));
    responseObserver.onCompleted();
  }

  @Override
  public void listProjects(ProjectListRequest request, StreamObserver<Projects> responseObserver) {
    responseObserver.onNext(projects.list(request));
    responseObserver.onCompleted();
  }

  @Override
  public void getDomains(
      GetDomainRequest request, StreamObserver<GetDomainsResponse> responseObserver) {
    responseObserver.onNext(projects.getDomains());
    responseObserver.onCompleted();
  }

  @Override
  public void updateProjectAttributes(
      ProjectAttributesUpdateRequest request,
      StreamObserver<ProjectAttributesUpdateResponse> responseObserver) {
    responseObserver.onNext(resources.updateProjectAttributes(request));
    responseObserver.onCompleted();
  }

  @Override
  public void getProjectAttributes(
      ProjectAttributesGetRequest request,
      StreamObserver<ProjectAttributesGetResponse> responseObserver) {
    responseObserver.onNext(resources.getProjectAttributes(request));
    responseObserver.onCompleted();
  }

  @Override
  public void deleteProjectAttributes(
      ProjectAttributesDeleteRequest request,
      StreamObserver<ProjectAttributesDeleteResponse> responseObserver) {
    responseObserver.onNext(resources.deleteProjectAttributes(request));
    responseObserver.onCompleted();
  }

  @Override
  public void updateProjectDomainAttributes(
      ProjectDomainAttributesUpdateRequest request,
      StreamObserver<ProjectDomainAttributesUpdateResponse> responseObserver) {
    responseObserver.onNext(resources.updateProjectDomainAttributes(request));
    responseObserver.onCompleted();
  }

  @Override
  public void getProjectDomainAttributes(
      ProjectDomainAttributesGetRequest request,
      StreamObserver<ProjectDomainAttributesGetResponse> responseObserver) {
    responseObserver.onNext(resources.getProjectDomainAttributes(request));
    responseObserver.onCompleted();
  }

  @Override
  public void deleteProjectDomainAttributes(
      ProjectDomainAttributesDeleteRequest request,
      StreamObserver<ProjectDomainAttributesDeleteResponse> responseObserver) {
    responseObserver.onNext(resources.deleteProjectDomainAttributes(request));
    responseObserver.onCompleted();
  }

  @Override
  public void updateWorkflowAttributes(
      WorkflowAttributesUpdateRequest request,
      StreamObserver<WorkflowAttributesUpdateResponse> responseObserver) {
    responseObserver.onNext(resources.updateWorkflowAttributes(request));
    responseObserver.onCompleted();
  }

  @Override
  public void getWorkflowAttributes(
      WorkflowAttributesGetRequest request,
      StreamObserver<WorkflowAttributesGetResponse> responseObserver) {
    responseObserver.onNext(resources.getWorkflowAttributes(request));
    responseObserver.onCompleted();
  }

  @Override
  public void deleteWorkflowAttributes(
      WorkflowAttributesDeleteRequest request,
      StreamObserver<WorkflowAttributesDeleteResponse> responseObserver) {
    responseObserver.onNext(resources.deleteWorkflowAttributes(request));
    responseObserver.onCompleted();
  }

  @Override
  public void listMatchableAttributes(
      ListMatchableAttributesRequest request,
      StreamObserver<ListMatchableAttributesResponse> responseObserver) {
    responseObserver.onNext(resources.listMatchableAttributes(request));
    responseObserver.onCompleted();
  }

  // Tasks

  @Override
  public void createTask(
      TaskCreateRequest request, StreamObserver<TaskCreateResponse> responseObserver) {
    responseObserver.onNext(tasks.createTask(request));
    responseObserver.onCompleted();
  }

  @Override
  public void getTask(ObjectGetRequest request, StreamObserver<Task> responseObserver) {
    responseObserver.onNext(tasks.getTask(request));
    responseObserver.onCompleted();
  }

  @Override
  public void listTasks(ResourceListRequest request, StreamObserver<TaskList> responseObserver) {
    responseObserver.onNext(tasks.listTasks(request));
    responseObserver.onCompleted();
  }

  @Override
  public void listTaskIds(
      NamedEntityIdentifierListRequest request,
      StreamObserver<NamedEntityIdentifierList> responseObserver) {
    responseObserver.onNext(tasks.listTaskIds(request));
    responseObserver.onCompleted();
  }

  // Workflows

  @Override
  public void createWorkflow(
      WorkflowCreateRequest request, StreamObserver<WorkflowCreateResponse> responseObserver) {
    responseObserver.onNext(workflows.createWorkflow(request));
    responseObserver.onCompleted();
  }

  @Override
  public void getWorkflow(ObjectGetRequest request, StreamObserver<Workflow> responseObserver) {
    responseObserver.onNext(workflows.getWorkflow(request));
    responseObserver.onCompleted();
  }

  @Override
  public void listWorkflows(
      ResourceListRequest request, StreamObserver<WorkflowList> responseObserver) {
    responseObserver.onNext(workflows.listWorkflows(request));
    responseObserver.onCompleted();
  }

  @Override
  public void listWorkflowIds(
      NamedEntityIdentifierListRequest request,
      StreamObserver<NamedEntityIdentifierList> responseObserver) {
    responseObserver.onNext(workflows.listWorkflowIds(request));
    responseObserver.onCompleted();
  }

  // Description entities

  @Override
  public void getDescriptionEntity(
      ObjectGetRequest request, StreamObserver<DescriptionEntity> responseObserver) {
    responseObserver.onNext(descriptionEntities.getDescriptionEntity(request));
    responseObserver.onCompleted();
  }

  @Override
  public void listDescriptionEntities(
      DescriptionEntityListRequest request,
      StreamObserver<DescriptionEntityList> responseObserver) {
    responseObserver.onNext(descriptionEntities.listDescriptionEntities(request));
    responseObserver.onCompleted();
  }

  // Named entities

  @Override
  public void getNamedEntity(
      NamedEntityGetRequest request, StreamObserver<NamedEntity> responseObserver) {
    responseObserver.onNext(namedEntities.getNamedEntity(request));
    responseObserver.onCompleted();
  }

  @Override
  public void updateNamedEntity(
      NamedEntityUpdateRequest request,
      StreamObserver<NamedEntityUpdateResponse> responseObserver) {
    responseObserver.onNext(namedEntities.updateNamedEntity(request));
    responseObserver.onCompleted();
  }

  @Override
  public void listNamedEntities(
      NamedEntityListRequest request, StreamObserver<NamedEntityList> responseObserver) {
    responseObserver.onNext(namedEntities.listNamedEntities(request));
    responseObserver.onCompleted();
  }

  // Launch plans (launch_plan_manager.go).

  @Override
  public void createLaunchPlan(
      LaunchPlanCreateRequest request, StreamObserver<LaunchPlanCreateResponse> responseObserver) {
    respond(responseObserver, launchPlans.create(request));
  }

  @Override
  public void updateLaunchPlan(
      LaunchPlanUpdateRequest request, StreamObserver<LaunchPlanUpdateResponse> responseObserver) {
    respond(responseObserver, launchPlans.update(request));
  }

  @Override
  public void getLaunchPlan(ObjectGetRequest request, StreamObserver<LaunchPlan> responseObserver) {
    respond(responseObserver, launchPlans.get(request));
  }

  @Override
  public void getActiveLaunchPlan(
      ActiveLaunchPlanRequest request, StreamObserver<LaunchPlan> responseObserver) {
    respond(responseObserver, launchPlans.getActive(request));
  }

  @Override
  public void listLaunchPlans(
      ResourceListRequest request, StreamObserver<LaunchPlanList> responseObserver) {
    respond(responseObserver, launchPlans.list(request));
  }

  @Override
  public void listActiveLaunchPlans(
      ActiveLaunchPlanListRequest request, StreamObserver<LaunchPlanList> responseObserver) {
    respond(responseObserver, launchPlans.listActive(request));
  }

  @Override
  public void listLaunchPlanIds(
      NamedEntityIdentifierListRequest request,
      StreamObserver<NamedEntityIdentifierList> responseObserver) {
    respond(responseObserver, launchPlans.listIds(request));
  }

  // Executions (execution_manager.go).

  @Override
  public void createExecution(
      ExecutionCreateRequest request, StreamObserver<ExecutionCreateResponse> responseObserver) {
    respond(responseObserver, executions.create(request));
  }

  @Override
  public void relaunchExecution(
      ExecutionRelaunchRequest request, StreamObserver<ExecutionCreateResponse> responseObserver) {
    respond(responseObserver, executions.relaunch(request));
  }

  @Override
  public void recoverExecution(
      ExecutionRecoverRequest request, StreamObserver<ExecutionCreateResponse> responseObserver) {
    respond(responseObserver, executions.recover(request));
  }

  @Override
  public void terminateExecution(
      ExecutionTerminateRequest request,
      StreamObserver<ExecutionTerminateResponse> responseObserver) {
    respond(responseObserver, executions.terminate(request));
  }

  @Override
  public void updateExecution(
      ExecutionUpdateRequest request, StreamObserver<ExecutionUpdateResponse> responseObserver) {
    respond(responseObserver, executions.update(request));
  }

  @Override
  public void getExecution(
      WorkflowExecutionGetRequest request, StreamObserver<Execution> responseObserver) {
    respond(responseObserver, executions.get(request));
  }

  @Override
  public void listExecutions(
      ResourceListRequest request, StreamObserver<ExecutionList> responseObserver) {
    respond(responseObserver, executions.list(request));
  }

  @Override
  public void getExecutionData(
      WorkflowExecutionGetDataRequest request,
      StreamObserver<WorkflowExecutionGetDataResponse> responseObserver) {
    respond(responseObserver, executionData.getData(request));
  }

  private static <T> void respond(StreamObserver<T> responseObserver, T response) {
    responseObserver.onNext(response);
    responseObserver.onCompleted();
  }
}

package org.flyte.admin.api;

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
import flyteidl.admin.VersionOuterClass.GetVersionRequest;
import flyteidl.admin.VersionOuterClass.GetVersionResponse;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributesDeleteRequest;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributesDeleteResponse;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributesGetRequest;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributesGetResponse;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributesUpdateRequest;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributesUpdateResponse;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.stub.StreamObserver;
import org.flyte.admin.service.ProjectService;
import org.flyte.admin.service.ResourceService;
import org.flyte.admin.service.VersionService;
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

  public AdminGrpcService(
      VersionService versions, ProjectService projects, ResourceService resources) {
    this.versions = versions;
    this.projects = projects;
    this.resources = resources;
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
}

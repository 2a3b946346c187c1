package org.flyte.admin.api;

import static org.flyte.common.grpc.UnaryReplies.reply;

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
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributesDeleteRequest;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributesDeleteResponse;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributesGetRequest;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributesGetResponse;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributesUpdateRequest;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributesUpdateResponse;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.stub.StreamObserver;
import org.flyte.admin.service.resource.ResourceService;
import org.springframework.stereotype.Component;

/**
 * {@code flyteidl.service.AdminService}, its share of matchable attributes at project,
 * project-domain and workflow level (Flyte's {@code resource_manager.go}).
 */
@Component
public class MatchableAttributesGrpcService implements AdminServiceGrpc.AsyncService {

  private final ResourceService resources;

  public MatchableAttributesGrpcService(ResourceService resources) {
    this.resources = resources;
  }

  @Override
  public void updateProjectAttributes(
      ProjectAttributesUpdateRequest request,
      StreamObserver<ProjectAttributesUpdateResponse> responseObserver) {
    reply(responseObserver, resources.updateProjectAttributes(request));
  }

  @Override
  public void getProjectAttributes(
      ProjectAttributesGetRequest request,
      StreamObserver<ProjectAttributesGetResponse> responseObserver) {
    reply(responseObserver, resources.getProjectAttributes(request));
  }

  @Override
  public void deleteProjectAttributes(
      ProjectAttributesDeleteRequest request,
      StreamObserver<ProjectAttributesDeleteResponse> responseObserver) {
    reply(responseObserver, resources.deleteProjectAttributes(request));
  }

  @Override
  public void updateProjectDomainAttributes(
      ProjectDomainAttributesUpdateRequest request,
      StreamObserver<ProjectDomainAttributesUpdateResponse> responseObserver) {
    reply(responseObserver, resources.updateProjectDomainAttributes(request));
  }

  @Override
  public void getProjectDomainAttributes(
      ProjectDomainAttributesGetRequest request,
      StreamObserver<ProjectDomainAttributesGetResponse> responseObserver) {
    reply(responseObserver, resources.getProjectDomainAttributes(request));
  }

  @Override
  public void deleteProjectDomainAttributes(
      ProjectDomainAttributesDeleteRequest request,
      StreamObserver<ProjectDomainAttributesDeleteResponse> responseObserver) {
    reply(responseObserver, resources.deleteProjectDomainAttributes(request));
  }

  @Override
  public void updateWorkflowAttributes(
      WorkflowAttributesUpdateRequest request,
      StreamObserver<WorkflowAttributesUpdateResponse> responseObserver) {
    reply(responseObserver, resources.updateWorkflowAttributes(request));
  }

  @Override
  public void getWorkflowAttributes(
      WorkflowAttributesGetRequest request,
      StreamObserver<WorkflowAttributesGetResponse> responseObserver) {
    reply(responseObserver, resources.getWorkflowAttributes(request));
  }

  @Override
  public void deleteWorkflowAttributes(
      WorkflowAttributesDeleteRequest request,
      StreamObserver<WorkflowAttributesDeleteResponse> responseObserver) {
    reply(responseObserver, resources.deleteWorkflowAttributes(request));
  }

  @Override
  public void listMatchableAttributes(
      ListMatchableAttributesRequest request,
      StreamObserver<ListMatchableAttributesResponse> responseObserver) {
    reply(responseObserver, resources.listMatchableAttributes(request));
  }
}

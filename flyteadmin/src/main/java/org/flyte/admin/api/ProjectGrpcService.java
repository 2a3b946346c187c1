package org.flyte.admin.api;

import static org.flyte.common.grpc.UnaryReplies.reply;

import flyteidl.admin.ProjectOuterClass.GetDomainRequest;
import flyteidl.admin.ProjectOuterClass.GetDomainsResponse;
import flyteidl.admin.ProjectOuterClass.Project;
import flyteidl.admin.ProjectOuterClass.ProjectGetRequest;
import flyteidl.admin.ProjectOuterClass.ProjectListRequest;
import flyteidl.admin.ProjectOuterClass.ProjectRegisterRequest;
import flyteidl.admin.ProjectOuterClass.ProjectRegisterResponse;
import flyteidl.admin.ProjectOuterClass.ProjectUpdateResponse;
import flyteidl.admin.ProjectOuterClass.Projects;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.stub.StreamObserver;
import org.flyte.admin.service.project.ProjectService;
import org.springframework.stereotype.Component;

/**
 * {@code flyteidl.service.AdminService}, its share of projects and domains (Flyte's {@code
 * project_manager.go}).
 */
@Component
public class ProjectGrpcService implements AdminServiceGrpc.AsyncService {

  private final ProjectService projects;

  public ProjectGrpcService(ProjectService projects) {
    this.projects = projects;
  }

  @Override
  public void registerProject(
      ProjectRegisterRequest request, StreamObserver<ProjectRegisterResponse> responseObserver) {
    reply(responseObserver, projects.create(request));
  }

  @Override
  public void updateProject(
      Project request, StreamObserver<ProjectUpdateResponse> responseObserver) {
    reply(responseObserver, projects.update(request));
  }

  @Override
  public void getProject(ProjectGetRequest request, StreamObserver<Project> responseObserver) {
    reply(responseObserver, projects.get(request));
  }

  @Override
  public void listProjects(ProjectListRequest request, StreamObserver<Projects> responseObserver) {
    reply(responseObserver, projects.list(request));
  }

  @Override
  public void getDomains(
      GetDomainRequest request, StreamObserver<GetDomainsResponse> responseObserver) {
    reply(responseObserver, projects.getDomains());
  }
}

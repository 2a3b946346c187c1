package org.flyte.admin.api;

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
import flyteidl.service.AdminServiceGrpc;
import io.grpc.stub.StreamObserver;
import org.flyte.admin.service.ProjectService;
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

  public AdminGrpcService(VersionService versions, ProjectService projects) {
    this.versions = versions;
    this.projects = projects;
  }

  @Override
  public void getVersion(
      GetVersionRequest request, StreamObserver<GetVersionResponse> responseObserver) {
    responseObserver.onNext(versions.getVersion());
    responseObserver.onCompleted();
  }

  // Projects and domains

  @Override
  public void registerProject(
      ProjectRegisterRequest request, StreamObserver<ProjectRegisterResponse> response) {
    projects.register(request);
    reply(response, ProjectRegisterResponse.getDefaultInstance());
  }

  @Override
  public void updateProject(Project request, StreamObserver<ProjectUpdateResponse> response) {
    projects.update(request);
    reply(response, ProjectUpdateResponse.getDefaultInstance());
  }

  @Override
  public void getProject(ProjectGetRequest request, StreamObserver<Project> response) {
    reply(response, projects.get(request));
  }

  @Override
  public void listProjects(ProjectListRequest request, StreamObserver<Projects> response) {
    reply(response, projects.list(request));
  }

  @Override
  public void getDomains(GetDomainRequest request, StreamObserver<GetDomainsResponse> response) {
    reply(response, projects.domains());
  }

  private static <T> void reply(StreamObserver<T> response, T message) {
    response.onNext(message);
    response.onCompleted();
  }
}

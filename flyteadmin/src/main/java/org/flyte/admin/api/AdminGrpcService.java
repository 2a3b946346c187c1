package org.flyte.admin.api;

import flyteidl.admin.Common.NamedEntityIdentifierList;
import flyteidl.admin.Common.NamedEntityIdentifierListRequest;
import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.LaunchPlanOuterClass.ActiveLaunchPlanListRequest;
import flyteidl.admin.LaunchPlanOuterClass.ActiveLaunchPlanRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanCreateRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanCreateResponse;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanList;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanUpdateRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanUpdateResponse;
import flyteidl.admin.VersionOuterClass.GetVersionRequest;
import flyteidl.admin.VersionOuterClass.GetVersionResponse;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.stub.StreamObserver;
import org.flyte.admin.service.LaunchPlanService;
import org.flyte.admin.service.VersionService;
import org.springframework.stereotype.Component;

/**
 * {@code flyteidl.service.AdminService}. Each method hands its request to a service in one line.
 * Methods not overridden here answer UNIMPLEMENTED (HTTP 501 over REST) until their issue lands.
 */
@Component
public class AdminGrpcService extends AdminServiceGrpc.AdminServiceImplBase {

  private final VersionService versions;
  private final LaunchPlanService launchPlans;

  public AdminGrpcService(VersionService versions, LaunchPlanService launchPlans) {
    this.versions = versions;
    this.launchPlans = launchPlans;
  }

  @Override
  public void getVersion(
      GetVersionRequest request, StreamObserver<GetVersionResponse> responseObserver) {
    responseObserver.onNext(versions.getVersion());
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

  private static <T> void respond(StreamObserver<T> responseObserver, T response) {
    responseObserver.onNext(response);
    responseObserver.onCompleted();
  }
}

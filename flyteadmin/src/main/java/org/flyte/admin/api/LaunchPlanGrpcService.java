package org.flyte.admin.api;

import static org.flyte.common.grpc.UnaryReplies.reply;

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
import flyteidl.service.AdminServiceGrpc;
import io.grpc.stub.StreamObserver;
import org.flyte.admin.service.launchplan.LaunchPlanService;
import org.springframework.stereotype.Component;

/**
 * {@code flyteidl.service.AdminService}, its share of launch plans (Flyte's {@code
 * launch_plan_manager.go}).
 */
@Component
public class LaunchPlanGrpcService implements AdminServiceGrpc.AsyncService {

  private final LaunchPlanService launchPlans;

  public LaunchPlanGrpcService(LaunchPlanService launchPlans) {
    this.launchPlans = launchPlans;
  }

  @Override
  public void createLaunchPlan(
      LaunchPlanCreateRequest request, StreamObserver<LaunchPlanCreateResponse> responseObserver) {
    reply(responseObserver, launchPlans.create(request));
  }

  @Override
  public void updateLaunchPlan(
      LaunchPlanUpdateRequest request, StreamObserver<LaunchPlanUpdateResponse> responseObserver) {
    reply(responseObserver, launchPlans.update(request));
  }

  @Override
  public void getLaunchPlan(ObjectGetRequest request, StreamObserver<LaunchPlan> responseObserver) {
    reply(responseObserver, launchPlans.get(request));
  }

  @Override
  public void getActiveLaunchPlan(
      ActiveLaunchPlanRequest request, StreamObserver<LaunchPlan> responseObserver) {
    reply(responseObserver, launchPlans.getActive(request));
  }

  @Override
  public void listLaunchPlans(
      ResourceListRequest request, StreamObserver<LaunchPlanList> responseObserver) {
    reply(responseObserver, launchPlans.list(request));
  }

  @Override
  public void listActiveLaunchPlans(
      ActiveLaunchPlanListRequest request, StreamObserver<LaunchPlanList> responseObserver) {
    reply(responseObserver, launchPlans.listActive(request));
  }

  @Override
  public void listLaunchPlanIds(
      NamedEntityIdentifierListRequest request,
      StreamObserver<NamedEntityIdentifierList> responseObserver) {
    reply(responseObserver, launchPlans.listIds(request));
  }
}

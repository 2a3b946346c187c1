package org.flyte.bench.scheduler;

import com.google.common.util.concurrent.ListenableFuture;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanCreateRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanSpec;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanState;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanUpdateRequest;
import flyteidl.admin.ScheduleOuterClass.CronSchedule;
import flyteidl.admin.ScheduleOuterClass.FixedRate;
import flyteidl.admin.ScheduleOuterClass.FixedRateUnit;
import flyteidl.admin.ScheduleOuterClass.Schedule;
import flyteidl.admin.TaskOuterClass.TaskCreateRequest;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateRequest;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Interface.Parameter;
import flyteidl.core.Interface.ParameterMap;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import flyteidl.service.AdminServiceGrpc;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.flyte.admin.warmup.WarmupEntities;

/**
 * The launch plans {@link SchedulerAdminLoad} registers and activates on the real FlyteAdmin: one
 * task, one workflow, an unscheduled reference launch plan and N scheduled ones (cron or fixed
 * rate), 32 registrations in flight.
 */
final class ScheduledLaunchPlans {

  static final String PROJECT = "flytesnacks";
  static final String DOMAIN = "development";
  static final String VERSION = "v1";

  private ScheduledLaunchPlans() {}

  static Identifier id(ResourceType type, String name) {
    return Identifier.newBuilder()
        .setResourceType(type)
        .setProject(PROJECT)
        .setDomain(DOMAIN)
        .setName(name)
        .setVersion(VERSION)
        .build();
  }

  static void register(AdminServiceGrpc.AdminServiceFutureStub admin, int schedules, String mode)
      throws Exception {
    Identifier task = id(ResourceType.TASK, "bench.task");
    Identifier workflow = id(ResourceType.WORKFLOW, "bench.wf");
    admin
        .createTask(
            TaskCreateRequest.newBuilder().setId(task).setSpec(WarmupEntities.task(task)).build())
        .get();
    admin
        .createWorkflow(
            WorkflowCreateRequest.newBuilder()
                .setId(workflow)
                .setSpec(WarmupEntities.workflow(workflow, task))
                .build())
        .get();
    Schedule schedule =
        mode.equals("cron")
            ? Schedule.newBuilder()
                .setCronSchedule(CronSchedule.newBuilder().setSchedule("* * * * *"))
                .build()
            : Schedule.newBuilder()
                .setRate(FixedRate.newBuilder().setValue(1).setUnit(FixedRateUnit.MINUTE))
                .build();
    admin.createLaunchPlan(launchPlan(workflow, "reference", null)).get();
    Semaphore permits = new Semaphore(32);
    List<ListenableFuture<?>> all = new ArrayList<>();
    for (int i = 0; i < schedules; i++) {
      Identifier plan = id(ResourceType.LAUNCH_PLAN, "lp" + i);
      permits.acquire();
      all.add(
          chain(
              () -> admin.createLaunchPlan(launchPlan(workflow, plan.getName(), schedule)),
              () ->
                  admin.updateLaunchPlan(
                      LaunchPlanUpdateRequest.newBuilder()
                          .setId(plan)
                          .setState(LaunchPlanState.ACTIVE)
                          .build()),
              permits));
    }
    for (ListenableFuture<?> future : all) {
      future.get();
    }
  }

  static ListenableFuture<?> chain(
      Supplier<ListenableFuture<?>> first,
      Supplier<ListenableFuture<?>> second,
      Semaphore permits) {
    var result = com.google.common.util.concurrent.SettableFuture.<Object>create();
    first
        .get()
        .addListener(
            () -> {
              var next = second.get();
              next.addListener(
                  () -> {
                    permits.release();
                    try {
                      result.set(next.get());
                    } catch (Exception e) {
                      result.setException(e);
                    }
                  },
                  Runnable::run);
            },
            Runnable::run);
    return result;
  }

  static LaunchPlanCreateRequest launchPlan(Identifier workflow, String name, Schedule schedule) {
    LiteralType integer = LiteralType.newBuilder().setSimple(SimpleType.INTEGER).build();
    Literal three =
        Literal.newBuilder()
            .setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setInteger(3)))
            .build();
    LaunchPlanSpec.Builder spec =
        LaunchPlanSpec.newBuilder()
            .setWorkflowId(workflow)
            .setDefaultInputs(
                ParameterMap.newBuilder()
                    .putParameters(
                        "x",
                        Parameter.newBuilder()
                            .setVar(Variable.newBuilder().setType(integer))
                            .setDefault(three)
                            .build()));
    if (schedule != null) {
      spec.getEntityMetadataBuilder().setSchedule(schedule);
    }
    return LaunchPlanCreateRequest.newBuilder()
        .setId(id(ResourceType.LAUNCH_PLAN, name))
        .setSpec(spec)
        .build();
  }
}

package org.flyte.admin.service.execution;

import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Literals.LiteralMap;
import org.flyte.admin.repository.execution.LaunchEntityRepository;
import org.flyte.admin.repository.execution.LaunchEntityRepository.WorkflowTarget;
import org.flyte.admin.repository.launchplan.LaunchPlanRepository;
import org.flyte.admin.repository.launchplan.LaunchPlanRepository.StoredLaunchPlan;
import org.flyte.common.error.FlyteException;
import org.flyte.compiler.graph.ProtoText;
import org.springframework.stereotype.Component;

/**
 * What an execution launches and with which inputs: the launch plan it names, or for a task the
 * generated single-task workflow and launch plan ({@link SkeletonEntities}); the workflow behind
 * it; the computed inputs. Follows the first steps of {@code launchExecution} and {@code
 * launchSingleTaskExecution} in {@code flyteadmin/pkg/manager/impl/execution_manager.go} (v1.16.8):
 * neither the launch plan's state (ACTIVE or not) nor its archive state are checked, and a launch
 * plan of another project may be launched into the request's project.
 */
@Component
class LaunchTargets {

  /**
   * What an execution launches.
   *
   * @param launchPlan the launch plan (the generated one for a task)
   * @param launchPlanRowId its surrogate id
   * @param workflowId the workflow it runs
   * @param workflow that workflow's row
   * @param taskRowId the task's surrogate id for a single-task execution, else 0
   * @param inputs the computed inputs
   */
  record Target(
      LaunchPlan launchPlan,
      long launchPlanRowId,
      Identifier workflowId,
      WorkflowTarget workflow,
      long taskRowId,
      LiteralMap inputs) {}

  private final LaunchPlanRepository launchPlans;
  private final LaunchEntityRepository entities;
  private final SkeletonEntities skeletons;

  LaunchTargets(
      LaunchPlanRepository launchPlans,
      LaunchEntityRepository entities,
      SkeletonEntities skeletons) {
    this.launchPlans = launchPlans;
    this.entities = entities;
    this.skeletons = skeletons;
  }

  /**
   * @throws FlyteException NOT_FOUND for a missing launch plan, task or workflow; INVALID_ARGUMENT
   *     for inputs that do not fit the launch plan
   */
  Target resolve(ExecutionCreateRequest request) {
    Identifier launched = request.getSpec().getLaunchPlan();
    if (launched.getResourceType() == ResourceType.TASK) {
      SkeletonEntities.Skeleton skeleton = skeletons.of(launched, request.getSpec());
      LaunchPlan launchPlan = skeleton.launchPlan();
      return new Target(
          launchPlan,
          0,
          skeleton.workflowId(),
          skeleton.workflow(),
          skeleton.taskRowId(),
          inputs(request, launchPlan));
    }
    StoredLaunchPlan stored =
        launchPlans.find(launched).orElseThrow(() -> missing("LAUNCH_PLAN", launched));
    LaunchPlan launchPlan = stored.launchPlan();
    LiteralMap inputs = inputs(request, launchPlan);
    Identifier workflowId =
        launchPlan.getSpec().getWorkflowId().toBuilder()
            .setResourceType(ResourceType.WORKFLOW)
            .build();
    WorkflowTarget workflow =
        entities.workflow(workflowId).orElseThrow(() -> missing("WORKFLOW", workflowId));
    return new Target(launchPlan, stored.rowId(), workflowId, workflow, 0, inputs);
  }

  private static LiteralMap inputs(ExecutionCreateRequest request, LaunchPlan launchPlan) {
    return ExecutionInputs.compute(
        request.getInputs(),
        launchPlan.getSpec().getFixedInputs(),
        launchPlan.getClosure().getExpectedInputs());
  }

  private static FlyteException missing(String type, Identifier id) {
    return FlyteException.notFound(
        "missing entity of type %s with identifier %s",
        type, ProtoText.render(id.toBuilder().clearResourceType()));
  }
}

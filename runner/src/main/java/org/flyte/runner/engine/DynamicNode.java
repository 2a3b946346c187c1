package org.flyte.runner.engine;

import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.core.Compiler.CompiledTask;
import flyteidl.core.Compiler.CompiledWorkflowClosure;
import flyteidl.core.DynamicJob.DynamicJobSpec;
import flyteidl.core.Execution.NodeExecution;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Workflow.WorkflowTemplate;
import flyteidl.event.Event.DynamicWorkflowNodeMetadata;
import flyteidl.event.Event.TaskNodeMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flyte.common.storage.DataReference;
import org.flyte.compiler.TaskCompiler;
import org.flyte.compiler.WorkflowCompiler;
import org.flyte.compiler.WorkflowRequirements;
import org.flyte.compiler.errors.CompileException;
import org.flyte.compiler.graph.LaunchPlanInterface;
import org.flyte.compiler.k8s.FlyteWorkflowBuilder;
import org.flyte.compiler.k8s.model.FlyteWorkflow;

/**
 * A dynamic task's second phase ({@code flytepropeller/pkg/controller/nodes/dynamic/handler.go} and
 * {@code dynamic_workflow.go}, v1.16.8): the {@code futures.pb} the task wrote becomes a workflow
 * {@code dynamic_<node id>} with the task's outputs as its interface, compiled with the compiler
 * and run as a sub-graph whose nodes are children of this node; the node is reported {@code
 * DYNAMIC_RUNNING} with the compiled workflow so FlyteConsole can draw it. The launch plans its
 * nodes call are read from FlyteAdmin for their interfaces, as propeller's {@code
 * getLaunchPlanInterfaces} does: an unknown one fails the node with a user error.
 */
final class DynamicNode {

  /** Propeller's {@code maxNodeRetriesOnSystemFailures} default. */
  private static final int SYSTEM_FAILURES = 3;

  private final GraphRun graph;
  private final NodeRef ref;
  private final NodeExecutor.NodeOutcome outcome;

  DynamicNode(GraphRun graph, NodeRef ref, NodeExecutor.NodeOutcome outcome) {
    this.graph = graph;
    this.ref = ref;
    this.outcome = outcome;
  }

  LiteralMap run(TaskTemplate task, LiteralMap inputs, DataReference futures)
      throws NodeFailure.Raised, InterruptedException {
    RunContext ctx = graph.ctx;
    DynamicJobSpec job = ctx.protos.read(futures, DynamicJobSpec.getDefaultInstance());
    Identifier id =
        Identifier.newBuilder()
            .setResourceType(ResourceType.WORKFLOW)
            .setProject(ctx.executionId().getProject())
            .setDomain(ctx.executionId().getDomain())
            .setName("dynamic_" + ref.uniqueId())
            .setVersion(UUID.randomUUID().toString().substring(0, 10))
            .build();
    WorkflowTemplate template =
        WorkflowTemplate.newBuilder()
            .setId(id)
            .setInterface(TypedInterface.newBuilder().setOutputs(task.getInterface().getOutputs()))
            .addAllNodes(job.getNodesList())
            .addAllOutputs(job.getOutputsList())
            .build();
    CompiledWorkflowClosure closure;
    FlyteWorkflow built;
    try {
      List<CompiledTask> tasks = new ArrayList<>();
      for (TaskTemplate t : job.getTasksList()) {
        tasks.add(TaskCompiler.compileTask(t));
      }
      closure =
          WorkflowCompiler.compileWorkflow(
              template,
              job.getSubworkflowsList(),
              tasks,
              launchPlans(WorkflowCompiler.requirements(template, job.getSubworkflowsList())));
      built = FlyteWorkflowBuilder.build(closure, null, ctx.executionId(), "");
    } catch (CompileException e) {
      throw NodeFailure.user(
              "DynamicWorkflowBuildFailed",
              "the dynamic workflow of task ["
                  + task.getId().getName()
                  + "] does not compile: "
                  + e.text(),
              false)
          .raise();
    }
    ctx.add(built.tasks(), built.subWorkflows());
    TaskNodeMetadata.Builder metadata =
        TaskNodeMetadata.newBuilder()
            .setDynamicWorkflow(
                DynamicWorkflowNodeMetadata.newBuilder()
                    .setId(id)
                    .setCompiledWorkflow(closure)
                    .setDynamicJobSpecUri(futures.toString()));
    ctx.events.node(
        ref,
        NodeExecution.Phase.DYNAMIC_RUNNING,
        e -> e.setTaskNodeMetadata(metadata).setIsDynamic(true).setIsParent(true));
    outcome.decorate = e -> e.setIsDynamic(true).setIsParent(true);
    ParentInfo parent = ParentInfo.of(ref.parent(), ref.spec().id(), outcome.attempt, true);
    GraphRun sub =
        new GraphRun(
            ctx,
            built.spec(),
            parent,
            ref.outputDir(outcome.attempt),
            LiteralMap.getDefaultInstance(),
            graph.cancel.child());
    return sub.run();
  }

  /**
   * A launch plan from FlyteAdmin; an unreachable FlyteAdmin is asked again, as propeller's next
   * rounds would, until its system-failure budget (3) is spent.
   */
  private Optional<LaunchPlan> fetch(Identifier id, String name)
      throws NodeFailure.Raised, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      graph.cancel.check();
      try {
        return graph.ctx.services.controlPlane().launchPlan(id);
      } catch (RuntimeException e) {
        if (attempt == SYSTEM_FAILURES) {
          throw NodeFailure.system(
                  "DynamicWorkflowBuildFailed",
                  "unable to retrieve launchplan information " + name + ": " + e.getMessage(),
                  false)
              .raise();
        }
      }
      Thread.sleep(1000);
    }
  }

  /** The interfaces of the launch plans the dynamic workflow calls, read from FlyteAdmin. */
  private List<LaunchPlanInterface> launchPlans(WorkflowRequirements requirements)
      throws NodeFailure.Raised, InterruptedException {
    List<LaunchPlanInterface> interfaces = new ArrayList<>();
    for (Identifier id : requirements.launchPlanIds()) {
      String name =
          id.getProject() + ":" + id.getDomain() + ":" + id.getName() + ":" + id.getVersion();
      Optional<LaunchPlan> launchPlan = fetch(id, name);
      if (launchPlan.isEmpty()) {
        throw NodeFailure.user(
                "DynamicWorkflowBuildFailed", "incorrectly specified launchplan " + name, false)
            .raise();
      }
      interfaces.add(LaunchPlanInterface.of(launchPlan.get()));
    }
    return interfaces;
  }
}

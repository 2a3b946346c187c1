package org.flyte.compiler;

import flyteidl.core.Compiler.CompiledTask;
import flyteidl.core.Compiler.CompiledWorkflow;
import flyteidl.core.Compiler.CompiledWorkflowClosure;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.Workflow.WorkflowTemplate;
import java.util.List;
import java.util.Map;
import org.flyte.compiler.errors.CompileError;
import org.flyte.compiler.errors.CompileErrors;
import org.flyte.compiler.errors.CompileException;
import org.flyte.compiler.graph.Identifiers;
import org.flyte.compiler.graph.LaunchPlanInterface;
import org.flyte.compiler.graph.NodeIds;
import org.flyte.compiler.graph.SubWorkflowEntry;
import org.flyte.compiler.graph.TaskEntry;

/**
 * Compiles workflows (Go: {@code workflow_compiler.go} and {@code requirements.go}, v1.16.8). Call
 * {@link #requirements} first, load the tasks and launch plans it names, then {@link
 * #compileWorkflow}: it returns the closure Flyte would return, or throws a {@link
 * CompileException} carrying Flyte's errors.
 *
 * <p>Beyond Flyte, compilation does not stop at the first kind of problem: a missing task, launch
 * plan or sub-workflow, or two sub-workflows with one id, are reported as Flyte reports them and
 * the workflow is still validated, so that every error is reported at once (each naming its node
 * and variable). Flyte's own errors are always among those reported.
 */
public final class WorkflowCompiler {

  private WorkflowCompiler() {}

  /**
   * The tasks and launch plans {@code template} and the sub-workflows it references need, without
   * duplicates and sorted.
   *
   * @throws CompileException when a referenced sub-workflow is missing or two share an id
   */
  public static WorkflowRequirements requirements(
      WorkflowTemplate template, List<WorkflowTemplate> subWorkflows) {
    CompileErrors errs = new CompileErrors();
    CompilationContext context = new CompilationContext();
    indexSubWorkflows(context, subWorkflows, errs);
    WorkflowRequirements requirements =
        WorkflowRequirements.collect(template, context.subWorkflows, errs);
    if (errs.hasErrors()) {
      throw new CompileException(errs);
    }
    return requirements;
  }

  /**
   * Compiles {@code primary} with everything it references.
   *
   * @param primary the workflow template (not modified)
   * @param subWorkflows every sub-workflow template the workflow or its sub-workflows reference
   * @param tasks the compiled tasks {@link #requirements} named (more are allowed)
   * @param launchPlans the interfaces of the launch plans {@link #requirements} named
   * @return the compiled closure: the primary workflow with {@code start-node} and {@code
   *     end-node}, every supplied sub-workflow (compiled when referenced) and every supplied task
   * @throws CompileException with every error found
   */
  public static CompiledWorkflowClosure compileWorkflow(
      WorkflowTemplate primary,
      List<WorkflowTemplate> subWorkflows,
      List<CompiledTask> tasks,
      List<LaunchPlanInterface> launchPlans) {
    CompileErrors errs = new CompileErrors();
    if (primary == null) {
      errs.collect(CompileError.valueRequired("root", "wf"));
      throw new CompileException(errs);
    }
    if (tasks == null) {
      errs.collect(CompileError.valueRequired("root", "tasks"));
      throw new CompileException(errs);
    }
    CompilationContext context = new CompilationContext();
    for (CompiledTask task : tasks) {
      if (!task.hasTemplate() || !task.getTemplate().hasId()) {
        errs.collect(CompileError.valueRequired("task", "Template.Id"));
        throw new CompileException(errs);
      }
      context.tasks.putIfAbsent(task.getTemplate().getId(), new TaskEntry(task.getTemplate()));
    }
    indexSubWorkflows(context, subWorkflows, errs);
    if (launchPlans != null) {
      for (LaunchPlanInterface launchPlan : launchPlans) {
        context.launchPlans.put(launchPlan.id(), launchPlan);
      }
    }

    WorkflowRequirements requirements =
        WorkflowRequirements.collect(primary, context.subWorkflows, errs);
    for (Identifier id : requirements.launchPlanIds()) {
      if (context.launchPlan(id) == null) {
        errs.collect(
            CompileError.workflowReferenceNotFound(NodeIds.START_NODE, Identifiers.key(id)));
      }
    }
    for (Identifier id : requirements.taskIds()) {
      if (context.task(id) == null) {
        errs.collect(CompileError.taskReferenceNotFound(NodeIds.START_NODE, Identifiers.key(id)));
      }
    }

    WorkflowBuild.Result compiled = WorkflowBuild.compile(context, primary, errs);
    if (errs.hasErrors() || compiled == null) {
      throw new CompileException(errs);
    }
    CompiledWorkflowClosure.Builder closure =
        CompiledWorkflowClosure.newBuilder()
            .setPrimary(
                CompiledWorkflow.newBuilder()
                    .setTemplate(compiled.template())
                    .setConnections(compiled.connections()));
    for (SubWorkflowEntry subWorkflow : context.subWorkflows.values()) {
      closure.addSubWorkflows(subWorkflow.toCompiled());
    }
    for (TaskEntry task : context.tasks.values()) {
      closure.addTasks(CompiledTask.newBuilder().setTemplate(task.template()));
    }
    return closure.build();
  }

  private static void indexSubWorkflows(
      CompilationContext context, List<WorkflowTemplate> subWorkflows, CompileErrors errs) {
    if (subWorkflows == null) {
      return;
    }
    Map<Identifier, SubWorkflowEntry> index = context.subWorkflows;
    for (WorkflowTemplate subWorkflow : subWorkflows) {
      if (!subWorkflow.hasId()) {
        errs.collect(CompileError.valueRequired("subworkflow", "Template.Id"));
        continue;
      }
      if (index.containsKey(subWorkflow.getId())) {
        errs.collect(CompileError.duplicateId(Identifiers.key(subWorkflow.getId())));
      } else {
        index.put(subWorkflow.getId(), new SubWorkflowEntry(subWorkflow));
      }
    }
  }
}

package org.flyte.compiler;

import flyteidl.core.Compiler.CompiledTask;
import flyteidl.core.Tasks.Container;
import flyteidl.core.Tasks.Resources;
import flyteidl.core.Tasks.TaskTemplate;
import java.util.List;
import org.flyte.compiler.errors.CompileError;
import org.flyte.compiler.errors.CompileErrors;
import org.flyte.compiler.errors.CompileException;

/**
 * Compiles a task (Go: {@code task_compiler.go}, v1.16.8). A task needs an id; a container task
 * needs an image, a command or arguments when its interface has inputs or outputs, and resource
 * values that parse as Kubernetes quantities; a {@code k8s_pod} task needs a pod spec that decodes
 * and containers named as DNS-1123 labels. Other targets are not checked. The compiled task is the
 * template itself.
 */
public final class TaskCompiler {

  private TaskCompiler() {}

  /**
   * Compiles {@code task}.
   *
   * @throws CompileException with every problem found
   */
  public static CompiledTask compileTask(TaskTemplate task) {
    CompileErrors errs = new CompileErrors();
    if (!task.hasId()) {
      errs.collect(CompileError.valueRequired("root", "Id"));
    }
    switch (task.getTargetCase()) {
      case CONTAINER -> validateContainer(task, errs);
      case K8S_POD -> validateK8sPod(task, errs);
      default -> {}
    }
    if (errs.hasErrors()) {
      throw new CompileException(errs);
    }
    return CompiledTask.newBuilder().setTemplate(task).build();
  }

  private static void validateContainer(TaskTemplate task, CompileErrors errs) {
    Container container = task.getContainer();
    if (task.hasInterface()) {
      boolean hasInputs = task.getInterface().getInputs().getVariablesCount() > 0;
      boolean hasOutputs = task.getInterface().getOutputs().getVariablesCount() > 0;
      if ((hasInputs || hasOutputs)
          && container.getCommandCount() == 0
          && container.getArgsCount() == 0) {
        errs.collect(CompileError.valueRequired("container", "command"));
      }
    }
    if (container.getImage().isEmpty()) {
      errs.collect(CompileError.valueRequired("container", "image"));
    }
    if (container.hasResources()) {
      validateResources(container.getResources().getRequestsList(), errs);
      validateResources(container.getResources().getLimitsList(), errs);
    }
  }

  private static void validateResources(List<Resources.ResourceEntry> entries, CompileErrors errs) {
    for (Resources.ResourceEntry entry : entries) {
      if (!Quantity.isValid(entry.getValue())) {
        String name =
            entry.getName() == Resources.ResourceName.UNRECOGNIZED
                ? String.valueOf(entry.getNameValue())
                : entry.getName().name();
        errs.collect(CompileError.unrecognizedValue("resources." + name, entry.getValue()));
      }
    }
  }

  private static void validateK8sPod(TaskTemplate task, CompileErrors errs) {
    if (!task.getK8SPod().hasPodSpec() || !PodSpecs.decodes(task.getK8SPod().getPodSpec())) {
      errs.collect(CompileError.invalidValue("root", "k8s pod spec"));
      return;
    }
    if (!PodSpecs.invalidContainerNames(task.getK8SPod().getPodSpec()).isEmpty()) {
      errs.collect(CompileError.invalidValue("root", "k8s pod spec container name"));
    }
  }
}

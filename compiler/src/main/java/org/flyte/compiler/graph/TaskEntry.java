package org.flyte.compiler.graph;

import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Tasks.TaskTemplate;

/**
 * A task supplied to a workflow compilation (Go: {@code taskBuilder} in {@code
 * compiler/builders.go}, v1.16.8). Flyte normalises a task's interface in place when a node uses it
 * (absent input or output maps become empty maps), and that shows in the tasks of the compiled
 * closure; this holder carries the task as it stands.
 */
public final class TaskEntry {

  private TaskTemplate template;

  public TaskEntry(TaskTemplate template) {
    this.template = template;
  }

  public TaskTemplate template() {
    return template;
  }

  /** Replaces the task's interface with its normalised form. */
  public void normaliseInterface(TypedInterface iface) {
    if (!template.getInterface().equals(iface)) {
      template = template.toBuilder().setInterface(iface).build();
    }
  }
}

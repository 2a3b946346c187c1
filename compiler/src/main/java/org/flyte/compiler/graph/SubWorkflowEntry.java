package org.flyte.compiler.graph;

import flyteidl.core.Compiler.CompiledWorkflow;
import flyteidl.core.Compiler.ConnectionSet;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Workflow.WorkflowTemplate;

/**
 * A sub-workflow supplied to a workflow compilation, as it stands (Go: the {@code CompiledWorkflow}
 * objects of {@code WorkflowIndex} in {@code compiler/common/index.go}, v1.16.8, which Flyte
 * compiles in place). It starts as the template that was supplied; each compilation of it replaces
 * the template and sets the connections. A sub-workflow no node compiles is returned as supplied.
 */
public final class SubWorkflowEntry {

  private WorkflowTemplate template;
  private ConnectionSet connections;
  private boolean compiling;

  public SubWorkflowEntry(WorkflowTemplate template) {
    this.template = template;
  }

  public Identifier id() {
    return template.getId();
  }

  public WorkflowTemplate template() {
    return template;
  }

  /** Replaces the interface with its normalised form (Flyte normalises it in place). */
  public void normaliseInterface(TypedInterface iface) {
    if (!template.getInterface().equals(iface)) {
      template = template.toBuilder().setInterface(iface).build();
    }
  }

  /** Records the result of compiling this sub-workflow. */
  public void store(WorkflowTemplate compiled, ConnectionSet connections) {
    this.template = compiled;
    this.connections = connections;
  }

  /** Whether a compilation of this sub-workflow is under way (a reference cycle if asked again). */
  public boolean compiling() {
    return compiling;
  }

  public void setCompiling(boolean compiling) {
    this.compiling = compiling;
  }

  /** The sub-workflow as the closure returns it: connections only once it was compiled. */
  public CompiledWorkflow toCompiled() {
    CompiledWorkflow.Builder out = CompiledWorkflow.newBuilder().setTemplate(template);
    if (connections != null) {
      out.setConnections(connections);
    }
    return out.build();
  }
}

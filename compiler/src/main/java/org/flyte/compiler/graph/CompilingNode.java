package org.flyte.compiler.graph;

import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Workflow.Node;

/**
 * A node while it is being compiled (Go: {@code nodeBuilder} in {@code compiler/builders.go},
 * v1.16.8): the mutable node (the compiler rewrites branch inner ids, promise node ids and the
 * order of upstream ids in place, as Flyte does) and the interface resolved for it, which is not
 * part of the compiled output.
 */
public final class CompilingNode {

  private final Node.Builder node;
  private TypedInterface iface;
  private boolean subWorkflowCompiled;
  private boolean unresolvedReference;

  public CompilingNode(Node.Builder node) {
    this.node = node;
  }

  public String id() {
    return node.getId();
  }

  public void setId(String id) {
    node.setId(id);
  }

  /** The node itself, mutated in place. */
  public Node.Builder node() {
    return node;
  }

  /** The resolved interface, or null while unresolved (or when resolving it failed). */
  public TypedInterface iface() {
    return iface;
  }

  public void setIface(TypedInterface iface) {
    this.iface = iface;
  }

  /** Whether the sub-workflow this node references was compiled through this node. */
  public boolean subWorkflowCompiled() {
    return subWorkflowCompiled;
  }

  public void markSubWorkflowCompiled() {
    subWorkflowCompiled = true;
  }

  /**
   * Whether the interface is unknown because the node references a task, launch plan or
   * sub-workflow that was not supplied. Flyte stops before validating nodes in that case; we go on
   * and skip the checks that would only repeat the missing reference.
   */
  public boolean unresolvedReference() {
    return unresolvedReference;
  }

  public void markUnresolvedReference() {
    unresolvedReference = true;
  }
}

package org.flyte.compiler.k8s.model;

/** A node's kind ({@code v1alpha1.NodeKind}), written as its lower-case name. */
public enum NodeKind {
  TASK("task"),
  BRANCH("branch"),
  WORKFLOW("workflow"),
  GATE("gate"),
  ARRAY("array"),
  START("start"),
  END("end");

  private final String json;

  NodeKind(String json) {
    this.json = json;
  }

  /** The JSON text ({@code task}, {@code start}, ...). */
  public String json() {
    return json;
  }

  /**
   * The kind written as {@code text}.
   *
   * @throws IllegalArgumentException for an unknown kind
   */
  public static NodeKind fromJson(String text) {
    for (NodeKind kind : values()) {
      if (kind.json.equals(text)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown node kind \"" + text + "\"");
  }
}

package org.flyte.compiler.graph;

/**
 * The ids of the two synthetic nodes every compiled workflow starts with (Go: {@code
 * compiler/common/builder.go}, v1.16.8).
 */
public final class NodeIds {

  /** The node whose outputs are the workflow inputs. */
  public static final String START_NODE = "start-node";

  /** The node whose inputs are the workflow outputs. */
  public static final String END_NODE = "end-node";

  private NodeIds() {}

  /** Whether {@code id} is one of the two synthetic nodes. */
  public static boolean isSentinel(String id) {
    return START_NODE.equals(id) || END_NODE.equals(id);
  }
}

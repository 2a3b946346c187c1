package org.flyte.compiler.graph;

/**
 * Which adjacency lists an edge found from a binding or an upstream id is recorded in (Go: {@code
 * compiler/common/builder.go}, v1.16.8). Top-level nodes get both; branch inner nodes, the failure
 * node and input discovery of branch and approve-gate nodes record upstream edges only.
 */
public enum EdgeDirection {
  BIDIRECTIONAL,
  DOWNSTREAM,
  UPSTREAM
}

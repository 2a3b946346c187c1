package org.flyte.runner.engine;

/**
 * The node a nested node runs under ({@code executors.ImmutableParentInfo}).
 *
 * @param uniqueId the parent's id as events report it
 * @param attempt the parent's current attempt
 * @param inDynamicChain whether a dynamic node is among the ancestors
 */
record ParentInfo(String uniqueId, int attempt, boolean inDynamicChain) {

  /** The parent info of the children of node {@code nodeId} running under {@code grandParent}. */
  static ParentInfo of(ParentInfo grandParent, String nodeId, int attempt, boolean dynamic) {
    return new ParentInfo(
        UniqueIds.node(grandParent, nodeId),
        attempt,
        dynamic || (grandParent != null && grandParent.inDynamicChain()));
  }
}

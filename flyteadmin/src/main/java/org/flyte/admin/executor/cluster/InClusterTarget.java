package org.flyte.admin.executor.cluster;

import java.util.Map;

/**
 * In-cluster mode, when no {@code flyte.clusters.clusterConfigs} are configured: every execution
 * runs in FlyteAdmin's own cluster, whose id is empty. Follows {@code
 * flyteadmin/pkg/executioncluster/impl/in_cluster.go} (v1.16.8): another target id or any execution
 * cluster label is refused.
 */
public final class InClusterTarget implements ExecutionClusters {

  /** The id Flyte accepts for the in-cluster target besides the empty one. */
  static final String LEGACY_ID = "id";

  private final ExecutionTarget target;

  public InClusterTarget(ExecutionTarget target) {
    this.target = target;
  }

  @Override
  public ExecutionTarget target(TargetSpec spec) {
    if (!spec.targetId().isEmpty() && !spec.targetId().equals(LEGACY_ID)) {
      throw new IllegalArgumentException("remote target " + spec.targetId() + " is not supported");
    }
    if (!spec.executionClusterLabel().isEmpty()) {
      throw new IllegalArgumentException(
          "execution cluster label " + spec.executionClusterLabel() + " is not supported");
    }
    return target;
  }

  @Override
  public Map<String, ExecutionTarget> targets() {
    return Map.of(target.id(), target);
  }

  @Override
  public void close() {
    target.close();
  }
}

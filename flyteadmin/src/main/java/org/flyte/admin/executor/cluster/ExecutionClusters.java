package org.flyte.admin.executor.cluster;

import java.util.Map;

/**
 * The clusters executions run in and the choice among them ({@code ClusterInterface} of {@code
 * flyteadmin/pkg/executioncluster/interfaces/cluster.go}, v1.16.8).
 */
public interface ExecutionClusters extends AutoCloseable {

  /**
   * The cluster for {@code spec}.
   *
   * @throws IllegalArgumentException with Flyte's message when none fits ({@code invalid cluster
   *     target x}, {@code execution cluster label x is not supported})
   */
  ExecutionTarget target(TargetSpec spec);

  /** Every cluster by id, disabled ones included. */
  Map<String, ExecutionTarget> targets();

  /** Closes every client. */
  @Override
  void close();
}

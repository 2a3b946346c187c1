package org.flyte.admin.executor.cluster;

/**
 * What decides where an execution runs ({@code executioncluster.ExecutionTargetSpec}).
 *
 * @param targetId a cluster to use as is (the one recorded on an execution being aborted); empty to
 *     select one
 * @param executionName the execution's name, which seeds the choice
 * @param project the project
 * @param domain the domain
 * @param workflow the workflow's name
 * @param launchPlan the launch plan's name, for the cluster label attribute
 * @param executionClusterLabel the label requested by the execution; empty when none
 */
public record TargetSpec(
    String targetId,
    String executionName,
    String project,
    String domain,
    String workflow,
    String launchPlan,
    String executionClusterLabel) {

  /** The spec of an existing execution's cluster. */
  public static TargetSpec of(String targetId) {
    return new TargetSpec(targetId, "", "", "", "", "", "");
  }
}

package org.flyte.admin.executor;

import flyteidl.admin.ClusterAssignmentOuterClass.ClusterAssignment;
import flyteidl.admin.Common.RawOutputDataConfig;
import flyteidl.admin.MatchableResourceOuterClass.ExecutionClusterLabel;
import flyteidl.admin.MatchableResourceOuterClass.PluginOverride;
import flyteidl.admin.MatchableResourceOuterClass.WorkflowExecutionConfig;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Literals.LiteralMap;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An execution's parameters as the executor receives them. Follows {@code ExecutionParameters} of
 * {@code flyteadmin/pkg/workflowengine/interfaces/executor.go} (v1.16.8).
 *
 * @param inputs the execution's inputs (fixed, defaults and user inputs merged)
 * @param acceptedAt when FlyteAdmin accepted the execution
 * @param labels labels of the execution's resources
 * @param annotations annotations of the execution's resources
 * @param taskPluginOverrides plugin overrides per task type
 * @param executionConfig the resolved workflow execution config (max parallelism, security context,
 *     raw output, labels, annotations, interruptible, overwrite cache, envs)
 * @param recoveryExecution the execution this one recovers, or null
 * @param taskResources platform task resource defaults and limits
 * @param eventVersion the event version executions report with
 * @param roleNameKey the annotation key of the IAM role, empty when none
 * @param rawOutputDataConfig where raw outputs go
 * @param clusterAssignment the cluster pool requested, or null
 * @param executionClusterLabel the cluster label requested, or null
 */
public record ExecutionParameters(
    LiteralMap inputs,
    Instant acceptedAt,
    Map<String, String> labels,
    Map<String, String> annotations,
    List<PluginOverride> taskPluginOverrides,
    WorkflowExecutionConfig executionConfig,
    WorkflowExecutionIdentifier recoveryExecution,
    TaskResources taskResources,
    int eventVersion,
    String roleNameKey,
    RawOutputDataConfig rawOutputDataConfig,
    ClusterAssignment clusterAssignment,
    ExecutionClusterLabel executionClusterLabel) {

  /**
   * Platform task resources: defaults and limits, each possibly empty. Follows {@code
   * TaskResources} of {@code flyteadmin/pkg/workflowengine/interfaces/executor.go}.
   *
   * @param defaults the default requests
   * @param limits the limits
   */
  public record TaskResources(ResourceSet defaults, ResourceSet limits) {}

  /**
   * A set of Kubernetes quantities; null where unset.
   *
   * @param cpu CPU quantity text
   * @param gpu GPU quantity text
   * @param memory memory quantity text
   * @param ephemeralStorage ephemeral storage quantity text
   */
  public record ResourceSet(String cpu, String gpu, String memory, String ephemeralStorage) {}
}

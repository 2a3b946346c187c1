package org.flyte.admin.executor;

import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;

/**
 * What {@link WorkflowExecutor#abort} needs. Follows {@code AbortData} of {@code
 * flyteadmin/pkg/workflowengine/interfaces/executor.go} (v1.16.8).
 *
 * @param namespace the namespace the execution was started in
 * @param executionId the execution
 * @param cluster the cluster recorded when it started
 */
public record AbortData(
    String namespace, WorkflowExecutionIdentifier executionId, String cluster) {}

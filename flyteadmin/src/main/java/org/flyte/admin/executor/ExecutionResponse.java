package org.flyte.admin.executor;

/**
 * What {@link WorkflowExecutor#execute} answers.
 *
 * @param cluster the id of the cluster that runs the execution, recorded in the execution's row
 */
public record ExecutionResponse(String cluster) {}

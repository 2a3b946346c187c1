package org.flyte.admin.executor;

import flyteidl.core.Compiler.CompiledWorkflowClosure;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;

/**
 * Everything an executor needs to start an execution. Follows {@code ExecutionData} of {@code
 * flyteadmin/pkg/workflowengine/interfaces/executor.go} (v1.16.8).
 *
 * @param namespace the namespace to run in (from {@code namespace_mapping})
 * @param executionId the execution
 * @param referenceWorkflowName the workflow's name, for labels
 * @param referenceLaunchPlanName the launch plan's name, for labels
 * @param workflowClosure the compiled workflow to run
 * @param workflowClosureReference where the compiled workflow is stored ({@code s3://...}), for
 *     executors that offload it instead of embedding it; empty when not stored
 * @param parameters the execution's parameters
 * @param offloadedInputsReference where the execution's inputs are stored; empty when not stored
 */
public record ExecutionData(
    String namespace,
    WorkflowExecutionIdentifier executionId,
    String referenceWorkflowName,
    String referenceLaunchPlanName,
    CompiledWorkflowClosure workflowClosure,
    String workflowClosureReference,
    ExecutionParameters parameters,
    String offloadedInputsReference) {}

/**
 * The workflow executor seam: what FlyteAdmin hands to whatever runs an execution, and how it asks
 * for an abort. Follows {@code flyteadmin/pkg/workflowengine/interfaces/executor.go} (Flyte
 * v1.16.8): {@link org.flyte.admin.executor.WorkflowExecutor} receives an {@link
 * org.flyte.admin.executor.ExecutionData} (the compiled workflow closure plus the execution's
 * parameters) and answers the id of the cluster that took it. Implementations: the Kubernetes
 * executor (a {@code FlyteWorkflow} custom resource in the selected cluster) and, in the sandbox,
 * the local runner.
 */
package org.flyte.admin.executor;

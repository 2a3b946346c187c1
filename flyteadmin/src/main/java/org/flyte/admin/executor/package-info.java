/**
 * The workflow executor seam: what FlyteAdmin hands to whatever runs an execution, and how it asks
 * for an abort. Follows {@code flyteadmin/pkg/workflowengine/interfaces/executor.go} (Flyte
 * v1.16.8): {@link org.flyte.admin.executor.WorkflowExecutor} receives an {@link
 * org.flyte.admin.executor.ExecutionData} (the compiled workflow closure plus the execution's
 * parameters) and answers the id of the cluster that took it. {@link
 * org.flyte.admin.executor.NamespaceMappingProperties} names the namespace of a project and domain;
 * {@link org.flyte.admin.executor.ExecutorNotConfigured} is the answer when no executor is
 * configured.
 *
 * <p>Sub-packages: {@code resource} (the {@code FlyteWorkflow} custom resource of an execution, for
 * any executor), {@code cluster} (Flyte's {@code clusters} configuration and the choice of a
 * cluster), {@code k8s} (the Kubernetes executor) and {@code config} (which executor FlyteAdmin
 * has). The sandbox's local runner is another implementation.
 */
package org.flyte.admin.executor;

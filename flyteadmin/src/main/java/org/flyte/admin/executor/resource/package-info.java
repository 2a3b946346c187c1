/**
 * The {@code FlyteWorkflow} custom resource of an execution as FlyteAdmin submits it, whatever runs
 * it: {@link org.flyte.admin.executor.resource.FlyteWorkflowFactory} builds it from the compiled
 * closure and prepares it for the execution (labels, annotations, finalizer, identity, execution
 * config, raw output config, offloaded closure and inputs). Follows {@code
 * flyteadmin/pkg/workflowengine/impl/prepare_execution.go} and {@code k8s_executor.go} (v1.16.8).
 */
package org.flyte.admin.executor.resource;

/**
 * The Spring wiring of the executor: which {@link org.flyte.admin.executor.WorkflowExecutor}
 * FlyteAdmin has (Kubernetes when configured, else none) and the configuration sections {@code
 * flyte.clusters}, {@code flyte.namespace_mapping}, the Kubernetes keys of {@code flyte.server} and
 * the custom resource keys of {@code flyte.flyteadmin}.
 */
package org.flyte.admin.executor.config;

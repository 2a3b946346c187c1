/**
 * The sandbox's workflow executor: FlyteAdmin's {@link org.flyte.admin.executor.WorkflowExecutor}
 * seam pointed at the local runner instead of a Kubernetes cluster. It builds the same {@code
 * FlyteWorkflow} custom resource that the Kubernetes executor submits ({@code
 * flyteadmin/pkg/workflowengine/impl/k8s_executor.go}, Flyte v1.16.8) and hands it to the runner in
 * this JVM, which stands in for FlytePropeller; an abort is what deleting the resource is to
 * propeller ({@code HandleAbortedWorkflow} of {@code
 * flytepropeller/pkg/controller/workflow/executor.go}). FlyteAdmin never depends on the runner: the
 * adapter lives here.
 */
package org.flyte.sandbox.executor;

/**
 * The Kubernetes workflow executor: {@link org.flyte.admin.executor.k8s.KubernetesWorkflowExecutor}
 * submits each execution's {@code FlyteWorkflow} custom resource to the cluster selected for it
 * (fabric8 client, generic resources of {@code flyte.lyft.com/v1alpha1}) and deletes it on abort.
 * Follows {@code flyteadmin/pkg/workflowengine/impl/k8s_executor.go} (v1.16.8).
 */
package org.flyte.admin.executor.k8s;

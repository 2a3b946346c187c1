/**
 * The typed {@code FlyteWorkflow} custom resource ({@code flyte.lyft.com/v1alpha1}), one record per
 * Go type of {@code flytepropeller/pkg/apis/flyteworkflow/v1alpha1} (v1.16.8): {@link
 * org.flyte.compiler.k8s.model.FlyteWorkflow} with its {@link
 * org.flyte.compiler.k8s.model.WorkflowSpec} graphs (primary and sub-workflows), {@link
 * org.flyte.compiler.k8s.model.NodeSpec} nodes (task, branch, workflow, gate, array), the tasks
 * map, {@link org.flyte.compiler.k8s.model.ExecutionConfig}, metadata and status. Protobuf values
 * stay protobuf messages, as in Go; Kubernetes pod settings FlyteAdmin never sets are kept as JSON.
 * The records are immutable; {@code null} stands where Go has a nil pointer, map or slice, because
 * the JSON tells them apart.
 */
package org.flyte.compiler.k8s.model;

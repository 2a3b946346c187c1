/**
 * The {@code FlyteWorkflow} custom resource of an execution, built as {@code
 * flytepropeller/pkg/compiler/transformers/k8s} of Flyte v1.16.8 builds it: {@link
 * org.flyte.compiler.k8s.FlyteWorkflowBuilder} turns a compiled workflow closure, the execution's
 * inputs and id into the typed resource of {@code model}, which {@code json} writes as exactly
 * Flyte's JSON. FlyteAdmin prepares it further (labels, annotations, execution config) and submits
 * it; the sandbox's local runner reads it back as FlytePropeller does.
 */
package org.flyte.compiler.k8s;

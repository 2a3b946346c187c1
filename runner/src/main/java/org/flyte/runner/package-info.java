/**
 * A local stand-in for FlytePropeller: {@link org.flyte.runner.WorkflowRunner} runs the {@code
 * FlyteWorkflow} custom resource FlyteAdmin builds. Follows {@code flytepropeller/pkg/controller}
 * (Flyte v1.16.8).
 */
package org.flyte.runner;

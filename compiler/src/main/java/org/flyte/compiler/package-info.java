/**
 * Flyte's workflow compiler in Java, following {@code flytepropeller/pkg/compiler} of Flyte
 * v1.16.8: {@link org.flyte.compiler.TaskCompiler} and {@link org.flyte.compiler.WorkflowCompiler}
 * take flyteidl protobuf messages and return the compiled task or the {@code
 * CompiledWorkflowClosure} FlyteAdmin stores, or throw a {@link
 * org.flyte.compiler.errors.CompileException} with Flyte's collected errors. {@link
 * org.flyte.compiler.typing.Castability} and {@link org.flyte.compiler.typing.LiteralTypeInference}
 * are the type rules FlyteAdmin reuses for inputs.
 *
 * <p>Sub-packages keep the names of Go's: {@code graph} (Go {@code common}), {@code typing}, {@code
 * validators}, {@code errors} and {@code k8s} (Go {@code transformers/k8s}: the {@code
 * FlyteWorkflow} custom resource, its typed model and its JSON). The module depends on flyteidl
 * (and Gson for JSON trees) only; no Spring.
 */
package org.flyte.compiler;

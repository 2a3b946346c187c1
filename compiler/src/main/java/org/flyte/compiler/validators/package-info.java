/**
 * The validators of every element of a workflow, following {@code
 * flytepropeller/pkg/compiler/validators} (v1.16.8): interfaces ({@link
 * org.flyte.compiler.validators.InterfaceValidator}, interface.go), nodes ({@link
 * org.flyte.compiler.validators.NodeValidator}, node.go), branch nodes and their conditions ({@link
 * org.flyte.compiler.validators.BranchValidator}, branch.go and condition.go), input bindings
 * ({@link org.flyte.compiler.validators.BindingValidator}, bindings.go) and the variable lookups
 * they share ({@link org.flyte.compiler.validators.Variables}, vars.go and utils.go).
 *
 * <p>Validators collect every problem into the {@link org.flyte.compiler.errors.CompileErrors} they
 * are given and mutate the nodes in place where Flyte does (branch inner ids, promise node ids, the
 * order of upstream ids).
 */
package org.flyte.compiler.validators;

/**
 * Literal types: which types may feed which ({@link org.flyte.compiler.typing.Castability}, Go:
 * {@code validators/typing.go}), the type of a literal value ({@link
 * org.flyte.compiler.typing.LiteralTypeInference}, Go: the inference half of {@code
 * validators/utils.go}), the JSON-schema comparison Flyte applies to dataclass types, and the
 * syntax of promise variable names ({@link org.flyte.compiler.typing.VariableName}, Go: {@code
 * typing/variable.go}). All of it is pure functions, used again by FlyteAdmin for launch-plan
 * defaults, fixed inputs, execution inputs and signal values.
 */
package org.flyte.compiler.typing;

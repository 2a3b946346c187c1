/**
 * Compile errors, following {@code flytepropeller/pkg/compiler/errors} (v1.16.8): every code Flyte
 * defines ({@link org.flyte.compiler.errors.ErrorCode}), one error with Flyte's text shape ({@code
 * Code: <code>, Node Id: <id>, Description: <text>}), and a collector that de-duplicates and sorts
 * them the way Flyte renders them ({@code Collected Errors: <n>} followed by one line per error).
 *
 * <p>Validators never stop at the first problem: they collect into {@link
 * org.flyte.compiler.errors.CompileErrors} and ask it whether anything was collected since a mark,
 * which is what Go's nested error scopes are used for.
 */
package org.flyte.compiler.errors;

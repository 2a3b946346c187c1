/**
 * The intermediate graph the compiler builds, following {@code flytepropeller/pkg/compiler/common}
 * (v1.16.8): the sentinel node ids, the nodes being compiled with their resolved interfaces, the
 * upstream/downstream adjacency that becomes the {@code ConnectionSet}, the indexes of tasks,
 * launch plans and sub-workflows, and Flyte's text rendering of identifiers and types (used both as
 * index keys and inside error messages).
 *
 * <p>Validators see a workflow under construction only through {@link
 * org.flyte.compiler.graph.WorkflowScope}.
 */
package org.flyte.compiler.graph;

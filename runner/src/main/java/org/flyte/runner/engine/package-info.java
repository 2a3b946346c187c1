/**
 * The execution engine: the workflow, its graph, the node handlers. Follows {@code
 * flytepropeller/pkg/controller/workflow/executor.go} and {@code
 * flytepropeller/pkg/controller/nodes/executor.go} (Flyte v1.16.8).
 */
package org.flyte.runner.engine;

/**
 * How the workflow compiler's cost grows with the size of a workflow: linear chains and wide
 * fan-outs of 10 to 5,000 task nodes (results in {@code bench/results/compiler.md}).
 */
package org.flyte.bench.compiler;

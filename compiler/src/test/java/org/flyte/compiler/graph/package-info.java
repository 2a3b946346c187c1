/** Tests of the graph building blocks. */
package org.flyte.compiler.graph;

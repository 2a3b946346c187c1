package org.flyte.compiler.k8s.model;

import flyteidl.core.Condition.BooleanExpression;

/**
 * One condition of a branch and the node it leads to ({@code v1alpha1.IfBlock}).
 *
 * @param condition the condition
 * @param thenNode the id of the node to run when it holds; null when absent
 */
public record IfBlock(BooleanExpression condition, String thenNode) {}

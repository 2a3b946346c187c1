package org.flyte.compiler.k8s.model;

/**
 * How often a node is tried ({@code v1alpha1.RetryStrategy}).
 *
 * @param minAttempts attempts at least (retries + 1); null when unset
 */
public record RetryStrategy(Integer minAttempts) {}

package org.flyte.runner.catalog;

import flyteidl.core.IdentifierOuterClass.TaskExecutionIdentifier;

/**
 * The task attempt whose outputs are cached (stored as DataCatalog metadata, reported back as the
 * source execution of a hit).
 *
 * @param taskExecution the attempt
 */
public record CatalogSource(TaskExecutionIdentifier taskExecution) {}

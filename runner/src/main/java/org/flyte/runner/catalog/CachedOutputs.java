package org.flyte.runner.catalog;

import flyteidl.core.Catalog.CatalogMetadata;
import flyteidl.core.Literals.LiteralMap;

/**
 * Outputs found in or written to the cache.
 *
 * @param outputs the outputs
 * @param metadata dataset, artifact tag and source execution, as events report them
 */
public record CachedOutputs(LiteralMap outputs, CatalogMetadata metadata) {}

/**
 * DataCatalog's domain logic (Go's {@code manager/impl}): one service per entity, validation in
 * {@code validation}, literals in object storage through {@link
 * org.flyte.datacatalog.service.ArtifactDataStore}, business metrics in {@link
 * org.flyte.datacatalog.service.DataCatalogMetrics}. Services throw {@code FlyteException}s; the
 * gRPC edge maps them.
 */
package org.flyte.datacatalog.service;

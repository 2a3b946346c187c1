/**
 * Proto ↔ row conversions of DataCatalog (Go's {@code transformers}): datasets, artifacts,
 * reservations and the serialized metadata column.
 */
package org.flyte.datacatalog.repository.mapper;

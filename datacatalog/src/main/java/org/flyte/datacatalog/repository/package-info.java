/**
 * DataCatalog's persistence over Flyte's v1.16.8 tables: Spring Data JPA for inserts, updates and
 * listings; JdbcClient for the hot lookups (GetDataset, GetArtifact) and the reservation upsert,
 * each one statement (docs/adr/0008-datacatalog-persistence.md). Rows in {@code entity}.
 */
package org.flyte.datacatalog.repository;

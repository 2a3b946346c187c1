/**
 * DataCatalog's persistence over Flyte's v1.16.8 tables, all through JdbcClient (no JPA, no
 * Hibernate: docs/adr/0040-datacatalog-without-jpa.md): per table family a repository of writes
 * ({@code DatasetRepository}, {@code ArtifactRepository}, {@code TagRepository}) and one of reads
 * ({@code DatasetLookupRepository}, {@code ArtifactLookupRepository}: the hot lookups and the
 * listings, each one statement, docs/adr/0008-datacatalog-persistence.md), and the reservation
 * upsert ({@code ReservationRepository}). Rows are plain records in {@code row}; proto conversions
 * in {@code mapper}. Follows {@code datacatalog/pkg/repositories/gormimpl} (v1.16.8).
 */
package org.flyte.datacatalog.repository;

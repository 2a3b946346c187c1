/**
 * DataCatalog's rows: JPA entities of Flyte's tables (keys assigned by clients, no associations:
 * Flyte declares no foreign keys and joins some tables on non-key columns), and plain records for
 * what the JdbcClient queries return.
 */
package org.flyte.datacatalog.repository.entity;

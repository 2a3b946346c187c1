/**
 * DataCatalog's rows as plain records: the client-assigned keys of Flyte's tables (Flyte declares
 * no foreign keys and joins some tables on non-key columns) and what the repositories' statements
 * return, a dataset or an artifact together with its child rows. Follows {@code
 * datacatalog/pkg/repositories/models} (v1.16.8).
 */
package org.flyte.datacatalog.repository.row;

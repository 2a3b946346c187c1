/**
 * Executions' tables: {@code executions} with its {@code execution_tags} ({@link
 * org.flyte.admin.repository.execution.ExecutionRepository}: insert with tags, lookups, the row
 * lock and update the event ingestion builds on, the ListExecutions query with Flyte's joins), and
 * the read-only view of {@code node_executions} that parent/child linkage and download links need.
 * The list queries are index scans on the V6 indexes (db/migration/flyteadmin).
 */
package org.flyte.admin.repository.execution;

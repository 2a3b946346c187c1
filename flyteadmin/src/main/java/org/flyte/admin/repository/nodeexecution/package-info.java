/**
 * The {@code node_executions} table, written by node events and read by the node execution RPCs.
 * Follows {@code flyteadmin/pkg/repositories/gormimpl/node_execution_repo.go} (Flyte v1.16.8).
 */
package org.flyte.admin.repository.nodeexecution;

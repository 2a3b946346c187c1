/**
 * The event logs {@code execution_events} and {@code node_execution_events}. Follows {@code
 * flyteadmin/pkg/repositories/gormimpl/execution_event_repo.go} (Flyte v1.16.8).
 */
package org.flyte.admin.repository.event;

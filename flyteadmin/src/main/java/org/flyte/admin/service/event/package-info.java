/**
 * Event ingestion: what FlytePropeller reports of workflows, nodes and task attempts becomes the
 * execution, node execution and task execution records. Follows {@code CreateWorkflowEvent} of
 * {@code flyteadmin/pkg/manager/impl/execution_manager.go}, {@code node_execution_manager.go},
 * {@code task_execution_manager.go} and {@code repositories/transformers/} (Flyte v1.16.8). See
 * docs/adr/0024-events.md.
 */
package org.flyte.admin.service.event;

package org.flyte.admin.repository.nodeexecution;

import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionClosure;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionMetaData;
import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code node_executions}, its proto columns parsed. Follows {@code
 * flyteadmin/pkg/repositories/models/node_execution.go} (Flyte v1.16.8).
 *
 * @param rowId the surrogate id, 0 before insertion
 * @param id the execution and the node id as propeller reported it
 * @param phase the {@code NodeExecution.Phase} name
 * @param inputUri the inputs' blob, set once
 * @param closure the closure
 * @param startedAt the last RUNNING event's time
 * @param createdAt {@code node_execution_created_at}: the first event's {@code occurred_at}
 * @param updatedAt {@code node_execution_updated_at}: the last event's reported or occurred time
 * @param durationNanos running time, set on a terminal event after a RUNNING one
 * @param parentTaskExecutionId {@code task_executions.id} of an event version 0 dynamic parent
 * @param dynamicClosureReference the blob of the dynamic workflow's compiled closure, or empty
 * @param eventVersion the event version stored in {@code internal_data}
 * @param metadata retry group, spec node id and the parent / dynamic / array flags
 * @param parentId {@code node_executions.id} of the parent node, null at the top level
 * @param errorKind the error kind's name, or null
 * @param errorCode the error code, or null
 * @param cacheStatus the {@code CatalogCacheStatus} name, or null
 */
public record NodeExecutionRow(
    long rowId,
    NodeExecutionIdentifier id,
    String phase,
    String inputUri,
    NodeExecutionClosure closure,
    @Nullable Instant startedAt,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt,
    @Nullable Long durationNanos,
    @Nullable Long parentTaskExecutionId,
    String dynamicClosureReference,
    int eventVersion,
    NodeExecutionMetaData metadata,
    @Nullable Long parentId,
    @Nullable String errorKind,
    @Nullable String errorCode,
    @Nullable String cacheStatus) {}

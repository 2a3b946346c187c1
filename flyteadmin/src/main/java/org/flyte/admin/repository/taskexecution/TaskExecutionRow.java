package org.flyte.admin.repository.taskexecution;

import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionClosure;
import flyteidl.core.IdentifierOuterClass.TaskExecutionIdentifier;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code task_executions}, its closure parsed. Follows {@code
 * flyteadmin/pkg/repositories/models/task_execution.go} (Flyte v1.16.8).
 *
 * @param rowId the surrogate id, 0 before insertion
 * @param id the task, the node execution and the retry attempt
 * @param phase the {@code TaskExecution.Phase} name
 * @param phaseVersion the phase version of the last event
 * @param inputUri the inputs' blob, set once
 * @param closure the closure
 * @param startedAt when the attempt started running
 * @param createdAt the first event's {@code occurred_at}
 * @param updatedAt the last event's reported or occurred time
 * @param durationNanos running time, set on a terminal event after RUNNING
 */
public record TaskExecutionRow(
    long rowId,
    TaskExecutionIdentifier id,
    String phase,
    long phaseVersion,
    String inputUri,
    TaskExecutionClosure closure,
    @Nullable Instant startedAt,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt,
    @Nullable Long durationNanos) {}

package org.flyte.admin.repository.execution;

import flyteidl.admin.ExecutionOuterClass.ExecutionClosure;
import flyteidl.admin.ExecutionOuterClass.ExecutionSpec;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of the {@code executions} table, with its proto columns parsed. Follows {@code
 * flyteadmin/pkg/repositories/models/execution.go} (v1.16.8); the foreign keys are surrogate ids (0
 * when not applicable), {@code phase} is the phase's name, {@code state} 0 (active) or 1
 * (archived), {@code launchEntity} {@code launch_plan} or {@code task}.
 *
 * @param rowId the surrogate id ({@code executions.id}); 0 before insertion
 * @param id the execution's project, domain and name
 * @param launchPlanId {@code launch_plans.id}, 0 for a single-task execution
 * @param workflowId {@code workflows.id}
 * @param taskId {@code tasks.id}, 0 unless a single-task execution
 * @param phase the {@code WorkflowExecution.Phase} name
 * @param closure the closure ({@code admin.ExecutionClosure})
 * @param spec the spec ({@code admin.ExecutionSpec})
 * @param startedAt when the RUNNING event came, or null
 * @param executionCreatedAt when FlyteAdmin accepted the execution
 * @param executionUpdatedAt when the phase last changed
 * @param durationNanos running time in nanoseconds, or null until terminal
 * @param abortCause the cause a TerminateExecution gave, or empty
 * @param mode the {@code ExecutionMetadata.ExecutionMode} number
 * @param sourceExecutionId {@code executions.id} of the relaunched, recovered or parent execution
 * @param parentNodeExecutionId {@code node_executions.id} of the launching node, 0 when none
 * @param cluster the cluster the executor chose, or empty
 * @param inputsUri the computed inputs' blob
 * @param userInputsUri the user inputs' blob
 * @param errorKind the error kind's name, or null
 * @param errorCode the error code, or null
 * @param user the principal who created it
 * @param state 0 active, 1 archived
 * @param launchEntity {@code launch_plan} or {@code task}
 * @param createdAt the row's insertion time (what {@code sort_by created_at} orders by)
 */
public record ExecutionRow(
    long rowId,
    WorkflowExecutionIdentifier id,
    long launchPlanId,
    long workflowId,
    long taskId,
    String phase,
    ExecutionClosure closure,
    ExecutionSpec spec,
    @Nullable Instant startedAt,
    @Nullable Instant executionCreatedAt,
    @Nullable Instant executionUpdatedAt,
    @Nullable Long durationNanos,
    String abortCause,
    int mode,
    long sourceExecutionId,
    long parentNodeExecutionId,
    String cluster,
    String inputsUri,
    String userInputsUri,
    @Nullable String errorKind,
    @Nullable String errorCode,
    String user,
    int state,
    String launchEntity,
    @Nullable Instant createdAt) {

  /** A copy to change some columns of. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes the mutable columns of a row; {@link #build()} makes the new row. */
  public static final class Builder {
    private final ExecutionRow from;
    private String phase;
    private ExecutionClosure closure;
    private ExecutionSpec spec;
    private @Nullable Instant startedAt;
    private @Nullable Instant executionUpdatedAt;
    private @Nullable Long durationNanos;
    private String abortCause;
    private long sourceExecutionId;
    private String cluster;
    private String inputsUri;
    private @Nullable String errorKind;
    private @Nullable String errorCode;
    private int state;

    private Builder(ExecutionRow row) {
      from = row;
      phase = row.phase;
      closure = row.closure;
      spec = row.spec;
      startedAt = row.startedAt;
      executionUpdatedAt = row.executionUpdatedAt;
      durationNanos = row.durationNanos;
      abortCause = row.abortCause;
      sourceExecutionId = row.sourceExecutionId;
      cluster = row.cluster;
      inputsUri = row.inputsUri;
      errorKind = row.errorKind;
      errorCode = row.errorCode;
      state = row.state;
    }

    public Builder phase(String phase) {
      this.phase = phase;
      return this;
    }

    public Builder closure(ExecutionClosure closure) {
      this.closure = closure;
      return this;
    }

    public Builder spec(ExecutionSpec spec) {
      this.spec = spec;
      return this;
    }

    public Builder startedAt(@Nullable Instant startedAt) {
      this.startedAt = startedAt;
      return this;
    }

    public Builder executionUpdatedAt(@Nullable Instant executionUpdatedAt) {
      this.executionUpdatedAt = executionUpdatedAt;
      return this;
    }

    public Builder durationNanos(@Nullable Long durationNanos) {
      this.durationNanos = durationNanos;
      return this;
    }

    public Builder abortCause(String abortCause) {
      this.abortCause = abortCause;
      return this;
    }

    public Builder sourceExecutionId(long sourceExecutionId) {
      this.sourceExecutionId = sourceExecutionId;
      return this;
    }

    public Builder cluster(String cluster) {
      this.cluster = cluster;
      return this;
    }

    public Builder inputsUri(String inputsUri) {
      this.inputsUri = inputsUri;
      return this;
    }

    public Builder error(@Nullable String kind, @Nullable String code) {
      this.errorKind = kind;
      this.errorCode = code;
      return this;
    }

    public Builder state(int state) {
      this.state = state;
      return this;
    }

    public ExecutionRow build() {
      return new ExecutionRow(
          from.rowId,
          from.id,
          from.launchPlanId,
          from.workflowId,
          from.taskId,
          phase,
          closure,
          spec,
          startedAt,
          from.executionCreatedAt,
          executionUpdatedAt,
          durationNanos,
          abortCause,
          from.mode,
          sourceExecutionId,
          from.parentNodeExecutionId,
          cluster,
          inputsUri,
          from.userInputsUri,
          errorKind,
          errorCode,
          from.user,
          state,
          from.launchEntity,
          from.createdAt);
    }
  }
}

package org.flyte.scheduler.launch;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateResponse;
import flyteidl.admin.ProjectOuterClass.InactiveProject;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One CreateExecution call, without blocking a thread, and what its answer means for the slot
 * ({@code flyteadmin/scheduler/executor/executor_impl.go}, v1.16.8): {@code ALREADY_EXISTS} (the
 * slot was fired before, by this replica, another one or a Go scheduler) and an error carrying the
 * {@code InactiveProject} detail (the project was archived) count as done. Each call has the
 * deadline {@code admin.perRetryTimeout}.
 *
 * <p>Other failures complete the future with the {@link io.grpc.StatusRuntimeException}; {@link
 * #retryable} tells which are worth another attempt. Unlike Flyte, which retries every failure, an
 * answer that will not change by itself (the launch plan is invalid or missing) is not retried.
 */
public final class ExecutionLauncher {

  /** How a slot's call ended when it counts as done. */
  public enum Outcome {
    CREATED,
    ALREADY_EXISTS,
    INACTIVE_PROJECT
  }

  private static final Set<Status.Code> FINAL =
      EnumSet.of(
          Status.Code.INVALID_ARGUMENT,
          Status.Code.NOT_FOUND,
          Status.Code.FAILED_PRECONDITION,
          Status.Code.OUT_OF_RANGE,
          Status.Code.PERMISSION_DENIED,
          Status.Code.UNIMPLEMENTED);

  private final AdminServiceGrpc.AdminServiceFutureStub stub;
  private final Duration timeout;

  public ExecutionLauncher(ManagedChannel adminChannel, Duration perCallTimeout) {
    this.stub = AdminServiceGrpc.newFutureStub(adminChannel);
    this.timeout = perCallTimeout;
  }

  public CompletableFuture<Outcome> launch(ExecutionCreateRequest request) {
    CompletableFuture<Outcome> result = new CompletableFuture<>();
    Futures.addCallback(
        stub.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS).createExecution(request),
        new FutureCallback<ExecutionCreateResponse>() {
          @Override
          public void onSuccess(ExecutionCreateResponse response) {
            result.complete(Outcome.CREATED);
          }

          @Override
          public void onFailure(Throwable error) {
            Status status = Status.fromThrowable(error);
            if (status.getCode() == Status.Code.ALREADY_EXISTS) {
              result.complete(Outcome.ALREADY_EXISTS);
            } else if (inactiveProject(error)) {
              result.complete(Outcome.INACTIVE_PROJECT);
            } else {
              result.completeExceptionally(error);
            }
          }
        },
        MoreExecutors.directExecutor());
    return result;
  }

  /** Whether a call that failed with {@code error} may succeed when tried again. */
  public static boolean retryable(Throwable error) {
    return !FINAL.contains(Status.fromThrowable(error).getCode());
  }

  private static boolean inactiveProject(Throwable error) {
    com.google.rpc.Status details = StatusProto.fromThrowable(error);
    return details != null
        && details.getDetailsList().stream().anyMatch(any -> any.is(InactiveProject.class));
  }
}

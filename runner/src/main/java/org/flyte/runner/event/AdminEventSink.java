package org.flyte.runner.event;

import flyteidl.admin.Event.NodeExecutionEventRequest;
import flyteidl.admin.Event.TaskExecutionEventRequest;
import flyteidl.admin.Event.WorkflowExecutionEventRequest;
import flyteidl.event.Event.NodeExecutionEvent;
import flyteidl.event.Event.TaskExecutionEvent;
import flyteidl.event.Event.WorkflowExecutionEvent;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Sends events to FlyteAdmin through its gRPC {@code AdminService}, as propeller's admin event sink
 * does ({@code flytepropeller/events/admin_eventsink.go}, v1.16.8): one request per event with a
 * fresh request id; {@code ALREADY_EXISTS} is a duplicate and ignored; {@code RESOURCE_EXHAUSTED},
 * {@code UNAVAILABLE} and {@code DEADLINE_EXCEEDED} are sent again with backoff for about 40 s; a
 * workflow event also after {@code NOT_FOUND} (the execution is stored after the executor
 * returned).
 */
public final class AdminEventSink implements EventSink {

  private final AdminServiceGrpc.AdminServiceBlockingStub admin;

  public AdminEventSink(Channel channel) {
    this.admin = AdminServiceGrpc.newBlockingStub(channel);
  }

  @Override
  public void workflow(WorkflowExecutionEvent event) {
    send(
        WORKFLOW_RETRIED,
        () ->
            stub()
                .createWorkflowEvent(
                    WorkflowExecutionEventRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setEvent(event)
                        .build()));
  }

  @Override
  public void node(NodeExecutionEvent event) {
    send(
        RETRIED,
        () ->
            stub()
                .createNodeEvent(
                    NodeExecutionEventRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setEvent(event)
                        .build()));
  }

  @Override
  public void task(TaskExecutionEvent event) {
    send(
        RETRIED,
        () ->
            stub()
                .createTaskEvent(
                    TaskExecutionEventRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setEvent(event)
                        .build()));
  }

  private AdminServiceGrpc.AdminServiceBlockingStub stub() {
    return admin.withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  private static void send(Set<Status.Code> retried, Runnable call) {
    long backoff = 100;
    for (int attempt = 1; ; attempt++) {
      try {
        call.run();
        return;
      } catch (StatusRuntimeException e) {
        Status status = e.getStatus();
        if (status.getCode() == Status.Code.ALREADY_EXISTS) {
          return;
        }
        if (!retried.contains(status.getCode()) || attempt >= MAX_ATTEMPTS) {
          throw new EventRejectedException(
              status.getCode(), String.valueOf(status.getDescription()), e);
        }
      }
      try {
        Thread.sleep(backoff);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new EventRejectedException(Status.Code.CANCELLED, "interrupted", e);
      }
      backoff = Math.min(backoff * 2, 5_000);
    }
  }

  /** Answers after which the same event is sent again: busy or unreachable, not refused. */
  private static final Set<Status.Code> RETRIED =
      EnumSet.of(
          Status.Code.RESOURCE_EXHAUSTED, Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED);

  /**
   * For workflow events also {@code NOT_FOUND}: FlyteAdmin stores a new execution only after its
   * executor returned, so the runner's first event can arrive before the execution exists.
   */
  private static final Set<Status.Code> WORKFLOW_RETRIED =
      EnumSet.of(
          Status.Code.RESOURCE_EXHAUSTED,
          Status.Code.UNAVAILABLE,
          Status.Code.DEADLINE_EXCEEDED,
          Status.Code.NOT_FOUND);

  /** About 40 s of attempts with the backoff above. */
  private static final int MAX_ATTEMPTS = 14;
}

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
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Sends events to FlyteAdmin through its gRPC {@code AdminService}, as propeller's admin event sink
 * does ({@code flytepropeller/events/admin_eventsink.go}, v1.16.8): one request per event with a
 * fresh request id; {@code ALREADY_EXISTS} is a duplicate and ignored.
 */
public final class AdminEventSink implements EventSink {

  private final AdminServiceGrpc.AdminServiceBlockingStub admin;

  public AdminEventSink(Channel channel) {
    this.admin = AdminServiceGrpc.newBlockingStub(channel);
  }

  @Override
  public void workflow(WorkflowExecutionEvent event) {
    send(
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

  private static void send(Runnable call) {
    try {
      call.run();
    } catch (StatusRuntimeException e) {
      Status status = e.getStatus();
      if (status.getCode() == Status.Code.ALREADY_EXISTS) {
        return;
      }
      throw new EventRejectedException(
          status.getCode(), String.valueOf(status.getDescription()), e);
    }
  }
}

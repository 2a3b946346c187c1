package org.flyte.runner.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flyteidl.admin.Event.NodeExecutionEventRequest;
import flyteidl.admin.Event.NodeExecutionEventResponse;
import flyteidl.admin.Event.WorkflowExecutionEventRequest;
import flyteidl.admin.Event.WorkflowExecutionEventResponse;
import flyteidl.event.Event.NodeExecutionEvent;
import flyteidl.event.Event.WorkflowExecutionEvent;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gRPC sink: duplicates ignored, a busy FlyteAdmin retried, a refusal reported. */
class AdminEventSinkTest {

  private final Deque<Status> answers = new ArrayDeque<>();
  private final List<String> requestIds = new CopyOnWriteArrayList<>();
  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    String name = InProcessServerBuilder.generateName();
    server =
        InProcessServerBuilder.forName(name)
            .addService(
                new AdminServiceGrpc.AdminServiceImplBase() {
                  @Override
                  public void createWorkflowEvent(
                      WorkflowExecutionEventRequest request,
                      StreamObserver<WorkflowExecutionEventResponse> out) {
                    requestIds.add(request.getRequestId());
                    Status s = answers.isEmpty() ? Status.OK : answers.poll();
                    if (s.isOk()) {
                      out.onNext(WorkflowExecutionEventResponse.getDefaultInstance());
                      out.onCompleted();
                    } else {
                      out.onError(s.asRuntimeException());
                    }
                  }

                  @Override
                  public void createNodeEvent(
                      NodeExecutionEventRequest request,
                      StreamObserver<NodeExecutionEventResponse> out) {
                    out.onError(Status.ALREADY_EXISTS.asRuntimeException());
                  }
                })
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).build();
  }

  @AfterEach
  void stop() {
    channel.shutdownNow();
    server.shutdownNow();
  }

  @Test
  void aBusyAdminIsAskedAgainAndADuplicateIsNotAnError() {
    answers.add(Status.RESOURCE_EXHAUSTED.withDescription("too many events in flight"));
    answers.add(Status.UNAVAILABLE);
    answers.add(Status.NOT_FOUND.withDescription("missing entity of type execution"));
    AdminEventSink sink = new AdminEventSink(channel);

    sink.workflow(WorkflowExecutionEvent.getDefaultInstance());
    sink.node(NodeExecutionEvent.getDefaultInstance());

    assertThat(requestIds).hasSize(4);
    assertThat(requestIds.get(0)).isNotEmpty();
  }

  @Test
  void aRefusalIsReportedWithItsCode() {
    answers.add(Status.FAILED_PRECONDITION.withDescription("already in terminal state"));
    AdminEventSink sink = new AdminEventSink(channel);

    assertThatThrownBy(() -> sink.workflow(WorkflowExecutionEvent.getDefaultInstance()))
        .isInstanceOfSatisfying(
            EventRejectedException.class,
            e -> {
              assertThat(e.executionAlreadyTerminal()).isTrue();
              assertThat(e.getMessage()).contains("terminal state");
            });
    assertThat(requestIds).hasSize(1);
  }
}

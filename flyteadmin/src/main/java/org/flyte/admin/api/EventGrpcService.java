package org.flyte.admin.api;

import static org.flyte.common.grpc.UnaryReplies.reply;

import flyteidl.admin.Event.NodeExecutionEventRequest;
import flyteidl.admin.Event.NodeExecutionEventResponse;
import flyteidl.admin.Event.TaskExecutionEventRequest;
import flyteidl.admin.Event.TaskExecutionEventResponse;
import flyteidl.admin.Event.WorkflowExecutionEventRequest;
import flyteidl.admin.Event.WorkflowExecutionEventResponse;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.stub.StreamObserver;
import org.flyte.admin.service.event.EventAdmission;
import org.flyte.admin.service.event.NodeEventService;
import org.flyte.admin.service.event.TaskEventService;
import org.flyte.admin.service.event.WorkflowEventService;
import org.springframework.stereotype.Component;

/**
 * {@code flyteidl.service.AdminService}, its share of events (what FlytePropeller reports):
 * CreateWorkflowEvent, CreateNodeEvent, CreateTaskEvent, each admitted by {@link EventAdmission}.
 */
@Component
public class EventGrpcService implements AdminServiceGrpc.AsyncService {

  private final WorkflowEventService workflows;
  private final NodeEventService nodes;
  private final TaskEventService tasks;
  private final EventAdmission admission;

  public EventGrpcService(
      WorkflowEventService workflows,
      NodeEventService nodes,
      TaskEventService tasks,
      EventAdmission admission) {
    this.workflows = workflows;
    this.nodes = nodes;
    this.tasks = tasks;
    this.admission = admission;
  }

  @Override
  public void createWorkflowEvent(
      WorkflowExecutionEventRequest request,
      StreamObserver<WorkflowExecutionEventResponse> responseObserver) {
    reply(responseObserver, admission.admit(() -> workflows.create(request)));
  }

  @Override
  public void createNodeEvent(
      NodeExecutionEventRequest request,
      StreamObserver<NodeExecutionEventResponse> responseObserver) {
    reply(responseObserver, admission.admit(() -> nodes.create(request)));
  }

  @Override
  public void createTaskEvent(
      TaskExecutionEventRequest request,
      StreamObserver<TaskExecutionEventResponse> responseObserver) {
    reply(responseObserver, admission.admit(() -> tasks.create(request)));
  }
}

package org.flyte.admin.api;

import static org.flyte.common.grpc.UnaryReplies.reply;

import flyteidl.admin.Common.NamedEntityIdentifierList;
import flyteidl.admin.Common.NamedEntityIdentifierListRequest;
import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.WorkflowOuterClass.Workflow;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateRequest;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateResponse;
import flyteidl.admin.WorkflowOuterClass.WorkflowList;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.stub.StreamObserver;
import org.flyte.admin.service.workflow.WorkflowService;
import org.springframework.stereotype.Component;

/**
 * {@code flyteidl.service.AdminService}, its share of workflows (Flyte's {@code
 * workflow_manager.go}).
 */
@Component
public class WorkflowGrpcService implements AdminServiceGrpc.AsyncService {

  private final WorkflowService workflows;

  public WorkflowGrpcService(WorkflowService workflows) {
    this.workflows = workflows;
  }

  @Override
  public void createWorkflow(
      WorkflowCreateRequest request, StreamObserver<WorkflowCreateResponse> responseObserver) {
    reply(responseObserver, workflows.create(request));
  }

  @Override
  public void getWorkflow(ObjectGetRequest request, StreamObserver<Workflow> responseObserver) {
    reply(responseObserver, workflows.get(request));
  }

  @Override
  public void listWorkflows(
      ResourceListRequest request, StreamObserver<WorkflowList> responseObserver) {
    reply(responseObserver, workflows.list(request));
  }

  @Override
  public void listWorkflowIds(
      NamedEntityIdentifierListRequest request,
      StreamObserver<NamedEntityIdentifierList> responseObserver) {
    reply(responseObserver, workflows.listIds(request));
  }
}

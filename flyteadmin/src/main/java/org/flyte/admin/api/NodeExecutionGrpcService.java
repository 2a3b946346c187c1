package org.flyte.admin.api;

import static org.flyte.common.grpc.UnaryReplies.reply;

import flyteidl.admin.NodeExecutionOuterClass.DynamicNodeWorkflowResponse;
import flyteidl.admin.NodeExecutionOuterClass.GetDynamicNodeWorkflowRequest;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecution;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionForTaskListRequest;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionGetDataRequest;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionGetDataResponse;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionGetRequest;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionList;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionListRequest;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecution;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionGetDataRequest;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionGetDataResponse;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionGetRequest;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionList;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionListRequest;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.stub.StreamObserver;
import org.flyte.admin.service.nodeexecution.NodeExecutionService;
import org.flyte.admin.service.taskexecution.TaskExecutionService;
import org.springframework.stereotype.Component;

/**
 * {@code flyteidl.service.AdminService}, its share of node and task executions (Flyte's {@code
 * node_execution_manager.go} and {@code task_execution_manager.go}).
 */
@Component
public class NodeExecutionGrpcService implements AdminServiceGrpc.AsyncService {

  private final NodeExecutionService nodes;
  private final TaskExecutionService tasks;

  public NodeExecutionGrpcService(NodeExecutionService nodes, TaskExecutionService tasks) {
    this.nodes = nodes;
    this.tasks = tasks;
  }

  @Override
  public void getNodeExecution(
      NodeExecutionGetRequest request, StreamObserver<NodeExecution> responseObserver) {
    reply(responseObserver, nodes.get(request));
  }

  @Override
  public void listNodeExecutions(
      NodeExecutionListRequest request, StreamObserver<NodeExecutionList> responseObserver) {
    reply(responseObserver, nodes.list(request));
  }

  @Override
  public void listNodeExecutionsForTask(
      NodeExecutionForTaskListRequest request, StreamObserver<NodeExecutionList> responseObserver) {
    reply(responseObserver, nodes.listForTask(request));
  }

  @Override
  public void getNodeExecutionData(
      NodeExecutionGetDataRequest request,
      StreamObserver<NodeExecutionGetDataResponse> responseObserver) {
    reply(responseObserver, nodes.getData(request));
  }

  @Override
  public void getDynamicNodeWorkflow(
      GetDynamicNodeWorkflowRequest request,
      StreamObserver<DynamicNodeWorkflowResponse> responseObserver) {
    reply(responseObserver, nodes.getDynamicWorkflow(request));
  }

  @Override
  public void getTaskExecution(
      TaskExecutionGetRequest request, StreamObserver<TaskExecution> responseObserver) {
    reply(responseObserver, tasks.get(request));
  }

  @Override
  public void listTaskExecutions(
      TaskExecutionListRequest request, StreamObserver<TaskExecutionList> responseObserver) {
    reply(responseObserver, tasks.list(request));
  }

  @Override
  public void getTaskExecutionData(
      TaskExecutionGetDataRequest request,
      StreamObserver<TaskExecutionGetDataResponse> responseObserver) {
    reply(responseObserver, tasks.getData(request));
  }
}

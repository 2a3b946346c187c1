package org.flyte.admin.api;

import static org.flyte.common.grpc.UnaryReplies.reply;

import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateResponse;
import flyteidl.admin.ExecutionOuterClass.ExecutionList;
import flyteidl.admin.ExecutionOuterClass.ExecutionRecoverRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionRelaunchRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionTerminateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionTerminateResponse;
import flyteidl.admin.ExecutionOuterClass.ExecutionUpdateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionUpdateResponse;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetDataRequest;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetDataResponse;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetRequest;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.stub.StreamObserver;
import org.flyte.admin.service.execution.ExecutionDataService;
import org.flyte.admin.service.execution.ExecutionService;
import org.springframework.stereotype.Component;

/**
 * {@code flyteidl.service.AdminService}, its share of executions (Flyte's {@code
 * execution_manager.go}): create, relaunch, recover, terminate, archive, get, list and data.
 */
@Component
public class ExecutionGrpcService implements AdminServiceGrpc.AsyncService {

  private final ExecutionService executions;
  private final ExecutionDataService data;

  public ExecutionGrpcService(ExecutionService executions, ExecutionDataService data) {
    this.executions = executions;
    this.data = data;
  }

  @Override
  public void createExecution(
      ExecutionCreateRequest request, StreamObserver<ExecutionCreateResponse> responseObserver) {
    reply(responseObserver, executions.create(request));
  }

  @Override
  public void relaunchExecution(
      ExecutionRelaunchRequest request, StreamObserver<ExecutionCreateResponse> responseObserver) {
    reply(responseObserver, executions.relaunch(request));
  }

  @Override
  public void recoverExecution(
      ExecutionRecoverRequest request, StreamObserver<ExecutionCreateResponse> responseObserver) {
    reply(responseObserver, executions.recover(request));
  }

  @Override
  public void terminateExecution(
      ExecutionTerminateRequest request,
      StreamObserver<ExecutionTerminateResponse> responseObserver) {
    reply(responseObserver, executions.terminate(request));
  }

  @Override
  public void updateExecution(
      ExecutionUpdateRequest request, StreamObserver<ExecutionUpdateResponse> responseObserver) {
    reply(responseObserver, executions.update(request));
  }

  @Override
  public void getExecution(
      WorkflowExecutionGetRequest request, StreamObserver<Execution> responseObserver) {
    reply(responseObserver, executions.get(request));
  }

  @Override
  public void listExecutions(
      ResourceListRequest request, StreamObserver<ExecutionList> responseObserver) {
    reply(responseObserver, executions.list(request));
  }

  @Override
  public void getExecutionData(
      WorkflowExecutionGetDataRequest request,
      StreamObserver<WorkflowExecutionGetDataResponse> responseObserver) {
    reply(responseObserver, data.getData(request));
  }
}

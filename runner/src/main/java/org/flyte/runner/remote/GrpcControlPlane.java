package org.flyte.runner.remote;

import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionTerminateRequest;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetDataRequest;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.SignalOuterClass.SignalGetOrCreateRequest;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.SignalIdentifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Types.LiteralType;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.SignalServiceGrpc;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** {@link ControlPlane} over FlyteAdmin's gRPC {@code AdminService} and {@code SignalService}. */
public final class GrpcControlPlane implements ControlPlane {

  private final AdminServiceGrpc.AdminServiceBlockingStub admin;
  private final SignalServiceGrpc.SignalServiceBlockingStub signals;

  public GrpcControlPlane(Channel channel) {
    this.admin = AdminServiceGrpc.newBlockingStub(channel);
    this.signals = SignalServiceGrpc.newBlockingStub(channel);
  }

  @Override
  public void createExecution(ExecutionCreateRequest request) {
    try {
      admin.withDeadlineAfter(30, TimeUnit.SECONDS).createExecution(request);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    }
  }

  @Override
  public Optional<Execution> getExecution(WorkflowExecutionIdentifier id) {
    try {
      return Optional.of(
          admin
              .withDeadlineAfter(30, TimeUnit.SECONDS)
              .getExecution(WorkflowExecutionGetRequest.newBuilder().setId(id).build()));
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public LiteralMap executionOutputs(WorkflowExecutionIdentifier id) {
    return admin
        .withDeadlineAfter(30, TimeUnit.SECONDS)
        .getExecutionData(WorkflowExecutionGetDataRequest.newBuilder().setId(id).build())
        .getFullOutputs();
  }

  @Override
  public void terminateExecution(WorkflowExecutionIdentifier id, String cause) {
    try {
      admin
          .withDeadlineAfter(30, TimeUnit.SECONDS)
          .terminateExecution(
              ExecutionTerminateRequest.newBuilder().setId(id).setCause(cause).build());
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      if (code != Status.Code.NOT_FOUND && code != Status.Code.FAILED_PRECONDITION) {
        throw e;
      }
    }
  }

  @Override
  public Optional<LaunchPlan> launchPlan(Identifier id) {
    try {
      return Optional.of(
          admin
              .withDeadlineAfter(30, TimeUnit.SECONDS)
              .getLaunchPlan(ObjectGetRequest.newBuilder().setId(id).build()));
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public Optional<Literal> signal(SignalIdentifier id, LiteralType type) {
    var signal =
        signals
            .withDeadlineAfter(30, TimeUnit.SECONDS)
            .getOrCreateSignal(
                SignalGetOrCreateRequest.newBuilder().setId(id).setType(type).build());
    return signal.hasValue() ? Optional.of(signal.getValue()) : Optional.empty();
  }
}

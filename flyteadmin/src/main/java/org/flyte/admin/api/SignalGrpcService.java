package org.flyte.admin.api;

import static org.flyte.common.grpc.UnaryReplies.reply;

import flyteidl.admin.SignalOuterClass.Signal;
import flyteidl.admin.SignalOuterClass.SignalGetOrCreateRequest;
import flyteidl.admin.SignalOuterClass.SignalList;
import flyteidl.admin.SignalOuterClass.SignalListRequest;
import flyteidl.admin.SignalOuterClass.SignalSetRequest;
import flyteidl.admin.SignalOuterClass.SignalSetResponse;
import flyteidl.service.SignalServiceGrpc;
import io.grpc.stub.StreamObserver;
import org.flyte.admin.service.signal.SignalService;
import org.springframework.stereotype.Component;

/** {@code flyteidl.service.SignalService} (Flyte's {@code signal_manager.go}). */
@Component
public class SignalGrpcService extends SignalServiceGrpc.SignalServiceImplBase {

  private final SignalService signals;

  public SignalGrpcService(SignalService signals) {
    this.signals = signals;
  }

  @Override
  public void getOrCreateSignal(
      SignalGetOrCreateRequest request, StreamObserver<Signal> responseObserver) {
    reply(responseObserver, signals.getOrCreate(request));
  }

  @Override
  public void listSignals(SignalListRequest request, StreamObserver<SignalList> responseObserver) {
    reply(responseObserver, signals.list(request));
  }

  @Override
  public void setSignal(
      SignalSetRequest request, StreamObserver<SignalSetResponse> responseObserver) {
    reply(responseObserver, signals.set(request));
  }
}

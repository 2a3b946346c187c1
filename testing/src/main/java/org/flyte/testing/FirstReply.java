package org.flyte.testing;

import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;

/** A gRPC response observer that completes a future with the first reply, or the error. */
public final class FirstReply<T> implements StreamObserver<T> {

  private final CompletableFuture<T> reply = new CompletableFuture<>();

  /** The first reply, or the call's error. */
  public CompletableFuture<T> future() {
    return reply;
  }

  @Override
  public void onNext(T value) {
    reply.complete(value);
  }

  @Override
  public void onError(Throwable t) {
    reply.completeExceptionally(t);
  }

  @Override
  public void onCompleted() {}
}

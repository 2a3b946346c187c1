package org.flyte.common.grpc;

import io.grpc.stub.StreamObserver;

/**
 * The one way a unary gRPC method answers: the response, then completion. Errors are not handled
 * here: a service throws {@code FlyteException} and the interceptor chain maps it.
 */
public final class UnaryReplies {

  private UnaryReplies() {}

  /** Sends {@code response} and completes the call. */
  public static <T> void reply(StreamObserver<T> observer, T response) {
    observer.onNext(response);
    observer.onCompleted();
  }
}

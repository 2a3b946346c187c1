package org.flyte.common.grpc;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every way a handler can fail to the status its caller receives, through {@link
 * StatusMapper}: exceptions thrown from the handler (recovered instead of tearing down the call),
 * and statuses it closes the call with (a handler that passes a {@code FlyteException} to {@code
 * onError}). Unexpected failures are logged with their stack trace and answered as INTERNAL.
 */
public final class StatusMappingInterceptor implements ServerInterceptor {

  private static final Logger log = LoggerFactory.getLogger(StatusMappingInterceptor.class);

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    MappingCall<ReqT, RespT> mapping = new MappingCall<>(call);
    ServerCall.Listener<ReqT> listener;
    try {
      listener = next.startCall(mapping, headers);
    } catch (RuntimeException | Error e) {
      mapping.fail(e);
      return new ServerCall.Listener<>() {};
    }
    return new SimpleForwardingServerCallListener<>(listener) {
      @Override
      public void onMessage(ReqT message) {
        guard(() -> super.onMessage(message));
      }

      @Override
      public void onHalfClose() {
        guard(super::onHalfClose);
      }

      @Override
      public void onReady() {
        guard(super::onReady);
      }

      @Override
      public void onCancel() {
        try {
          super.onCancel();
        } catch (RuntimeException e) {
          log.warn("Handler failed while its call was being cancelled", e);
        }
      }

      @Override
      public void onComplete() {
        try {
          super.onComplete();
        } catch (RuntimeException e) {
          log.warn("Handler failed after its call completed", e);
        }
      }

      private void guard(Runnable callback) {
        try {
          callback.run();
        } catch (RuntimeException | Error e) {
          mapping.fail(e);
        }
      }
    };
  }

  private static final class MappingCall<ReqT, RespT>
      extends SimpleForwardingServerCall<ReqT, RespT> {

    private final AtomicBoolean closed = new AtomicBoolean();

    MappingCall(ServerCall<ReqT, RespT> delegate) {
      super(delegate);
    }

    @Override
    public void close(Status status, Metadata trailers) {
      closeMapped(StatusMapper.fromClose(status, trailers));
    }

    void fail(Throwable error) {
      if (closed.get()) {
        log.warn("Handler failed after its call was closed", error);
        return;
      }
      closeMapped(StatusMapper.fromThrowable(error));
    }

    private void closeMapped(StatusMapper.MappedStatus mapped) {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      logIfUnexpected(mapped.status());
      super.close(mapped.status(), mapped.trailers());
    }

    private void logIfUnexpected(Status status) {
      if (status.getCode() == Status.Code.INTERNAL || status.getCode() == Status.Code.UNKNOWN) {
        log.error(
            "{} failed: {}",
            getMethodDescriptor().getFullMethodName(),
            status.getDescription(),
            status.getCause());
      }
    }
  }
}

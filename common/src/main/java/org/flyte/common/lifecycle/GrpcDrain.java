package org.flyte.common.lifecycle;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.grpc.server.lifecycle.GrpcServerShutdownEvent;

/**
 * How a gRPC server of the app drains when the app stops. Spring gRPC stops accepting calls ({@code
 * shutdown()}) and then waits up to its grace period for the calls in flight; a call that never
 * ends by itself, such as a health {@code Watch} stream that a client keeps open, held every stop
 * for the whole grace period (30 s). Here the calls that end by themselves (unary and
 * client-streaming: every Flyte RPC, and every REST call through the gateway) are counted; once
 * none is in flight the remaining streams are cancelled ({@code shutdownNow()}), so a stop takes as
 * long as its slowest request.
 *
 * <p>Like Flyte's {@code GracefulStop} (flyteadmin/pkg/server/service.go, v1.16.8) a request in
 * flight completes; unlike it, an open stream does not delay the stop.
 */
public final class GrpcDrain
    implements ServerInterceptor, ApplicationListener<GrpcServerShutdownEvent> {

  /** Outermost of the server interceptors: it sees every call, whatever the others do. */
  public static final int ORDER = 0;

  private static final Logger log = LoggerFactory.getLogger(GrpcDrain.class);
  private static final Duration POLL = Duration.ofMillis(20);

  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger streams = new AtomicInteger();

  /** Calls in flight that end by themselves (unary or client-streaming). */
  public int requestsInFlight() {
    return requests.get();
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    AtomicInteger counter =
        call.getMethodDescriptor().getType().serverSendsOneMessage() ? requests : streams;
    counter.incrementAndGet();
    AtomicBoolean ended = new AtomicBoolean();
    Runnable end =
        () -> {
          if (ended.compareAndSet(false, true)) {
            counter.decrementAndGet();
          }
        };
    ServerCall<Q, R> counted =
        new SimpleForwardingServerCall<>(call) {
          @Override
          public void close(Status status, Metadata trailers) {
            try {
              super.close(status, trailers);
            } finally {
              end.run();
            }
          }
        };
    ServerCall.Listener<Q> listener;
    try {
      listener = next.startCall(counted, headers);
    } catch (RuntimeException e) {
      end.run();
      throw e;
    }
    return new SimpleForwardingServerCallListener<>(listener) {
      @Override
      public void onCancel() {
        try {
          super.onCancel();
        } finally {
          end.run();
        }
      }

      @Override
      public void onComplete() {
        try {
          super.onComplete();
        } finally {
          end.run();
        }
      }
    };
  }

  /**
   * Published just before Spring gRPC calls {@code shutdown()} and waits: watches, on a thread of
   * its own, for the requests in flight to end, then cancels what is left.
   */
  @Override
  public void onApplicationEvent(GrpcServerShutdownEvent event) {
    Server server = event.getServer();
    Thread watcher = new Thread(() -> drain(server), "grpc-drain");
    watcher.setDaemon(true);
    watcher.start();
  }

  private void drain(Server server) {
    try {
      while (!server.isShutdown() || requests.get() > 0) {
        if (server.isTerminated()) {
          return;
        }
        Thread.sleep(POLL.toMillis());
      }
      if (!server.isTerminated()) {
        int open = streams.get();
        if (open > 0) {
          log.info("Requests drained; cancelling {} open gRPC stream(s)", open);
        }
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package org.flyte.common.lifecycle;

import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerStreamTracer;
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
 * for the whole grace period (30 s). Here every call is counted from the moment its stream reaches
 * the transport (a stream tracer, before any executor or interceptor) until it closes, except those
 * that turn out to be server- or bidi-streaming; once the server accepts no more and no such
 * request has been in flight for {@link #QUIET}, the remaining streams are cancelled ({@code
 * shutdownNow()}). A stop then takes as long as its slowest request.
 *
 * <p>Like Flyte's {@code GracefulStop} (flyteadmin/pkg/server/service.go, v1.16.8) a request in
 * flight completes; unlike it, an open stream does not delay the stop.
 */
public final class GrpcDrain extends ServerStreamTracer.Factory
    implements ApplicationListener<GrpcServerShutdownEvent> {

  private static final Logger log = LoggerFactory.getLogger(GrpcDrain.class);
  private static final Duration POLL = Duration.ofMillis(20);

  /**
   * How long no request may have been in flight before the open streams are cancelled: covers a
   * request that a client sent before it read the server's GOAWAY.
   */
  static final Duration QUIET = Duration.ofMillis(200);

  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger streams = new AtomicInteger();

  /** Calls in flight that end by themselves (unary or client-streaming, or not yet known). */
  public int requestsInFlight() {
    return requests.get();
  }

  @Override
  public ServerStreamTracer newServerStreamTracer(String fullMethodName, Metadata headers) {
    requests.incrementAndGet();
    return new ServerStreamTracer() {
      private final AtomicBoolean request = new AtomicBoolean(true);
      private final AtomicBoolean closed = new AtomicBoolean();

      @Override
      public void serverCallStarted(ServerCallInfo<?, ?> callInfo) {
        if (!callInfo.getMethodDescriptor().getType().serverSendsOneMessage()
            && request.compareAndSet(true, false)) {
          requests.decrementAndGet();
          streams.incrementAndGet();
        }
      }

      @Override
      public void streamClosed(Status status) {
        if (closed.compareAndSet(false, true)) {
          (request.get() ? requests : streams).decrementAndGet();
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
      long quietSince = -1;
      while (!server.isTerminated()) {
        if (!server.isShutdown() || requests.get() > 0) {
          quietSince = -1;
        } else if (quietSince < 0) {
          quietSince = System.nanoTime();
        } else if (System.nanoTime() - quietSince >= QUIET.toNanos()) {
          int open = streams.get();
          if (open > 0) {
            log.info("Requests drained; cancelling {} open gRPC stream(s)", open);
          }
          server.shutdownNow();
          return;
        }
        Thread.sleep(POLL.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

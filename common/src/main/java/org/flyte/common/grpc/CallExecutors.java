package org.flyte.common.grpc;

import io.grpc.Metadata;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallExecutorSupplier;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Where a server call runs. grpc-java hands every call from the transport's thread (a Netty event
 * loop, or the caller's thread in-process) to its executor, and back for the reply: two thread
 * wake-ups per call, which is most of the cost of a call that does nothing but answer. Calls of the
 * {@code cheap} methods (answered from memory, never blocking: the health check, GetVersion)
 * therefore run on the transport's thread, as Go's server runs a call on its stream's goroutine;
 * every other call runs on a cached pool as with grpc-java's default executor (handlers there may
 * block on the database or on other services).
 *
 * <p>grpc-java starts a call (its interceptors' {@code interceptCall}) on the server's executor
 * before it asks {@link ServerCallExecutorSupplier} where the rest of the call runs; the server's
 * executor is therefore direct, and the interceptors' start of every call runs on the transport's
 * thread. Ours do not block there (request id, metrics, status mapping); authentication may (it can
 * fetch the authorization server's keys), so an app that authenticates keeps grpc-java's default
 * executor ({@link GrpcAutoConfiguration}). See docs/adr/0036-per-call-floor.md.
 */
public final class CallExecutors implements ServerCallExecutorSupplier, AutoCloseable {

  /** The methods answered on the transport's thread unless an app says otherwise. */
  public static final Set<String> CHEAP_METHODS =
      Set.of("grpc.health.v1.Health/Check", "flyteidl.service.AdminService/GetVersion");

  private final Set<String> cheap;
  private final ExecutorService pool;

  public CallExecutors(Set<String> cheapMethods) {
    this.cheap = Set.copyOf(cheapMethods);
    this.pool = Executors.newCachedThreadPool(new CallThreads());
  }

  /** Makes the server start calls on the transport's thread and run them where this says. */
  public <T extends ServerBuilder<T>> void applyTo(ServerBuilder<T> builder) {
    builder.directExecutor().callExecutor(this);
  }

  /** {@code null} (stay on the transport's thread) for a cheap method, else the pool. */
  @Override
  public <ReqT, RespT> @Nullable ExecutorService getExecutor(
      ServerCall<ReqT, RespT> call, Metadata headers) {
    return cheap.contains(call.getMethodDescriptor().getFullMethodName()) ? null : pool;
  }

  @Override
  public void close() {
    pool.shutdown();
  }

  private static final class CallThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "grpc-call-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}

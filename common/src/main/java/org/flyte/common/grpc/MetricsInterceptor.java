package org.flyte.common.grpc;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Counts and times every call with the names and labels of go-grpc-prometheus, which Flyte's
 * servers and dashboards use: {@code grpc_server_started_total}, {@code
 * grpc_server_handled_total{grpc_code}}, {@code grpc_server_msg_received_total}, {@code
 * grpc_server_msg_sent_total} and the latency histogram {@code grpc_server_handling_seconds}
 * (Prometheus' default buckets), each labelled {@code grpc_type}, {@code grpc_service} and {@code
 * grpc_method}. Codes are spelled as Go spells them ({@code OK}, {@code NotFound}, {@code
 * Unimplemented}, ...). See docs/adr/0003-metric-names.md.
 */
public final class MetricsInterceptor implements ServerInterceptor {

  private static final Duration[] BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private final MeterRegistry registry;
  private final Map<String, MethodMeters> meters = new ConcurrentHashMap<>();

  public MetricsInterceptor(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    MethodDescriptor<ReqT, RespT> descriptor = call.getMethodDescriptor();
    MethodMeters method = meters.get(descriptor.getFullMethodName());
    if (method == null) {
      method =
          meters.computeIfAbsent(
              descriptor.getFullMethodName(), name -> new MethodMeters(registry, descriptor));
    }
    MethodMeters counted = method;
    counted.started.increment();
    long start = System.nanoTime();
    ServerCall<ReqT, RespT> measured =
        new SimpleForwardingServerCall<>(call) {
          @Override
          public void sendMessage(RespT message) {
            counted.sent.increment();
            super.sendMessage(message);
          }

          @Override
          public void close(Status status, Metadata trailers) {
            counted.handling.record(
                System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            counted.handled(status.getCode()).increment();
            super.close(status, trailers);
          }
        };
    return new SimpleForwardingServerCallListener<>(next.startCall(measured, headers)) {
      @Override
      public void onMessage(ReqT message) {
        counted.received.increment();
        super.onMessage(message);
      }
    };
  }

  /** Go's spelling of a gRPC code, as go-grpc-prometheus labels it. */
  static String goCodeName(Status.Code code) {
    return switch (code) {
      case OK -> "OK";
      case CANCELLED -> "Canceled";
      case UNKNOWN -> "Unknown";
      case INVALID_ARGUMENT -> "InvalidArgument";
      case DEADLINE_EXCEEDED -> "DeadlineExceeded";
      case NOT_FOUND -> "NotFound";
      case ALREADY_EXISTS -> "AlreadyExists";
      case PERMISSION_DENIED -> "PermissionDenied";
      case RESOURCE_EXHAUSTED -> "ResourceExhausted";
      case FAILED_PRECONDITION -> "FailedPrecondition";
      case ABORTED -> "Aborted";
      case OUT_OF_RANGE -> "OutOfRange";
      case UNIMPLEMENTED -> "Unimplemented";
      case INTERNAL -> "Internal";
      case UNAVAILABLE -> "Unavailable";
      case DATA_LOSS -> "DataLoss";
      case UNAUTHENTICATED -> "Unauthenticated";
    };
  }

  private static String grpcType(MethodDescriptor.MethodType type) {
    return switch (type) {
      case UNARY -> "unary";
      case CLIENT_STREAMING -> "client_stream";
      case SERVER_STREAMING -> "server_stream";
      case BIDI_STREAMING -> "bidi_stream";
      case UNKNOWN -> "unknown";
    };
  }

  private static final class MethodMeters {
    final Counter started;
    final Counter received;
    final Counter sent;
    final Timer handling;
    private final AtomicReferenceArray<Counter> handled =
        new AtomicReferenceArray<>(Status.Code.values().length);
    private final MeterRegistry registry;
    private final Tags tags;

    MethodMeters(MeterRegistry registry, MethodDescriptor<?, ?> method) {
      this.registry = registry;
      this.tags =
          Tags.of(
              "grpc_type", grpcType(method.getType()),
              "grpc_service", String.valueOf(method.getServiceName()),
              "grpc_method", String.valueOf(method.getBareMethodName()));
      this.started =
          Counter.builder("grpc.server.started")
              .description("Total number of RPCs started on the server.")
              .tags(tags)
              .register(registry);
      this.received =
          Counter.builder("grpc.server.msg.received")
              .description("Total number of RPC stream messages received on the server.")
              .tags(tags)
              .register(registry);
      this.sent =
          Counter.builder("grpc.server.msg.sent")
              .description("Total number of gRPC stream messages sent by the server.")
              .tags(tags)
              .register(registry);
      this.handling =
          Timer.builder("grpc.server.handling")
              .description("Histogram of response latency of gRPC handled by the server.")
              .tags(tags)
              .serviceLevelObjectives(BUCKETS)
              .register(registry);
    }

    /**
     * The counter of a code, without a lock on the call's path: registering the same name and tags
     * twice gives the same counter, so two calls racing to create it count into one.
     */
    Counter handled(Status.Code code) {
      Counter counter = handled.get(code.ordinal());
      if (counter == null) {
        counter =
            Counter.builder("grpc.server.handled")
                .description(
                    "Total number of RPCs completed on the server, regardless of success or failure.")
                .tags(tags.and("grpc_code", goCodeName(code)))
                .register(registry);
        handled.set(code.ordinal(), counter);
      }
      return counter;
    }
  }
}

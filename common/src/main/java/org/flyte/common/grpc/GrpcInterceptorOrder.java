package org.flyte.common.grpc;

/**
 * The order of the server interceptor chain, outermost first. Every gRPC call, and every REST call
 * (the gateway dispatches in-process to the same server), passes through them in this order.
 *
 * <ol>
 *   <li>{@link RequestIdInterceptor}: every later step and every log line sees the request id.
 *   <li>{@link MetricsInterceptor}: counts and times the call with the status that the caller
 *       finally receives.
 *   <li>{@link StatusMappingInterceptor}: turns domain exceptions into statuses, recovers
 *       unexpected ones as INTERNAL and truncates oversized messages.
 *   <li>Authentication, when configured: a later stage plugs in a {@code ServerInterceptor} bean
 *       with order {@link #AUTHENTICATION}; its failures are mapped and counted like any other.
 * </ol>
 */
public final class GrpcInterceptorOrder {

  public static final int REQUEST_ID = 1000;
  public static final int METRICS = 2000;
  public static final int STATUS_MAPPING = 3000;
  public static final int AUTHENTICATION = 4000;

  private GrpcInterceptorOrder() {}
}

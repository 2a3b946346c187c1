package org.flyte.admin.api.auth;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import org.jspecify.annotations.Nullable;

/**
 * The host a call was addressed to, for the handlers of the auth services: the {@code
 * x-forwarded-host} metadata (set by the REST gateway from {@code Host}, or by a proxy), else the
 * call's {@code :authority}. Flyte reads the same two ({@code flyteadmin/auth/handler_utils.go
 * URLFromContext}, v1.16.8).
 */
public final class RequestHost implements ServerInterceptor {

  static final Metadata.Key<String> FORWARDED_HOST =
      Metadata.Key.of("x-forwarded-host", Metadata.ASCII_STRING_MARSHALLER);
  private static final Context.Key<String> HOST = Context.key("flyte-request-host");

  /** The host of the call being handled, or {@code null}. */
  public static @Nullable String current() {
    return HOST.get();
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    String host = headers.get(FORWARDED_HOST);
    if (host == null || host.isEmpty()) {
      host = call.getAuthority();
    }
    return Contexts.interceptCall(Context.current().withValue(HOST, host), call, headers, next);
  }
}

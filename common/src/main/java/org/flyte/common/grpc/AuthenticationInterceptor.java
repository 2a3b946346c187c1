package org.flyte.common.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.inprocess.InProcessSocketAddress;
import java.util.Set;
import org.flyte.common.auth.AuthenticationFailure;
import org.flyte.common.auth.AuthenticationFailure.Reason;
import org.flyte.common.auth.CallerIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authentication step of the interceptor chain ({@link GrpcInterceptorOrder#AUTHENTICATION}),
 * registered only when an app turns authentication on, so that calls pay nothing for it otherwise.
 *
 * <p>For every call except those of the exempt services (health, reflection, and whatever the app
 * adds, e.g. FlyteAdmin's {@code AuthMetadataService}): the {@link CallAuthenticator} turns the
 * metadata into a {@link CallerIdentity}, which handlers read with {@link
 * CallerIdentity#current()}; an identity without the scope {@code all} is refused (Flyte's blanket
 * authorization). A call without credentials, or with refused ones, fails with {@code
 * UNAUTHENTICATED} and a message that names the failed check (HTTP 401 over REST), unless
 * enforcement is off for its transport ({@code auth.disableForHttp}, {@code auth.disableForGrpc});
 * then it proceeds anonymously.
 *
 * <p>A call came through the REST gateway when it arrived on the in-process transport: that is
 * derived from the transport, not from caller-supplied metadata such as Flyte's {@code from_http},
 * so a native gRPC client cannot claim to be the gateway.
 *
 * <p>Follows {@code flyteadmin/auth/handlers.go GetAuthenticationInterceptor} and {@code
 * flyteadmin/auth/interceptor.go BlanketAuthorization} (v1.16.8).
 */
public final class AuthenticationInterceptor implements ServerInterceptor {

  private static final Logger log = LoggerFactory.getLogger(AuthenticationInterceptor.class);

  /** Services no app authenticates: probes and tooling need them without credentials. */
  public static final Set<String> ALWAYS_EXEMPT =
      Set.of(
          "grpc.health.v1.Health",
          "grpc.reflection.v1.ServerReflection",
          "grpc.reflection.v1alpha.ServerReflection");

  private final CallAuthenticator authenticator;
  private final Set<String> exemptServices;
  private final boolean enforceHttp;
  private final boolean enforceGrpc;

  /**
   * @param exemptServices fully qualified service names answered without authentication, in
   *     addition to {@link #ALWAYS_EXEMPT}
   * @param enforceHttp whether calls through the REST gateway must authenticate
   * @param enforceGrpc whether native gRPC calls must authenticate
   */
  public AuthenticationInterceptor(
      CallAuthenticator authenticator,
      Set<String> exemptServices,
      boolean enforceHttp,
      boolean enforceGrpc) {
    this.authenticator = authenticator;
    this.exemptServices =
        Set.copyOf(
            java.util.stream.Stream.concat(ALWAYS_EXEMPT.stream(), exemptServices.stream())
                .toList());
    this.enforceHttp = enforceHttp;
    this.enforceGrpc = enforceGrpc;
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    String service = call.getMethodDescriptor().getServiceName();
    if (service != null && exemptServices.contains(service)) {
      return next.startCall(call, headers);
    }
    boolean fromHttp =
        call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR) instanceof InProcessSocketAddress;
    AuthenticationFailure failure;
    try {
      CallerIdentity identity = authenticator.authenticate(headers, call.getAuthority());
      if (identity != null) {
        if (!identity.hasScope(CallerIdentity.SCOPE_ALL)) {
          return refuse(
              call,
              new AuthenticationFailure(
                  Reason.MISSING_SCOPE,
                  "authenticated user doesn't have required scope "
                      + CallerIdentity.SCOPE_ALL
                      + " (granted: "
                      + identity.scopes()
                      + ")"));
        }
        Context context = identity.attach(Context.current());
        return Contexts.interceptCall(context, call, headers, next);
      }
      failure =
          new AuthenticationFailure(
              Reason.NO_TOKEN,
              "send an access token as 'authorization: Bearer <token>' or in the"
                  + " configured authorization header");
    } catch (AuthenticationFailure e) {
      failure = e;
    }
    if (fromHttp ? !enforceHttp : !enforceGrpc) {
      return next.startCall(call, headers); // enforcement is off for this transport
    }
    return refuse(call, failure);
  }

  private static <ReqT, RespT> ServerCall.Listener<ReqT> refuse(
      ServerCall<ReqT, RespT> call, AuthenticationFailure failure) {
    log.warn(
        "Refused {} (request id {}): {}",
        call.getMethodDescriptor().getFullMethodName(),
        RequestIdInterceptor.current(),
        failure.getMessage());
    call.close(Status.UNAUTHENTICATED.withDescription(failure.getMessage()), new Metadata());
    return new ServerCall.Listener<>() {};
  }
}

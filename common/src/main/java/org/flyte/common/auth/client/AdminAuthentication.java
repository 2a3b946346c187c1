package org.flyte.common.auth.client;

import flyteidl.service.Auth.OAuth2MetadataRequest;
import flyteidl.service.Auth.OAuth2MetadataResponse;
import flyteidl.service.Auth.PublicClientAuthConfigRequest;
import flyteidl.service.Auth.PublicClientAuthConfigResponse;
import flyteidl.service.AuthMetadataServiceGrpc;
import io.grpc.CallCredentials;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a channel to FlyteAdmin authenticate with OAuth2 client credentials when, and only when,
 * FlyteAdmin requires it. Use {@link #authenticate(Channel, AdminAuthProperties)} where the channel
 * is built; every stub on the returned channel is then covered.
 *
 * <p>Like Flyte's Go admin client ({@code flyteidl/clients/go/admin/auth_interceptor.go}, v1.16.8),
 * it needs no switch: the first call asks FlyteAdmin's {@code AuthMetadataService} whether auth is
 * on (UNIMPLEMENTED means off, as FlyteAdmin registers that service only with auth on) and where
 * its token endpoint, scopes, audience and metadata key are; from then on every call carries {@code
 * <authorization_metadata_key>: Bearer <token>}. An UNAUTHENTICATED answer forgets the token and
 * the discovery, so the next call starts afresh. The {@code admin.*} settings win over what
 * FlyteAdmin publishes.
 */
public final class AdminAuthentication implements ClientInterceptor {

  private static final Logger log = LoggerFactory.getLogger(AdminAuthentication.class);

  /** What FlyteAdmin told us: {@code null} fields mean auth is off. */
  private record Discovery(
      boolean authOn, ClientCredentialsTokens.@Nullable Request request, String header) {}

  private final Channel admin;
  private final AdminAuthProperties properties;
  private final Function<String, String> environment;
  private final ClientCredentialsTokens tokens;
  private final CallCredentials credentials = new TokenCredentials();
  private volatile @Nullable Discovery discovery;

  AdminAuthentication(
      Channel admin,
      AdminAuthProperties properties,
      Function<String, String> environment,
      ClientCredentialsTokens tokens) {
    this.admin = admin;
    this.properties = properties;
    this.environment = environment;
    this.tokens = tokens;
  }

  /**
   * {@code channel} with client-credentials authentication toward FlyteAdmin.
   *
   * @throws IllegalStateException when {@code admin.authType} is not {@code ClientSecret}
   */
  public static Channel authenticate(Channel channel, AdminAuthProperties properties) {
    properties.requireSupported();
    ClientCredentialsTokens tokens =
        new ClientCredentialsTokens(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
            Clock.systemUTC(),
            properties.maxRetries(),
            properties.perRetryTimeout());
    return ClientInterceptors.intercept(
        channel, new AdminAuthentication(channel, properties, System::getenv, tokens));
  }

  @Override
  public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(
      MethodDescriptor<ReqT, RespT> method, CallOptions callOptions, Channel next) {
    if (AuthMetadataServiceGrpc.SERVICE_NAME.equals(method.getServiceName())) {
      return next.newCall(method, callOptions); // anonymous by design
    }
    ClientCall<ReqT, RespT> call =
        next.newCall(method, callOptions.withCallCredentials(credentials));
    return new SimpleForwardingClientCall<>(call) {
      @Override
      public void start(Listener<RespT> responseListener, Metadata headers) {
        super.start(
            new SimpleForwardingClientCallListener<>(responseListener) {
              @Override
              public void onClose(Status status, Metadata trailers) {
                if (status.getCode() == Status.Code.UNAUTHENTICATED) {
                  discovery = null;
                  tokens.invalidate();
                }
                super.onClose(status, trailers);
              }
            },
            headers);
      }
    };
  }

  private Discovery discover() {
    Discovery known = discovery;
    if (known != null) {
      return known;
    }
    AuthMetadataServiceGrpc.AuthMetadataServiceBlockingStub stub =
        AuthMetadataServiceGrpc.newBlockingStub(admin)
            .withDeadlineAfter(properties.perRetryTimeout().toMillis(), TimeUnit.MILLISECONDS);
    PublicClientAuthConfigResponse client;
    try {
      client = stub.getPublicClientConfig(PublicClientAuthConfigRequest.getDefaultInstance());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        known = new Discovery(false, null, "");
        discovery = known;
        return known;
      }
      throw e;
    }
    String tokenUrl = properties.tokenUrl();
    if (tokenUrl.isEmpty()) {
      OAuth2MetadataResponse metadata =
          stub.getOAuth2Metadata(OAuth2MetadataRequest.getDefaultInstance());
      tokenUrl = metadata.getTokenEndpoint();
    }
    List<String> scopes =
        properties.scopes().isEmpty() ? client.getScopesList() : properties.scopes();
    String audience =
        !properties.audience().isEmpty()
            ? properties.audience()
            : properties.useAudienceFromAdmin() ? client.getAudience() : "";
    String header =
        !properties.authorizationHeader().isEmpty()
            ? properties.authorizationHeader()
            : client.getAuthorizationMetadataKey().isEmpty()
                ? "authorization"
                : client.getAuthorizationMetadataKey();
    String secret = ClientCredentialsTokens.readSecret(properties, environment);
    known =
        new Discovery(
            true,
            new ClientCredentialsTokens.Request(
                tokenUrl, properties.clientId(), secret, scopes, audience),
            header);
    log.info(
        "FlyteAdmin requires authentication: using client credentials of {} at {}",
        properties.clientId(),
        tokenUrl);
    discovery = known;
    return known;
  }

  /** Adds the bearer token, discovering and requesting as needed, off the caller's thread. */
  private final class TokenCredentials extends CallCredentials {
    @Override
    public void applyRequestMetadata(
        RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
      appExecutor.execute(
          () -> {
            try {
              Discovery found = discover();
              Metadata headers = new Metadata();
              if (found.authOn() && found.request() != null) {
                headers.put(
                    Metadata.Key.of(found.header(), Metadata.ASCII_STRING_MARSHALLER),
                    "Bearer " + tokens.token(found.request()));
              }
              applier.apply(headers);
            } catch (StatusRuntimeException e) {
              applier.fail(e.getStatus());
            } catch (RuntimeException e) {
              applier.fail(Status.UNAUTHENTICATED.withDescription(e.getMessage()).withCause(e));
            }
          });
    }
  }
}

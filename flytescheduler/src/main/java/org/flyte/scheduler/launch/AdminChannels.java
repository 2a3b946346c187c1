package org.flyte.scheduler.launch;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.ClientCall;
import io.grpc.ConnectivityState;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.TlsChannelCredentials;
import java.util.concurrent.TimeUnit;
import org.flyte.common.auth.client.AdminAuthProperties;
import org.flyte.common.auth.client.AdminAuthentication;
import org.flyte.scheduler.config.AdminClientProperties;

/**
 * The one place that builds the scheduler's channel to FlyteAdmin from Flyte's {@code admin}
 * section: plaintext when {@code insecure}, else TLS; and, given the credential keys ({@code
 * admin.clientId}, {@code admin.clientSecretLocation}...), authenticated with OAuth2 client
 * credentials whenever FlyteAdmin turns out to require it ({@link AdminAuthentication}). Every call
 * of the channel carries the token then: the health checks of the start-up wait and of {@code
 * precheck} as well as CreateExecution, as with Flyte's scheduler, whose admin client set
 * authenticates all its clients ({@code flyteadmin/scheduler/start.go}, {@code
 * flyteidl/clients/go/admin/client.go}, v1.16.8).
 */
public final class AdminChannels {

  private AdminChannels() {}

  /**
   * A channel to FlyteAdmin.
   *
   * @param auth the credential keys, or null for a channel that never authenticates
   * @throws IllegalStateException when {@code admin.authType} is not {@code ClientSecret}
   */
  public static ManagedChannel open(AdminClientProperties admin, AdminAuthProperties auth) {
    ChannelCredentials transport =
        admin.insecure() ? InsecureChannelCredentials.create() : TlsChannelCredentials.create();
    ManagedChannel channel = Grpc.newChannelBuilder(admin.target(), transport).build();
    if (auth == null) {
      return channel;
    }
    try {
      return new Authenticated(channel, AdminAuthentication.authenticate(channel, auth));
    } catch (RuntimeException e) {
      channel.shutdownNow();
      throw e;
    }
  }

  /** Calls go through the authenticating channel; the life cycle is the transport's. */
  private static final class Authenticated extends ManagedChannel {
    private final ManagedChannel transport;
    private final Channel calls;

    Authenticated(ManagedChannel transport, Channel calls) {
      this.transport = transport;
      this.calls = calls;
    }

    @Override
    public <Q, R> ClientCall<Q, R> newCall(MethodDescriptor<Q, R> method, CallOptions options) {
      return calls.newCall(method, options);
    }

    @Override
    public String authority() {
      return transport.authority();
    }

    @Override
    public ManagedChannel shutdown() {
      transport.shutdown();
      return this;
    }

    @Override
    public boolean isShutdown() {
      return transport.isShutdown();
    }

    @Override
    public boolean isTerminated() {
      return transport.isTerminated();
    }

    @Override
    public ManagedChannel shutdownNow() {
      transport.shutdownNow();
      return this;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
      return transport.awaitTermination(timeout, unit);
    }

    @Override
    public ConnectivityState getState(boolean requestConnection) {
      return transport.getState(requestConnection);
    }

    @Override
    public void notifyWhenStateChanged(ConnectivityState source, Runnable callback) {
      transport.notifyWhenStateChanged(source, callback);
    }

    @Override
    public void resetConnectBackoff() {
      transport.resetConnectBackoff();
    }

    @Override
    public void enterIdle() {
      transport.enterIdle();
    }
  }
}

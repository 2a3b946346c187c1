package org.flyte.scheduler.launch;

import io.grpc.CallCredentials;
import io.grpc.ChannelCredentials;
import io.grpc.CompositeChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import org.flyte.scheduler.config.AdminClientProperties;

/**
 * The one place that builds the scheduler's channel to FlyteAdmin from Flyte's {@code admin}
 * section: plaintext when {@code insecure}, else TLS; with call credentials when the application
 * provides a {@link CallCredentials} bean (how client-credentials authentication plugs in: every
 * call of the channel, health checks and CreateExecution alike, then carries its token).
 */
public final class AdminChannels {

  private AdminChannels() {}

  public static ManagedChannel open(AdminClientProperties admin, CallCredentials callCredentials) {
    ChannelCredentials transport =
        admin.insecure() ? InsecureChannelCredentials.create() : TlsChannelCredentials.create();
    ChannelCredentials credentials =
        callCredentials == null
            ? transport
            : CompositeChannelCredentials.create(transport, callCredentials);
    return Grpc.newChannelBuilder(admin.target(), credentials).build();
  }
}

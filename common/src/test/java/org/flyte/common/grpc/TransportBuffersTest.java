package org.flyte.common.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.netty.buffer.PooledByteBufAllocator;
import io.grpc.protobuf.services.HealthStatusManager;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A real network server's connections take their buffers from the one-arena pool. */
class TransportBuffersTest {

  @Test
  void networkServerConnectionsAllocateFromTheOneArenaPool() throws Exception {
    PooledByteBufAllocator allocator = TransportBuffers.newAllocator();
    assertThat(allocator.metric().numDirectArenas()).isEqualTo(1);
    assertThat(allocator.metric().numHeapArenas()).isEqualTo(1);
    assertThat(allocator.metric().chunkSize()).isEqualTo(2 * 1024 * 1024);

    ServerBuilder<?> builder = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create());
    TransportBuffers.applyTo(builder, allocator);
    Server server =
        builder.addService(new HealthStatusManager().getHealthService()).build().start();
    ManagedChannel channel =
        Grpc.newChannelBuilder("127.0.0.1:" + server.getPort(), InsecureChannelCredentials.create())
            .build();
    try {
      assertThat(
              HealthGrpc.newBlockingStub(channel)
                  .check(HealthCheckRequest.getDefaultInstance())
                  .getStatus())
          .isEqualTo(ServingStatus.SERVING);
      long used = allocator.metric().usedDirectMemory() + allocator.metric().usedHeapMemory();
      assertThat(used).as("the server's connection allocated from this pool").isPositive();
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void nettysOwnArenaPropertiesStillDecide() {
    String property = "io.grpc.netty.shaded.io.netty.allocator.numDirectArenas";
    System.setProperty(property, "3");
    try {
      // Netty read its default when its class was initialised; set or not, the count is Netty's.
      assertThat(TransportBuffers.newAllocator().metric().numDirectArenas())
          .isEqualTo(PooledByteBufAllocator.defaultNumDirectArena());
    } finally {
      System.clearProperty(property);
    }
    assertThat(TransportBuffers.newAllocator().metric().numDirectArenas()).isEqualTo(1);
  }

  @Test
  void inProcessServersAreLeftAlone() throws Exception {
    String name = "transport-buffers-" + System.nanoTime();
    PooledByteBufAllocator allocator = TransportBuffers.newAllocator();
    ServerBuilder<?> builder = InProcessServerBuilder.forName(name);
    TransportBuffers.applyTo(builder, allocator);
    Server server =
        builder.addService(new HealthStatusManager().getHealthService()).build().start();
    ManagedChannel channel = InProcessChannelBuilder.forName(name).build();
    try {
      assertThat(server.isShutdown()).isFalse();
      assertThat(
              HealthGrpc.newBlockingStub(channel)
                  .check(HealthCheckRequest.getDefaultInstance())
                  .getStatus())
          .isEqualTo(ServingStatus.SERVING);
      assertThat(allocator.metric().usedDirectMemory() + allocator.metric().usedHeapMemory())
          .as("an in-process call allocates no transport buffers")
          .isZero();
    } finally {
      channel.shutdownNow();
      server.shutdownNow();
    }
  }
}

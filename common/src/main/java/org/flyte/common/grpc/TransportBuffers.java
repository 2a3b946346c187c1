package org.flyte.common.grpc;

import io.grpc.ServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.buffer.PooledByteBufAllocator;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;

/**
 * The network gRPC server's connections take their buffers from one pooled arena.
 *
 * <p>grpc-java gives its Netty transport a pooled allocator with Netty's default arena count, two
 * per core, and 2 MiB chunks ({@code io.grpc.netty.Utils#createByteBufAllocator}, grpc-java 1.84):
 * each event-loop thread settles on its own arena, and every arena that has served a call keeps a
 * chunk of direct memory for the life of the process (on two cores, 8 MiB). One arena keeps one
 * chunk; each thread still allocates from its own cache first, so the arena's lock is only taken
 * when a cache misses. Page size, chunk size and cache sizes stay grpc-java's. A JVM started with
 * Netty's own {@code io.grpc.netty.shaded.io.netty.allocator.numDirectArenas} or {@code
 * numHeapArenas} property gets the counts it names.
 */
final class TransportBuffers {

  private static final String PROPERTY_PREFIX = "io.grpc.netty.shaded.io.netty.allocator.";

  /** grpc-java's chunk size: 8 KiB pages, order 8 (2 MiB). */
  private static final int MAX_ORDER = 8;

  private TransportBuffers() {}

  /** The allocator every network gRPC server of this JVM gives its connections. */
  private static final PooledByteBufAllocator ALLOCATOR = newAllocator();

  /** Gives a Netty server builder's connections the shared allocator; others are left alone. */
  static <T extends ServerBuilder<T>> void applyTo(ServerBuilder<T> builder) {
    applyTo(builder, ALLOCATOR);
  }

  static <T extends ServerBuilder<T>> void applyTo(
      ServerBuilder<T> builder, PooledByteBufAllocator allocator) {
    if (builder instanceof NettyServerBuilder netty) {
      netty.withChildOption(ChannelOption.ALLOCATOR, allocator);
    }
  }

  /** grpc-java's pooled allocator with one heap and one direct arena (or the counts set). */
  static PooledByteBufAllocator newAllocator() {
    return new PooledByteBufAllocator(
        PooledByteBufAllocator.defaultPreferDirect(),
        arenas("numHeapArenas", PooledByteBufAllocator.defaultNumHeapArena()),
        arenas("numDirectArenas", PooledByteBufAllocator.defaultNumDirectArena()),
        PooledByteBufAllocator.defaultPageSize(),
        Integer.getInteger(PROPERTY_PREFIX + "maxOrder", MAX_ORDER),
        PooledByteBufAllocator.defaultSmallCacheSize(),
        PooledByteBufAllocator.defaultNormalCacheSize(),
        PooledByteBufAllocator.defaultUseCacheForAllThreads());
  }

  /** One arena, unless the JVM was started with Netty's property for the count. */
  private static int arenas(String property, int nettyDefault) {
    return System.getProperty(PROPERTY_PREFIX + property) == null ? 1 : nettyDefault;
  }
}

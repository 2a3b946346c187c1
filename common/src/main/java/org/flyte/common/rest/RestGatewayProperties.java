package org.flyte.common.rest;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The REST gateway's own settings (ours: grpc-gateway reads any body whole), under {@code
 * flyte.server.rest}.
 *
 * @param maxBodySize the largest request body the gateway reads; a larger one is answered 413 with
 *     a {@code google.rpc.Status} body (RESOURCE_EXHAUSTED) before it is read. Unset (default): the
 *     gRPC server's largest message ({@code flyte.server.grpc.maxMessageSizeBytes}, DataCatalog's
 *     {@code flyte.application.grpcMaxRecvMsgSizeMBs}, else gRPC's 4 MiB), since the message a body
 *     decodes to may be no larger over gRPC
 */
@ConfigurationProperties(prefix = "flyte.server.rest")
public record RestGatewayProperties(@Nullable DataSize maxBodySize) {

  /** The property holding the gRPC server's largest inbound message. */
  static final String GRPC_MAX_MESSAGE_SIZE = "spring.grpc.server.inbound.message.max-size";

  /** gRPC's default largest message. */
  static final DataSize GRPC_DEFAULT_MAX_MESSAGE_SIZE = DataSize.ofMegabytes(4);
}

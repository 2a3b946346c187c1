package org.flyte.common.rest;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * An in-process gRPC server (unique name, direct executor) with a gateway in front of it, driven
 * through the servlet adapter with Spring's mock request and response.
 */
final class GatewayHarness implements AutoCloseable {

  private final Server server;
  private final ManagedChannel channel;
  private final RestGateway gateway;
  private final RestGatewayHandler handler;

  GatewayHarness(List<ServerServiceDefinition> services) {
    this(services, builder -> {});
  }

  /**
   * @param options adjusts the gateway builder (annotators, hooks) before it is built
   */
  GatewayHarness(List<ServerServiceDefinition> services, Consumer<RestGateway.Builder> options) {
    String name = InProcessServerBuilder.generateName();
    InProcessServerBuilder serverBuilder = InProcessServerBuilder.forName(name).directExecutor();
    services.forEach(serverBuilder::addService);
    try {
      server = serverBuilder.build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    RestGateway.Builder builder = RestGateway.builder(channel).serviceDefinitions(services);
    options.accept(builder);
    gateway = builder.build();
    handler = new RestGatewayHandler(gateway);
  }

  static GatewayHarness of(BindableService... services) {
    return new GatewayHarness(
        java.util.Arrays.stream(services).map(BindableService::bindService).toList());
  }

  RestGateway gateway() {
    return gateway;
  }

  /** A request to fill in; {@link #send} answers it. */
  static MockHttpServletRequest request(String method, String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    MockHttpServletRequest request =
        new MockHttpServletRequest(method, q < 0 ? pathAndQuery : pathAndQuery.substring(0, q));
    if (q >= 0) {
      request.setQueryString(pathAndQuery.substring(q + 1));
    }
    return request;
  }

  MockHttpServletResponse send(MockHttpServletRequest request) {
    MockHttpServletResponse response = new MockHttpServletResponse();
    try {
      handler.handleRequest(request, response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return response;
  }

  MockHttpServletResponse send(String method, String pathAndQuery) {
    return send(request(method, pathAndQuery));
  }

  /** The body of an answer as UTF-8 text. */
  static String body(MockHttpServletResponse response) {
    return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
  }

  /** The {@code google.rpc.Status} of an error answer, whatever its encoding. */
  static com.google.rpc.Status status(MockHttpServletResponse response) {
    try {
      if (ProtoMarshaler.CONTENT_TYPE.equals(response.getContentType())) {
        return com.google.rpc.Status.parseFrom(response.getContentAsByteArray());
      }
      com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder();
      JsonFormat.parser()
          .usingTypeRegistry(
              RestGateway.typeRegistry(
                  List.of(flyteidl.service.AdminServiceGrpc.getServiceDescriptor()), List.of()))
          .merge(new String(response.getContentAsByteArray(), StandardCharsets.UTF_8), status);
      return status.build();
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("not a Status body: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    channel.shutdownNow();
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

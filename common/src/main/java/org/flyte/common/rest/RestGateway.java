package org.flyte.common.rest;

import com.google.protobuf.Descriptors;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.ErrorDetailsProto;
import io.grpc.BindableService;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoFileDescriptorSupplier;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST gateway: transcodes an HTTP request into a unary gRPC call on an in-process {@link
 * Channel} and the answer (or the error) back into HTTP, as grpc-gateway v2's generated {@code
 * *.pb.gw.go} handlers and {@code runtime.ServeMux} do for FlyteAdmin.
 *
 * <p>Per request: pick the marshalers ({@link MarshalerRegistry}); route ({@link RouteTable}: 404
 * or 405 with a {@code google.rpc.Status} body otherwise); build the request message (body for
 * {@code body: "*"} routes, then path variables on top; otherwise path variables and query
 * parameters); forward headers as metadata ({@link ForwardedHeaders}); call; write the response
 * message, or the {@code google.rpc.Status} of the failure (details from {@code
 * grpc-status-details-bin}) with the HTTP status of {@link HttpStatuses}.
 *
 * <p>Thread-safe and immutable; build one with {@link #builder(Channel)}.
 */
public final class RestGateway {

  private static final Logger log = LoggerFactory.getLogger(RestGateway.class);

  private static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";
  private static final byte[] MARSHAL_ERROR_FALLBACK =
      "{\"code\": 13, \"message\": \"failed to marshal error message\"}"
          .getBytes(StandardCharsets.UTF_8);

  /** Adds metadata to the in-process call, like grpc-gateway's {@code runtime.WithMetadata}. */
  @FunctionalInterface
  public interface MetadataAnnotator {
    void annotate(RestRequest request, Metadata metadata);
  }

  /**
   * Adjusts the headers of a successful answer before it is written, like grpc-gateway's {@code
   * runtime.WithForwardResponseOption} (FlyteAdmin sets {@code X-User-Subject} for {@code /me}).
   */
  @FunctionalInterface
  public interface ResponseHook {
    void beforeWrite(Message response, Map<String, List<String>> headers);
  }

  private final RouteTable routes;
  private final Channel channel;
  private final MarshalerRegistry marshalers;
  private final List<MetadataAnnotator> annotators;
  private final List<ResponseHook> responseHooks;

  private RestGateway(Builder builder) {
    this.routes = RouteTable.of(builder.services);
    this.channel = builder.channel;
    this.marshalers =
        builder.marshalers != null
            ? builder.marshalers
            : MarshalerRegistry.flyteAdmin(typeRegistry(builder.services, builder.extraTypes));
    this.annotators = List.copyOf(builder.annotators);
    this.responseHooks = List.copyOf(builder.responseHooks);
  }

  /** Starts a gateway that dispatches on {@code channel} (an in-process channel to the server). */
  public static Builder builder(Channel channel) {
    return new Builder(channel);
  }

  /** The route table, for inspection. */
  public RouteTable routeTable() {
    return routes;
  }

  /** Every route, in service and method declaration order. */
  public List<Route> routes() {
    return routes.routes();
  }

  /** Answers one HTTP request. Never throws for bad input: every failure is a Status answer. */
  public RestResponse handle(RestRequest request) {
    MarshalerRegistry.Selection selection =
        marshalers.select(request.headerValues("Accept"), request.headerValues("Content-Type"));
    AtomicReference<Metadata> responseHeaders = new AtomicReference<>();
    try {
      return dispatch(request, selection, responseHeaders);
    } catch (RestException e) {
      return error(
          e.httpStatus(),
          com.google.rpc.Status.newBuilder()
              .setCode(e.code().value())
              .setMessage(e.getMessage())
              .build(),
          selection.outbound(),
          responseHeaders.get());
    } catch (StatusRuntimeException e) {
      com.google.rpc.Status status = StatusProto.fromThrowable(e);
      if (status == null) {
        status = toProto(e.getStatus());
      }
      return error(
          HttpStatuses.fromGrpc(status.getCode()),
          status,
          selection.outbound(),
          responseHeaders.get());
    } catch (RuntimeException e) {
      log.warn("REST gateway failed on {} {}", request.method(), request.rawPath(), e);
      com.google.rpc.Status status =
          com.google.rpc.Status.newBuilder()
              .setCode(Status.Code.INTERNAL.value())
              .setMessage("internal error in the REST gateway")
              .build();
      return error(500, status, selection.outbound(), null);
    }
  }

  /**
   * Answers a request the gateway refuses before reading it (a body over the limit): a {@code
   * google.rpc.Status} body in the encoding the request asks for.
   */
  public RestResponse refuse(
      RestRequest request, int httpStatus, Status.Code code, String message) {
    MarshalerRegistry.Selection selection =
        marshalers.select(request.headerValues("Accept"), request.headerValues("Content-Type"));
    return error(
        httpStatus,
        com.google.rpc.Status.newBuilder().setCode(code.value()).setMessage(message).build(),
        selection.outbound(),
        null);
  }

  private RestResponse dispatch(
      RestRequest request,
      MarshalerRegistry.Selection selection,
      AtomicReference<Metadata> responseHeaders) {
    String httpMethod = request.method();
    boolean formPost =
        httpMethod.equals("POST") && FORM_CONTENT_TYPE.equals(request.header("Content-Type"));
    String override = request.header("X-HTTP-Method-Override");
    if (formPost && override != null && !override.isEmpty()) {
      httpMethod = override.toUpperCase(Locale.ROOT);
    }
    if (!request.rawPath().startsWith("/")) {
      throw RestException.badRequest();
    }
    List<String> segments;
    try {
      segments = UrlComponents.pathSegments(request.rawPath());
    } catch (IllegalArgumentException e) {
      throw RestException.badRequest();
    }
    RouteMatch match = routes.findFor(httpMethod, segments);
    if (match == null && formPost && httpMethod.equals("POST")) {
      match = routes.findFor("GET", segments); // grpc-gateway's path length fallback
    }
    if (match == null) {
      match = routes.find(httpMethod, segments); // throws the 404 or 405
    }
    Message message = buildRequest(request, match, selection.inbound(), formPost);

    Metadata metadata = ForwardedHeaders.toMetadata(request);
    for (MetadataAnnotator annotator : annotators) {
      annotator.annotate(request, metadata);
    }
    CallOptions options = CallOptions.DEFAULT;
    Long timeout = ForwardedHeaders.timeoutNanos(request);
    if (timeout != null && timeout > 0) {
      options = options.withDeadlineAfter(timeout, TimeUnit.NANOSECONDS);
    }
    AtomicReference<Metadata> trailers = new AtomicReference<>();
    Channel call =
        ClientInterceptors.intercept(
            channel,
            MetadataUtils.newAttachHeadersInterceptor(metadata),
            MetadataUtils.newCaptureMetadataInterceptor(responseHeaders, trailers));
    Message response =
        ClientCalls.blockingUnaryCall(call, match.route().grpcMethod(), options, message);

    RestMarshaler outbound = selection.outbound();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", new ArrayList<>(List.of(outbound.contentType())));
    headers.putAll(ForwardedHeaders.fromResponseMetadata(responseHeaders.get()));
    for (ResponseHook hook : responseHooks) {
      hook.beforeWrite(response, headers);
    }
    byte[] body;
    try {
      body = outbound.marshal(response);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      log.warn("Failed to marshal the answer of {}", match.route().fullMethodName(), e);
      com.google.rpc.Status status =
          com.google.rpc.Status.newBuilder()
              .setCode(Status.Code.UNKNOWN.value())
              .setMessage(String.valueOf(e.getMessage()))
              .build();
      return error(500, status, outbound, responseHeaders.get());
    }
    return new RestResponse(200, headers, body);
  }

  private Message buildRequest(
      RestRequest request, RouteMatch match, RestMarshaler inbound, boolean formPost) {
    Route route = match.route();
    Message.Builder builder = route.requestPrototype().newBuilderForType();
    if (route.body().equals("*")) {
      mergeBody(request.body(), builder, inbound);
    } else if (!route.body().isEmpty()) {
      Descriptors.FieldDescriptor field =
          builder.getDescriptorForType().findFieldByName(route.body());
      Message.Builder nested = ((Message) builder.getField(field)).toBuilder();
      mergeBody(request.body(), nested, inbound);
      builder.setField(field, nested.build());
    }
    for (Map.Entry<String, String> variable : match.variables().entrySet()) {
      FieldPathBinder.bindPathVariable(builder, variable.getKey(), variable.getValue());
    }
    if (!route.body().equals("*")) {
      Map<String, List<String>> params = new LinkedHashMap<>();
      try {
        if (formPost && route.body().isEmpty()) {
          params.putAll(
              UrlComponents.parseQuery(new String(request.body(), StandardCharsets.UTF_8)));
        }
        UrlComponents.parseQuery(request.rawQuery())
            .forEach(
                (key, values) ->
                    params.computeIfAbsent(key, k -> new ArrayList<>()).addAll(values));
      } catch (IllegalArgumentException e) {
        throw RestException.invalidArgument(e.getMessage());
      }
      FieldPathBinder.bindQuery(builder, params, route.queryExclusions());
    }
    return builder.build();
  }

  private static void mergeBody(byte[] body, Message.Builder builder, RestMarshaler inbound) {
    if (isBlank(body, inbound)) {
      return; // grpc-gateway ignores io.EOF: an empty body is the empty message
    }
    try {
      inbound.merge(body, builder);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw RestException.invalidArgument(String.valueOf(e.getMessage()));
    }
  }

  private static boolean isBlank(byte[] body, RestMarshaler inbound) {
    if (inbound instanceof ProtoMarshaler) {
      return body.length == 0;
    }
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  private static RestResponse error(
      int httpStatus,
      com.google.rpc.Status status,
      RestMarshaler outbound,
      @Nullable Metadata responseHeaders) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", new ArrayList<>(List.of(outbound.contentType())));
    if (status.getCode() == Status.Code.UNAUTHENTICATED.value()) {
      headers.put("WWW-Authenticate", new ArrayList<>(List.of(status.getMessage())));
    }
    headers.putAll(ForwardedHeaders.fromResponseMetadata(responseHeaders));
    try {
      return new RestResponse(httpStatus, headers, outbound.marshal(status));
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      log.warn("Failed to marshal error status {}", status, e);
      return new RestResponse(500, headers, MARSHAL_ERROR_FALLBACK);
    }
  }

  private static com.google.rpc.Status toProto(Status status) {
    return com.google.rpc.Status.newBuilder()
        .setCode(status.getCode().value())
        .setMessage(status.getDescription() == null ? "" : status.getDescription())
        .build();
  }

  /**
   * Every message type reachable from the services' proto files (for {@code Any} fields and status
   * details), plus {@code google.rpc} error details and {@code extraTypes}.
   */
  static JsonFormat.TypeRegistry typeRegistry(
      List<ServiceDescriptor> services, List<Descriptors.Descriptor> extraTypes) {
    JsonFormat.TypeRegistry.Builder types = JsonFormat.TypeRegistry.newBuilder();
    Set<String> visited = new HashSet<>();
    List<Descriptors.FileDescriptor> files = new ArrayList<>();
    for (ServiceDescriptor service : services) {
      if (service.getSchemaDescriptor() instanceof ProtoFileDescriptorSupplier supplier) {
        files.add(supplier.getFileDescriptor());
      }
    }
    files.add(ErrorDetailsProto.getDescriptor());
    files.add(com.google.rpc.StatusProto.getDescriptor());
    for (Descriptors.Descriptor extra : extraTypes) {
      files.add(extra.getFile());
    }
    while (!files.isEmpty()) {
      Descriptors.FileDescriptor file = files.remove(files.size() - 1);
      if (visited.add(file.getFullName())) {
        types.add(file.getMessageTypes());
        files.addAll(file.getDependencies());
      }
    }
    return types.build();
  }

  /** Collects the services and options of a {@link RestGateway}. */
  public static final class Builder {

    private final Channel channel;
    private final List<ServiceDescriptor> services = new ArrayList<>();
    private final List<Descriptors.Descriptor> extraTypes = new ArrayList<>();
    private final List<MetadataAnnotator> annotators = new ArrayList<>();
    private final List<ResponseHook> responseHooks = new ArrayList<>();
    private @Nullable MarshalerRegistry marshalers;

    private Builder(Channel channel) {
      this.channel = channel;
    }

    /**
     * Routes the {@code google.api.http} bindings of a service. The service need not be bound on
     * the server the channel reaches: its routes then answer 501 (UNIMPLEMENTED), as FlyteAdmin's
     * auth routes do with auth off.
     */
    public Builder service(ServiceDescriptor service) {
      services.add(service);
      return this;
    }

    public Builder service(ServerServiceDefinition service) {
      return service(service.getServiceDescriptor());
    }

    public Builder service(BindableService service) {
      return service(service.bindService());
    }

    /** {@link #service(ServerServiceDefinition)} for each. */
    public Builder serviceDefinitions(List<ServerServiceDefinition> definitions) {
      definitions.forEach(this::service);
      return this;
    }

    /** Message types to print and parse inside {@code Any} beyond those the services reach. */
    public Builder anyType(Descriptors.Descriptor type) {
      extraTypes.add(type);
      return this;
    }

    public Builder metadataAnnotator(MetadataAnnotator annotator) {
      annotators.add(annotator);
      return this;
    }

    public Builder responseHook(ResponseHook hook) {
      responseHooks.add(hook);
      return this;
    }

    /** Replaces FlyteAdmin's three marshalers ({@link MarshalerRegistry#flyteAdmin}). */
    public Builder marshalers(MarshalerRegistry registry) {
      this.marshalers = registry;
      return this;
    }

    /**
     * @throws IllegalArgumentException when a {@code google.api.http} rule cannot be served
     */
    public RestGateway build() {
      return new RestGateway(this);
    }
  }
}

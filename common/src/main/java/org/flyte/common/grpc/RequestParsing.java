package org.flyte.common.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Attributes;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.SecurityLevel;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a request message that cannot be parsed (garbage, truncated, invalid UTF-8 in a string
 * field, nested deeper than protobuf's limit of 100) into {@code INVALID_ARGUMENT} with a short
 * reason and one log line.
 *
 * <p>grpc-java parses a request before any interceptor sees it and answers a parse failure with
 * {@code UNKNOWN "Application error processing RPC"} plus a stack trace in the log. {@link
 * #guard(ServerServiceDefinition)} therefore gives every method a pass-through request marshaller
 * and parses with the method's own marshaller inside the call, behind the interceptor chain: the
 * refusal goes out through the chain like any other status, so it is counted and carries the
 * request id. (Go's gRPC server answers {@code INTERNAL "grpc: error unmarshalling request"}; a
 * client's bytes are not an internal error.)
 *
 * <p>Applied to every service of every app by {@link GuardedGrpcServiceConfigurer}.
 */
public final class RequestParsing {

  private static final Logger log = LoggerFactory.getLogger(RequestParsing.class);

  private RequestParsing() {}

  /** The service with every method's request parsed behind the interceptors. */
  public static ServerServiceDefinition guard(ServerServiceDefinition service) {
    ServiceDescriptor original = service.getServiceDescriptor();
    ServiceDescriptor.Builder descriptor =
        ServiceDescriptor.newBuilder(original.getName())
            .setSchemaDescriptor(original.getSchemaDescriptor());
    List<ServerMethodDefinition<?, ?>> methods = new ArrayList<>();
    for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
      ServerMethodDefinition<?, ?> guarded = guard(method);
      descriptor.addMethod(guarded.getMethodDescriptor());
      methods.add(guarded);
    }
    ServerServiceDefinition.Builder guarded = ServerServiceDefinition.builder(descriptor.build());
    methods.forEach(guarded::addMethod);
    return guarded.build();
  }

  private static <ReqT, RespT> ServerMethodDefinition<InputStream, RespT> guard(
      ServerMethodDefinition<ReqT, RespT> definition) {
    MethodDescriptor<ReqT, RespT> method = definition.getMethodDescriptor();
    MethodDescriptor<InputStream, RespT> raw =
        method.toBuilder(PassThrough.INSTANCE, method.getResponseMarshaller()).build();
    ServerCallHandler<ReqT, RespT> handler = definition.getServerCallHandler();
    return ServerMethodDefinition.create(
        raw,
        (call, headers) ->
            new ParsingListener<>(
                handler.startCall(new TypedCall<>(call, method), headers), call, method));
  }

  /** The short reason a message could not be parsed, without the stack. */
  static String reason(RuntimeException error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InvalidProtocolBufferException) {
        return t.getMessage();
      }
    }
    return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
  }

  /** Parses each message with the method's marshaller; a failure closes the call. */
  private static final class ParsingListener<ReqT> extends ServerCall.Listener<InputStream> {

    private final ServerCall.Listener<ReqT> delegate;
    private final ServerCall<InputStream, ?> call;
    private final MethodDescriptor<ReqT, ?> method;
    private boolean refused;

    ParsingListener(
        ServerCall.Listener<ReqT> delegate,
        ServerCall<InputStream, ?> call,
        MethodDescriptor<ReqT, ?> method) {
      this.delegate = delegate;
      this.call = call;
      this.method = method;
    }

    @Override
    public void onMessage(InputStream message) {
      if (refused) {
        return;
      }
      ReqT parsed;
      try {
        parsed = method.parseRequest(message);
      } catch (RuntimeException e) {
        refused = true;
        String reason = reason(e);
        log.warn("{} refused an unparsable request: {}", method.getFullMethodName(), reason);
        call.close(
            Status.INVALID_ARGUMENT.withDescription("error unmarshalling request: " + reason),
            new Metadata());
        return;
      }
      delegate.onMessage(parsed);
    }

    @Override
    public void onHalfClose() {
      if (!refused) {
        delegate.onHalfClose();
      }
    }

    @Override
    public void onReady() {
      if (!refused) {
        delegate.onReady();
      }
    }

    @Override
    public void onCancel() {
      delegate.onCancel();
    }

    @Override
    public void onComplete() {
      delegate.onComplete();
    }
  }

  /** The call as the service sees it: typed by the original method descriptor. */
  private static final class TypedCall<ReqT, RespT> extends ServerCall<ReqT, RespT> {

    private final ServerCall<InputStream, RespT> delegate;
    private final MethodDescriptor<ReqT, RespT> method;

    TypedCall(ServerCall<InputStream, RespT> delegate, MethodDescriptor<ReqT, RespT> method) {
      this.delegate = delegate;
      this.method = method;
    }

    @Override
    public void request(int numMessages) {
      delegate.request(numMessages);
    }

    @Override
    public void sendHeaders(Metadata headers) {
      delegate.sendHeaders(headers);
    }

    @Override
    public void sendMessage(RespT message) {
      delegate.sendMessage(message);
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void close(Status status, Metadata trailers) {
      delegate.close(status, trailers);
    }

    @Override
    public boolean isCancelled() {
      return delegate.isCancelled();
    }

    @Override
    public void setMessageCompression(boolean enabled) {
      delegate.setMessageCompression(enabled);
    }

    @Override
    public void setCompression(String compressor) {
      delegate.setCompression(compressor);
    }

    @Override
    public void setOnReadyThreshold(int numBytes) {
      delegate.setOnReadyThreshold(numBytes);
    }

    @Override
    public SecurityLevel getSecurityLevel() {
      return delegate.getSecurityLevel();
    }

    @Override
    public Attributes getAttributes() {
      return delegate.getAttributes();
    }

    @Override
    public @Nullable String getAuthority() {
      return delegate.getAuthority();
    }

    @Override
    public MethodDescriptor<ReqT, RespT> getMethodDescriptor() {
      return method;
    }
  }

  /** Hands the request stream on unparsed. */
  private enum PassThrough implements MethodDescriptor.Marshaller<InputStream> {
    INSTANCE;

    @Override
    public InputStream stream(InputStream value) {
      return value;
    }

    @Override
    public InputStream parse(InputStream stream) {
      return stream;
    }
  }
}

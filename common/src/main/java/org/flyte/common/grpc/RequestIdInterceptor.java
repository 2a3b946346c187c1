package org.flyte.common.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Gives every call a request id: the caller's {@code x-request-id} metadata (the REST gateway
 * forwards the HTTP {@code X-Request-Id} header into it), or a new one shaped like Flyte's ({@code
 * a-} and 20 random lowercase consonants and digits). The id is available to the handler through
 * {@link #current()}, to logs as the MDC key {@code requestId}, and to the caller in the {@code
 * x-request-id} response header.
 *
 * <p>Follows {@code flyteadmin/pkg/server/service.go} and {@code flytestdlib/contextutils}
 * (v1.16.8).
 */
public final class RequestIdInterceptor implements ServerInterceptor {

  public static final Metadata.Key<String> HEADER =
      Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);
  public static final String MDC_KEY = "requestId";

  private static final Context.Key<String> CONTEXT_KEY = Context.key("flyte-request-id");
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final int GENERATED_LENGTH = 20;
  private static final int MAX_ACCEPTED_LENGTH = 256;

  /** The request id of the call being handled, or {@code null} outside of a call. */
  public static String current() {
    return CONTEXT_KEY.get();
  }

  /** A new request id in Flyte's shape. */
  public static String generate() {
    // Not a secret: Flyte draws it from a non-cryptographic generator too (k8s.io's util/rand).
    // SecureRandom's NativePRNG serialises every call of the server on one lock.
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] id = new char[2 + GENERATED_LENGTH];
    id[0] = 'a';
    id[1] = '-';
    for (int i = 2; i < id.length; i++) {
      id[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    return new String(id);
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    String given = headers.get(HEADER);
    String requestId =
        given == null || given.isBlank() || given.length() > MAX_ACCEPTED_LENGTH
            ? generate()
            : given;
    ServerCall<ReqT, RespT> withHeader =
        new SimpleForwardingServerCall<>(call) {
          @Override
          public void sendHeaders(Metadata responseHeaders) {
            responseHeaders.put(HEADER, requestId);
            super.sendHeaders(responseHeaders);
          }
        };
    Context context = Context.current().withValue(CONTEXT_KEY, requestId);
    ServerCall.Listener<ReqT> listener =
        withMdc(requestId, () -> Contexts.interceptCall(context, withHeader, headers, next));
    return new SimpleForwardingServerCallListener<>(listener) {
      @Override
      public void onMessage(ReqT message) {
        String previous = enter(requestId);
        try {
          super.onMessage(message);
        } finally {
          leave(previous);
        }
      }

      @Override
      public void onHalfClose() {
        String previous = enter(requestId);
        try {
          super.onHalfClose();
        } finally {
          leave(previous);
        }
      }

      @Override
      public void onCancel() {
        String previous = enter(requestId);
        try {
          super.onCancel();
        } finally {
          leave(previous);
        }
      }

      @Override
      public void onComplete() {
        String previous = enter(requestId);
        try {
          super.onComplete();
        } finally {
          leave(previous);
        }
      }

      @Override
      public void onReady() {
        String previous = enter(requestId);
        try {
          super.onReady();
        } finally {
          leave(previous);
        }
      }
    };
  }

  /** Puts the request id into the MDC; returns what was there. */
  private static @Nullable String enter(String requestId) {
    String previous = MDC.get(MDC_KEY);
    MDC.put(MDC_KEY, requestId);
    return previous;
  }

  private static void leave(@Nullable String previous) {
    if (previous == null) {
      MDC.remove(MDC_KEY);
    } else {
      MDC.put(MDC_KEY, previous);
    }
  }

  private static <T> T withMdc(String requestId, java.util.function.Supplier<T> action) {
    String previous = enter(requestId);
    try {
      return action.get();
    } finally {
      leave(previous);
    }
  }
}

package org.flyte.common.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.nio.charset.StandardCharsets;
import org.flyte.common.error.FlyteException;
import org.flyte.common.persistence.DatabaseErrors;

/**
 * Turns what a handler threw into the status (and trailers) the caller receives. A {@link
 * FlyteException} keeps its code and message and carries its typed details in {@code
 * google.rpc.Status.details}; a gRPC status passes through; a database failure that no repository
 * translated is translated by {@link DatabaseErrors} (never database text); anything else becomes
 * {@code INTERNAL}, as Flyte's RPC layer does for errors that are not its own. Messages longer than
 * {@value #MAX_MESSAGE_BYTES} bytes are cut to that length and then carry no details, as Flyte's
 * truncating interceptor does.
 *
 * <p>Follows {@code flyteadmin/pkg/rpc/adminservice/util/transformers.go} and {@code
 * flyteadmin/pkg/errors/errors.go} (v1.16.8).
 */
public final class StatusMapper {

  /** Flyte's {@code MaxResponseStatusBytes}. */
  public static final int MAX_MESSAGE_BYTES = 32_000;

  private StatusMapper() {}

  /** A status and the trailers that go with it. */
  public record MappedStatus(Status status, Metadata trailers) {}

  /** Maps a throwable raised by a handler. */
  public static MappedStatus fromThrowable(Throwable error) {
    FlyteException flyte = findCause(error, FlyteException.class);
    if (flyte != null) {
      return fromFlyteException(flyte);
    }
    if (error instanceof StatusRuntimeException sre) {
      return truncate(sre.getStatus(), orEmpty(sre.getTrailers()));
    }
    if (error instanceof StatusException se) {
      return truncate(se.getStatus(), orEmpty(se.getTrailers()));
    }
    if (DatabaseErrors.isDatabaseError(error)) {
      return fromFlyteException(DatabaseErrors.translate(error));
    }
    String message = error.getMessage() == null ? error.getClass().getName() : error.getMessage();
    return truncate(Status.INTERNAL.withDescription(message).withCause(error), new Metadata());
  }

  /**
   * Maps a status with which a handler closed its call: a status caused by a {@link FlyteException}
   * (a handler passed it to {@code onError}) is mapped as that exception; a status with any other
   * unexpected cause and code UNKNOWN is an unexpected failure, hence INTERNAL.
   */
  public static MappedStatus fromClose(Status status, Metadata trailers) {
    Throwable cause = status.getCause();
    if (cause != null && findCause(cause, FlyteException.class) != null) {
      return fromFlyteException(findCause(cause, FlyteException.class));
    }
    if (status.getCode() == Status.Code.UNKNOWN
        && cause != null
        && !(cause instanceof StatusRuntimeException)
        && !(cause instanceof StatusException)) {
      return fromThrowable(cause);
    }
    return truncate(status, trailers);
  }

  static MappedStatus fromFlyteException(FlyteException error) {
    Status.Code code = Status.Code.valueOf(error.code().name());
    String message = error.getMessage() == null ? "" : error.getMessage();
    if (error.details().isEmpty()) {
      return truncate(
          Status.fromCode(code).withDescription(message).withCause(error), new Metadata());
    }
    com.google.rpc.Status.Builder proto =
        com.google.rpc.Status.newBuilder().setCode(code.value()).setMessage(message);
    for (Message detail : error.details()) {
      proto.addDetails(Any.pack(detail));
    }
    // Puts the status proto into the standard grpc-status-details-bin trailer.
    Metadata trailers = StatusProto.toStatusRuntimeException(proto.build()).getTrailers();
    return truncate(Status.fromCode(code).withDescription(message).withCause(error), trailers);
  }

  static MappedStatus truncate(Status status, Metadata trailers) {
    String message = status.getDescription();
    if (message == null) {
      return new MappedStatus(status, trailers);
    }
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= MAX_MESSAGE_BYTES) {
      return new MappedStatus(status, trailers);
    }
    Status cut =
        Status.fromCode(status.getCode())
            .withDescription(cutUtf8(bytes, MAX_MESSAGE_BYTES))
            .withCause(status.getCause());
    return new MappedStatus(cut, new Metadata());
  }

  /** Reads the {@code google.rpc.Status} a call carries in its trailers, if any. */
  public static com.google.rpc.Status statusProto(Status status, Metadata trailers) {
    return StatusProto.fromStatusAndTrailers(status, trailers);
  }

  private static String cutUtf8(byte[] bytes, int max) {
    int end = max;
    // Step back over continuation bytes so that no character is split.
    while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
      end--;
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }

  private static Metadata orEmpty(Metadata trailers) {
    return trailers == null ? new Metadata() : trailers;
  }

  private static <T extends Throwable> T findCause(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}

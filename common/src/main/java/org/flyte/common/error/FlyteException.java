package org.flyte.common.error;

import com.google.protobuf.Message;
import java.util.List;

/**
 * A failure that domain code reports to a caller: a code, a message meant for the user, and
 * optional typed details (protobuf messages such as {@code flyteidl.admin.InactiveProject}) that
 * clients read from the {@code google.rpc.Status} details.
 *
 * <p>Follows {@code flyteadmin/pkg/errors/errors.go} (v1.16.8): Flyte's own errors carry an
 * explicit code, and some carry details that clients depend on.
 */
public class FlyteException extends RuntimeException {

  private final ErrorCode code;
  private final List<Message> details;

  public FlyteException(ErrorCode code, String message) {
    this(code, message, List.of(), null);
  }

  public FlyteException(ErrorCode code, String message, Throwable cause) {
    this(code, message, List.of(), cause);
  }

  public FlyteException(ErrorCode code, String message, List<? extends Message> details) {
    this(code, message, details, null);
  }

  public FlyteException(
      ErrorCode code, String message, List<? extends Message> details, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.details = List.copyOf(details);
  }

  public ErrorCode code() {
    return code;
  }

  /** Typed details, packed into {@code google.rpc.Status.details} at the edge. */
  public List<Message> details() {
    return details;
  }

  public static FlyteException invalidArgument(String format, Object... args) {
    return new FlyteException(ErrorCode.INVALID_ARGUMENT, String.format(format, args));
  }

  public static FlyteException notFound(String format, Object... args) {
    return new FlyteException(ErrorCode.NOT_FOUND, String.format(format, args));
  }

  public static FlyteException alreadyExists(String format, Object... args) {
    return new FlyteException(ErrorCode.ALREADY_EXISTS, String.format(format, args));
  }

  public static FlyteException internal(String format, Object... args) {
    return new FlyteException(ErrorCode.INTERNAL, String.format(format, args));
  }
}

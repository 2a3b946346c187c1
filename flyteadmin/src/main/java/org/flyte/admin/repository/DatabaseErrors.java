package org.flyte.admin.repository;

import java.sql.SQLException;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;

/**
 * Turns database failures into the errors FlyteAdmin's clients see. Follows {@code
 * flyteadmin/pkg/repositories/errors/postgres.go} (v1.16.8): a unique violation is ALREADY_EXISTS
 * {@code value with matching already exists (<message>)}. Beyond Flyte, a value that a filter
 * compares with a column of another type ({@code eq(state,abc)}) is INVALID_ARGUMENT naming the
 * problem, not an opaque database failure; anything else is INTERNAL.
 */
public final class DatabaseErrors {

  private DatabaseErrors() {}

  /** The error a client should see for {@code error}, raised by a repository call. */
  public static FlyteException translate(RuntimeException error) {
    if (error instanceof FlyteException flyte) {
      return flyte;
    }
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        String message = firstLine(sql.getMessage());
        if (state.equals("23505")) {
          return new FlyteException(
              ErrorCode.ALREADY_EXISTS,
              "value with matching already exists (" + message + ")",
              error);
        }
        if (state.startsWith("22") || state.equals("42883")) {
          return new FlyteException(
              ErrorCode.INVALID_ARGUMENT, "invalid value for filters: " + message, error);
        }
        return new FlyteException(
            ErrorCode.INTERNAL, "failed database operation with " + message, error);
      }
    }
    return new FlyteException(ErrorCode.INTERNAL, "unexpected error type for: " + error, error);
  }

  /** Runs {@code call}, translating its database failures. */
  public static <T> T translating(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}

package org.flyte.datacatalog.repository;

import java.sql.SQLException;
import java.util.Optional;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;

/**
 * Turns database failures into the errors DataCatalog's clients see. Follows {@code
 * datacatalog/pkg/repositories/errors/postgres.go} (v1.16.8): a unique violation (SQLSTATE {@code
 * 23505}) is ALREADY_EXISTS with Flyte's message; other failures stay unexpected (INTERNAL).
 */
public final class DatabaseErrors {

  static final String UNIQUE_VIOLATION = "23505";

  private DatabaseErrors() {}

  /** ALREADY_EXISTS when {@code error} was caused by a unique violation. */
  public static Optional<FlyteException> alreadyExists(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return Optional.of(
            new FlyteException(
                ErrorCode.ALREADY_EXISTS,
                "value with matching already exists (" + sql.getMessage() + ")",
                error));
      }
    }
    return Optional.empty();
  }
}

package org.flyte.common.persistence;

import java.sql.SQLException;
import java.util.Map;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.TransactionException;

/**
 * The one translation of database failures into the errors clients see, for FlyteAdmin and
 * DataCatalog alike. Applied once, where a repository returns ({@link RepositoryErrorTranslation}),
 * and again by the gRPC status mapping as a safety net.
 *
 * <p>Follows {@code flyteadmin/pkg/repositories/errors/postgres.go} and {@code
 * datacatalog/pkg/repositories/errors/postgres.go} (v1.16.8): a unique violation is ALREADY_EXISTS
 * {@code value with matching already exists (duplicate key value violates unique constraint
 * "<name>")}, the PostgreSQL primary message as Flyte prints it. Beyond Flyte, no other message
 * carries database text (no SQL, no values, no {@code Detail} line): the server's words are logged
 * with the SQLSTATE and the client gets a fixed sentence, INVALID_ARGUMENT for a value the database
 * refuses (SQLSTATE class 22), UNAVAILABLE when the database cannot be reached or is shutting down,
 * ABORTED for a serialization failure or deadlock, INTERNAL otherwise.
 */
public final class DatabaseErrors {

  private static final Logger log = LoggerFactory.getLogger(DatabaseErrors.class);

  private static final String UNIQUE_VIOLATION = "23505";

  /** Data exceptions (class 22) a client's value can cause, in words that name no value. */
  private static final Map<String, String> DATA_EXCEPTIONS =
      Map.of(
          "22001", "a value is too long for its column",
          "22003", "a numeric value is out of range",
          "22007", "a value is not a valid date or time",
          "22008", "a date or time is out of range",
          "22021", "a value contains a character the database cannot store (such as a NUL byte)",
          "22P02", "a value does not have the type its field requires",
          "22P05", "a value contains a character the database cannot store");

  private DatabaseErrors() {}

  /** Whether {@code error} comes from the database (a JDBC or Spring data-access failure). */
  public static boolean isDatabaseError(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof FlyteException) {
        return false;
      }
      if (t instanceof SQLException
          || t instanceof DataAccessException
          || t instanceof TransactionException) {
        return true;
      }
    }
    return false;
  }

  /**
   * The error a client should see for {@code error}; a {@link FlyteException} (or one in the cause
   * chain) is answered unchanged.
   */
  public static FlyteException translate(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof FlyteException flyte) {
        return flyte;
      }
    }
    SQLException sql = sqlCause(error);
    String state = sql == null ? null : sql.getSQLState();
    if (UNIQUE_VIOLATION.equals(state)) {
      return new FlyteException(
          ErrorCode.ALREADY_EXISTS,
          "value with matching already exists (" + primaryMessage(sql) + ")",
          error);
    }
    log.warn("database operation failed (SQLSTATE {}): {}", state, firstLine(error), error);
    if (state != null && state.startsWith("22")) {
      return new FlyteException(
          ErrorCode.INVALID_ARGUMENT,
          "invalid value: " + DATA_EXCEPTIONS.getOrDefault(state, "the database refused a value"),
          error);
    }
    if ((state != null
            && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")))
        || hasCause(error, DataAccessResourceFailureException.class)
        || hasCause(error, TransientDataAccessResourceException.class)
        || (sql == null && error instanceof TransactionException)) {
      return new FlyteException(
          ErrorCode.UNAVAILABLE, "the database is unavailable, please retry", error);
    }
    if ("40001".equals(state) || "40P01".equals(state)) {
      return new FlyteException(
          ErrorCode.ABORTED, "the operation conflicted with a concurrent one, please retry", error);
    }
    return new FlyteException(ErrorCode.INTERNAL, "failed database operation", error);
  }

  /**
   * The server's primary message ({@code duplicate key value violates unique constraint "x"}),
   * without the {@code ERROR:} prefix and the {@code Detail} line that the driver adds.
   */
  private static String primaryMessage(SQLException sql) {
    if (sql instanceof PSQLException psql) {
      ServerErrorMessage server = psql.getServerErrorMessage();
      if (server != null && server.getMessage() != null) {
        return server.getMessage();
      }
    }
    return "duplicate key value violates unique constraint";
  }

  private static SQLException sqlCause(Throwable error) {
    SQLException found = null;
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql) {
        found = sql;
        if (sql.getSQLState() != null) {
          return sql;
        }
      }
    }
    return found;
  }

  private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String firstLine(Throwable error) {
    String message = String.valueOf(error.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}

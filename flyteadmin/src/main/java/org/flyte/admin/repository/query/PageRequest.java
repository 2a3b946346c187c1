package org.flyte.admin.repository.query;

import org.flyte.common.error.FlyteException;

/**
 * {@code limit} and {@code token} of a List request. The token is the decimal offset of the page
 * (flytectl computes it itself, so it stays a plain number); the response carries the next offset
 * only when the page is full. Follows {@code flyteadmin/pkg/manager/impl/validation} and {@code
 * pkg/common/...} (v1.16.8).
 *
 * <p>{@code limit} is a {@code uint32} in every request: Java reads values from 2^31 up as negative
 * {@code int}s, which are taken back as the unsigned values Go sees, so every List RPC accepts
 * every limit Flyte accepts (1 to 4,294,967,295; 0 only where it means "no limit").
 *
 * @param limit the page size; 0 means no limit (only ListProjects accepts it)
 * @param offset the rows to skip
 */
public record PageRequest(long limit, long offset) {

  /**
   * The page of a request whose {@code limit} must not be 0.
   *
   * @param limit the request's {@code uint32} limit as protobuf's Java code returns it
   * @param rpc the RPC name for the token message ({@code ListTasks})
   */
  public static PageRequest of(int limit, String token, String rpc) {
    if (limit == 0) {
      throw FlyteException.invalidArgument("invalid value for limit");
    }
    return new PageRequest(Integer.toUnsignedLong(limit), offset(token, rpc));
  }

  /** The page of a request where {@code limit = 0} means every row (ListProjects). */
  public static PageRequest unlimitedWhenZero(int limit, String token, String rpc) {
    return new PageRequest(Integer.toUnsignedLong(limit), offset(token, rpc));
  }

  /** A request's {@code uint32} limit as the unsigned value it is. */
  public static long unsigned(int limit) {
    return Integer.toUnsignedLong(limit);
  }

  /** The offset a token names; an empty token is 0. */
  public static long offset(String token, String rpc) {
    if (token == null || token.isEmpty()) {
      return 0;
    }
    long offset;
    try {
      // ASCII digits only: Long.parseLong would read other scripts' digits (full-width '１')
      if (!token.matches("[+-]?[0-9]+")) {
        throw new NumberFormatException(token);
      }
      offset = Long.parseLong(token);
    } catch (NumberFormatException e) {
      throw FlyteException.invalidArgument("invalid pagination token %s for %s", token, rpc);
    }
    if (offset < 0) {
      throw FlyteException.invalidArgument("Invalid token value: %s", token);
    }
    return offset;
  }

  /** The token of the next page after {@code returned} rows: empty unless the page was full. */
  public String nextToken(int returned) {
    return limit > 0 && returned == limit ? String.valueOf(offset + returned) : "";
  }

  /** {@code LIMIT n OFFSET m} (no LIMIT when unlimited). */
  public String sql() {
    return (limit > 0 ? " LIMIT " + limit : "") + (offset > 0 ? " OFFSET " + offset : "");
  }
}

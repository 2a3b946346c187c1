package org.flyte.common.rest;

import io.grpc.Status;

/**
 * gRPC status code to HTTP status, as grpc-gateway v2 maps them ({@code runtime.HTTPStatusFromCode}
 * in {@code runtime/errors.go}). Note FAILED_PRECONDITION is 400, not 412, and CANCELLED is the
 * non-standard 499.
 */
public final class HttpStatuses {

  private HttpStatuses() {}

  /** The HTTP status the gateway answers for a gRPC status code. */
  public static int fromGrpc(Status.Code code) {
    return switch (code) {
      case OK -> 200;
      case CANCELLED -> 499;
      case UNKNOWN, INTERNAL, DATA_LOSS -> 500;
      case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> 400;
      case DEADLINE_EXCEEDED -> 504;
      case NOT_FOUND -> 404;
      case ALREADY_EXISTS, ABORTED -> 409;
      case PERMISSION_DENIED -> 403;
      case UNAUTHENTICATED -> 401;
      case RESOURCE_EXHAUSTED -> 429;
      case UNIMPLEMENTED -> 501;
      case UNAVAILABLE -> 503;
    };
  }

  /** The HTTP status for a numeric gRPC code; unknown numbers map to 500 as in grpc-gateway. */
  public static int fromGrpc(int code) {
    Status.Code known = null;
    for (Status.Code candidate : Status.Code.values()) {
      if (candidate.value() == code) {
        known = candidate;
      }
    }
    return known == null ? 500 : fromGrpc(known);
  }
}

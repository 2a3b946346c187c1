package org.flyte.common.rest;

import io.grpc.Status;

/**
 * A request the gateway refuses before (or instead of) calling the gRPC service: routing errors,
 * undecodable bodies and unparsable path or query parameters. Carries the gRPC code written into
 * the {@code google.rpc.Status} body and the HTTP status, which for routing errors differs from the
 * code's usual mapping (grpc-gateway v2 {@code DefaultRoutingErrorHandler}: 405 with {@code
 * UNIMPLEMENTED}).
 */
final class RestException extends RuntimeException {

  private final int httpStatus;
  private final Status.Code code;

  RestException(int httpStatus, Status.Code code, String message) {
    super(message, null, false, false);
    this.httpStatus = httpStatus;
    this.code = code;
  }

  /** An {@code INVALID_ARGUMENT} refusal answered with HTTP 400. */
  static RestException invalidArgument(String message) {
    return new RestException(400, Status.Code.INVALID_ARGUMENT, message);
  }

  /** No route has this path: 404 with {@code NOT_FOUND}, "Not Found". */
  static RestException notFound() {
    return new RestException(404, Status.Code.NOT_FOUND, "Not Found");
  }

  /** A route has this path but not this HTTP method: 405 with {@code UNIMPLEMENTED}. */
  static RestException methodNotAllowed() {
    return new RestException(405, Status.Code.UNIMPLEMENTED, "Method Not Allowed");
  }

  /** The request line itself is unusable: 400 with {@code INVALID_ARGUMENT}, "Bad Request". */
  static RestException badRequest() {
    return invalidArgument("Bad Request");
  }

  int httpStatus() {
    return httpStatus;
  }

  Status.Code code() {
    return code;
  }
}

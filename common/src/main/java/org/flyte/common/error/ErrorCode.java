package org.flyte.common.error;

/**
 * The error codes that domain code raises. They carry the meaning of the gRPC status codes that
 * Flyte's services answer with, without tying domain code to a transport: only the gRPC edge turns
 * them into {@code io.grpc.Status} (and from there into an HTTP status).
 */
public enum ErrorCode {
  CANCELLED,
  UNKNOWN,
  INVALID_ARGUMENT,
  DEADLINE_EXCEEDED,
  NOT_FOUND,
  ALREADY_EXISTS,
  PERMISSION_DENIED,
  RESOURCE_EXHAUSTED,
  FAILED_PRECONDITION,
  ABORTED,
  OUT_OF_RANGE,
  UNIMPLEMENTED,
  INTERNAL,
  UNAVAILABLE,
  DATA_LOSS,
  UNAUTHENTICATED
}

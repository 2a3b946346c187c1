package org.flyte.runner.engine;

import flyteidl.core.Execution.ExecutionError;

/**
 * A node or task attempt failed.
 *
 * @param error the error as events report it (kind USER or SYSTEM)
 * @param recoverable whether another attempt may succeed
 * @param timedOut whether it ran past its deadline
 */
record NodeFailure(ExecutionError error, boolean recoverable, boolean timedOut) {

  static NodeFailure user(String code, String message, boolean recoverable) {
    return new NodeFailure(error(ExecutionError.ErrorKind.USER, code, message), recoverable, false);
  }

  static NodeFailure system(String code, String message, boolean recoverable) {
    return new NodeFailure(
        error(ExecutionError.ErrorKind.SYSTEM, code, message), recoverable, false);
  }

  static ExecutionError error(ExecutionError.ErrorKind kind, String code, String message) {
    return ExecutionError.newBuilder().setKind(kind).setCode(code).setMessage(message).build();
  }

  boolean isSystem() {
    return error.getKind() == ExecutionError.ErrorKind.SYSTEM;
  }

  /** Raised through the handlers; carries the failure. */
  static final class Raised extends Exception {
    private final NodeFailure failure;

    Raised(NodeFailure failure) {
      super(failure.error().getMessage(), null, false, false);
      this.failure = failure;
    }

    NodeFailure failure() {
      return failure;
    }
  }

  Raised raise() {
    return new Raised(this);
  }
}

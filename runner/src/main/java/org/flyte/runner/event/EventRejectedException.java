package org.flyte.runner.event;

import io.grpc.Status;

/**
 * The receiver of an event refused it: a phase change it does not allow, an execution it does not
 * know, or it could not be reached.
 */
public final class EventRejectedException extends RuntimeException {

  private final Status.Code code;

  public EventRejectedException(Status.Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** The gRPC code of the refusal. */
  public Status.Code code() {
    return code;
  }

  /**
   * Whether the receiver refused because the execution is already in a terminal phase (propeller's
   * {@code IsEventAlreadyInTerminalStateError}): the run should stop, not fail.
   */
  public boolean executionAlreadyTerminal() {
    return code == Status.Code.FAILED_PRECONDITION;
  }
}

package org.flyte.compiler.errors;

import java.util.List;

/**
 * Thrown by the compilers when an entity does not compile; carries every error found, never just
 * the first. Its message is Flyte's {@code Collected Errors: <n>} text, which FlyteAdmin returns to
 * clients inside its {@code InvalidArgument} status.
 */
public final class CompileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<CompileError> errors;
  private final String text;

  public CompileException(CompileErrors errors) {
    super(errors.toString(), null, false, false);
    this.errors = errors.list();
    this.text = errors.toString();
  }

  /** The distinct errors, sorted as Flyte sorts them. */
  public List<CompileError> errors() {
    return errors;
  }

  /** Flyte's {@code Collected Errors: <n>} rendering. */
  public String text() {
    return text;
  }
}

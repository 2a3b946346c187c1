package org.flyte.compiler.errors;

import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The errors collected while compiling one entity, following {@code
 * flytepropeller/pkg/compiler/errors/error.go} and {@code sets.go} (v1.16.8): duplicates collapse,
 * the list is sorted by code and then by rendered text, and {@link #toString()} is Flyte's {@code
 * Collected Errors: <n>} block.
 *
 * <p>Go gives each validator a child scope so that it can ask "did I (or anything I called) find a
 * problem?". Here a validator takes a {@link #mark()} and asks {@link #hasErrorsSince(int)}: every
 * collection counts, even of an error already in the set, exactly as Go's scopes count.
 */
public final class CompileErrors {

  private static final Comparator<CompileError> ORDER =
      Comparator.comparing((CompileError e) -> e.code().value())
          .thenComparing(CompileError::toString);

  private final TreeSet<CompileError> errors = new TreeSet<>(ORDER);
  private int collected;

  /** Adds an error (once: an equal error already collected is not repeated). */
  public void collect(CompileError error) {
    errors.add(error);
    collected++;
  }

  /** Adds every error of {@code other}. */
  public void collectAll(CompileErrors other) {
    for (CompileError error : other.errors) {
      collect(error);
    }
  }

  /** A position to pass to {@link #hasErrorsSince(int)}. */
  public int mark() {
    return collected;
  }

  /** Whether anything was collected after {@code mark} was taken. */
  public boolean hasErrorsSince(int mark) {
    return collected > mark;
  }

  public boolean hasErrors() {
    return collected > 0;
  }

  /** The distinct errors, sorted as Flyte sorts them. */
  public List<CompileError> list() {
    return List.copyOf(errors);
  }

  /** Number of distinct errors. */
  public int size() {
    return errors.size();
  }

  /** Flyte's rendering: {@code Collected Errors: <n>\n} and then {@code \tError <i>: <error>\n}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("Collected Errors: ").append(errors.size()).append('\n');
    int i = 0;
    for (CompileError error : errors) {
      out.append("\tError ").append(i++).append(": ").append(error).append('\n');
    }
    return out.toString();
  }
}

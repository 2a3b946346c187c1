package org.flyte.runner.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flyte.runner.process.LaunchedProcess;

/**
 * Stops a graph and everything under it: the execution's abort, or a graph failing immediately.
 * Processes and nested graphs register here; cancelling kills them.
 */
final class Cancellation {

  private final Cancellation parent;
  private final List<Cancellation> children = new CopyOnWriteArrayList<>();
  private final List<LaunchedProcess> processes = new CopyOnWriteArrayList<>();
  private final List<Runnable> hooks = new CopyOnWriteArrayList<>();
  private volatile String reason;

  private Cancellation(Cancellation parent) {
    this.parent = parent;
  }

  static Cancellation root() {
    return new Cancellation(null);
  }

  /** A token cancelled with this one (and on its own). */
  Cancellation child() {
    Cancellation child = new Cancellation(this);
    children.add(child);
    if (reason() != null) {
      child.cancel(reason());
    }
    return child;
  }

  /** The reason of the nearest cancelled token up the chain, or null. */
  String reason() {
    for (Cancellation c = this; c != null; c = c.parent) {
      if (c.reason != null) {
        return c.reason;
      }
    }
    return null;
  }

  boolean cancelled() {
    return reason() != null;
  }

  /** Throws {@link Cancelled} when cancelled. */
  void check() {
    String r = reason();
    if (r != null) {
      throw new Cancelled(r);
    }
  }

  void cancel(String why) {
    if (reason != null) {
      return;
    }
    reason = why;
    processes.forEach(LaunchedProcess::kill);
    hooks.forEach(Runnable::run);
    children.forEach(c -> c.cancel(why));
  }

  void register(LaunchedProcess process) {
    processes.add(process);
    if (cancelled()) {
      process.kill();
    }
  }

  void unregister(LaunchedProcess process) {
    processes.remove(process);
  }

  /** Runs {@code hook} on cancellation (e.g. terminating a child execution). */
  void onCancel(Runnable hook) {
    hooks.add(hook);
  }

  /** Thrown where work notices its cancellation. */
  static final class Cancelled extends RuntimeException {
    Cancelled(String reason) {
      super(reason, null, false, false);
    }
  }
}

package org.flyte.runner.event;

import flyteidl.event.Event.NodeExecutionEvent;
import flyteidl.event.Event.TaskExecutionEvent;
import flyteidl.event.Event.WorkflowExecutionEvent;
import io.grpc.Status;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Sends one execution's events to a sink on a thread of its own, one at a time and in the order
 * they were produced, so that the execution does not wait for FlyteAdmin's answers: in a chain of
 * tasks the next process starts while the previous node's {@code SUCCEEDED} and the next one's
 * {@code QUEUED} are on their way. FlyteAdmin sees the events in the same order and with the same
 * content (times included: an event carries the time it was produced) as when they were sent one by
 * one, as {@code flytepropeller/events/event_recorder.go} (Flyte v1.16.8) sends them.
 *
 * <p>The first event the sink refuses stops the sending: the events after it are dropped, {@code
 * onRefused} is told (the execution is then stopped) and {@link #flush} throws the refusal.
 */
public final class OrderedEventSender implements EventSink {

  private final EventSink sink;
  private final Executor executor;
  private final Consumer<EventRejectedException> onRefused;
  private final Deque<Runnable> pending = new ArrayDeque<>();
  private boolean sending;
  private long produced;
  private long sent;
  private EventRejectedException refused;

  /**
   * @param sink where the events go
   * @param executor runs the sending while events are pending
   * @param onRefused told once, on the sending thread, when the sink refuses an event
   */
  public OrderedEventSender(
      EventSink sink, Executor executor, Consumer<EventRejectedException> onRefused) {
    this.sink = sink;
    this.executor = executor;
    this.onRefused = onRefused;
  }

  @Override
  public void workflow(WorkflowExecutionEvent event) {
    enqueue(() -> sink.workflow(event));
  }

  @Override
  public void node(NodeExecutionEvent event) {
    enqueue(() -> sink.node(event));
  }

  @Override
  public void task(TaskExecutionEvent event) {
    enqueue(() -> sink.task(event));
  }

  /**
   * Waits until every event produced so far has been sent (not those produced meanwhile).
   *
   * @throws EventRejectedException when the sink refused one of them
   */
  public void flush() throws InterruptedException {
    synchronized (this) {
      long target = produced;
      while (sent < target && refused == null) {
        wait();
      }
      if (refused != null) {
        throw refused;
      }
    }
  }

  private void enqueue(Runnable send) {
    synchronized (this) {
      if (refused != null) {
        return;
      }
      pending.add(send);
      produced++;
      if (sending) {
        return;
      }
      sending = true;
    }
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException e) {
      drain(); // the runner is shutting down: send on the caller's thread
    }
  }

  private void drain() {
    while (true) {
      Runnable next;
      synchronized (this) {
        next = pending.poll();
        if (next == null) {
          sending = false;
          notifyAll();
          return;
        }
      }
      try {
        next.run();
        synchronized (this) {
          sent++;
          notifyAll();
        }
      } catch (RuntimeException e) {
        EventRejectedException refusal =
            e instanceof EventRejectedException r
                ? r
                : new EventRejectedException(Status.Code.UNKNOWN, String.valueOf(e), e);
        // told first, so that whoever flush wakes sees the execution stopping; what the stopping
        // produces meanwhile queues behind the refused event and is dropped with the rest
        onRefused.accept(refusal);
        synchronized (this) {
          refused = refusal;
          pending.clear();
          sending = false;
          notifyAll();
        }
        return;
      }
    }
  }
}

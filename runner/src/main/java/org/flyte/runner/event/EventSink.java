package org.flyte.runner.event;

import flyteidl.event.Event.NodeExecutionEvent;
import flyteidl.event.Event.TaskExecutionEvent;
import flyteidl.event.Event.WorkflowExecutionEvent;

/**
 * Where the runner reports what happens: FlyteAdmin's {@code CreateWorkflowEvent}, {@code
 * CreateNodeEvent} and {@code CreateTaskEvent} ({@link AdminEventSink}), or a recorder in tests.
 * Follows {@code flytepropeller/events/event_recorder.go} (v1.16.8).
 *
 * <p>An event the receiver refuses is reported with {@link EventRejectedException}; an event it
 * already holds ({@code ALREADY_EXISTS}) is not an error.
 */
public interface EventSink {

  /** Reports a workflow execution's phase change. */
  void workflow(WorkflowExecutionEvent event);

  /** Reports a node execution's phase change. */
  void node(NodeExecutionEvent event);

  /** Reports a task attempt's phase change. */
  void task(TaskExecutionEvent event);
}

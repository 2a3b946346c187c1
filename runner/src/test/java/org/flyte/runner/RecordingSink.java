package org.flyte.runner;

import flyteidl.event.Event.NodeExecutionEvent;
import flyteidl.event.Event.TaskExecutionEvent;
import flyteidl.event.Event.WorkflowExecutionEvent;
import java.util.ArrayList;
import java.util.List;
import org.flyte.runner.event.EventSink;

/** Records events in the order they are sent, each as a short line for assertions. */
public final class RecordingSink implements EventSink {

  public final List<Object> events = new ArrayList<>();

  @Override
  public synchronized void workflow(WorkflowExecutionEvent event) {
    events.add(event);
  }

  @Override
  public synchronized void node(NodeExecutionEvent event) {
    events.add(event);
  }

  @Override
  public synchronized void task(TaskExecutionEvent event) {
    events.add(event);
  }

  /** {@code wf RUNNING}, {@code node n0 QUEUED}, {@code task n0#0 RUNNING}, ... */
  public synchronized List<String> lines() {
    List<String> out = new ArrayList<>();
    for (Object e : events) {
      if (e instanceof WorkflowExecutionEvent w) {
        out.add("wf " + w.getPhase());
      } else if (e instanceof NodeExecutionEvent n) {
        out.add("node " + n.getId().getNodeId() + " " + n.getPhase());
      } else if (e instanceof TaskExecutionEvent t) {
        out.add(
            "task "
                + t.getParentNodeExecutionId().getNodeId()
                + "#"
                + t.getRetryAttempt()
                + " "
                + t.getPhase());
      }
    }
    return out;
  }

  /** The lines about one node (its node and task events). */
  public List<String> linesOf(String nodeId) {
    return lines().stream()
        .filter(l -> l.startsWith("node " + nodeId + " ") || l.startsWith("task " + nodeId + "#"))
        .toList();
  }

  public synchronized <T> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}

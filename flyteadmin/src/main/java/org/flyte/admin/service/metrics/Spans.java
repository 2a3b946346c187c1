package org.flyte.admin.service.metrics;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecution;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionClosure;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecution;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionClosure;
import flyteidl.core.Compiler.ConnectionSet;
import flyteidl.core.Metrics.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The pure part of the span tree: operation spans, the spans of task attempts and gate nodes, and
 * the latest upstream node. Times absent from a record stay absent from its span (Go's nil); in
 * comparisons an absent time counts as the Unix epoch, as Go's {@code AsTime()} of nil does.
 */
final class Spans {

  static final String NODE_IDLE = "NODE_IDLE";
  static final String NODE_RESET = "NODE_RESET";
  static final String NODE_SETUP = "NODE_SETUP";
  static final String NODE_TEARDOWN = "NODE_TEARDOWN";
  static final String NODE_TRANSITION = "NODE_TRANSITION";
  static final String TASK_RUNTIME = "TASK_RUNTIME";
  static final String TASK_SETUP = "TASK_SETUP";
  static final String TASK_TEARDOWN = "TASK_TEARDOWN";
  static final String WORKFLOW_SETUP = "WORKFLOW_SETUP";
  static final String WORKFLOW_TEARDOWN = "WORKFLOW_TEARDOWN";

  /**
   * Orders times as Go's {@code time.Time} does; unlike {@code Timestamps.comparator()} it accepts
   * any stored value.
   */
  static final Comparator<Timestamp> BY_TIME =
      Comparator.comparingLong(Timestamp::getSeconds).thenComparingInt(Timestamp::getNanos);

  private Spans() {}

  /** Go's {@code createOperationSpan}. */
  static Span operation(@Nullable Timestamp start, @Nullable Timestamp end, String operation) {
    Span.Builder span = Span.newBuilder().setOperationId(operation);
    if (start != null) {
      span.setStartTime(start);
    }
    if (end != null) {
      span.setEndTime(end);
    }
    return span.build();
  }

  /**
   * A reference span ({@code workflow_id}, {@code node_id} or {@code task_id} set by the caller).
   */
  static Span.Builder reference(
      @Nullable Timestamp start, @Nullable Timestamp end, List<Span> spans) {
    Span.Builder span = Span.newBuilder().addAllSpans(spans);
    if (start != null) {
      span.setStartTime(start);
    }
    if (end != null) {
      span.setEndTime(end);
    }
    return span;
  }

  /** True when {@code a} is strictly before {@code b} (absent times being the epoch). */
  static boolean before(@Nullable Timestamp a, @Nullable Timestamp b) {
    return BY_TIME.compare(orEpoch(a), orEpoch(b)) < 0;
  }

  /** Go's test for a time that was never set: nil or the zero timestamp. */
  static boolean unset(@Nullable Timestamp time) {
    return time == null || (time.getSeconds() == 0 && time.getNanos() == 0);
  }

  static boolean unset(@Nullable Duration duration) {
    return duration == null || (duration.getSeconds() == 0 && duration.getNanos() == 0);
  }

  /** Go's {@code timestamppb.New(start.AsTime().Add(duration.AsDuration()))}, normalised. */
  static Timestamp plus(Timestamp start, Duration duration) {
    long nanos = (long) start.getNanos() + duration.getNanos();
    long seconds =
        start.getSeconds() + duration.getSeconds() + Math.floorDiv(nanos, 1_000_000_000L);
    return Timestamp.newBuilder()
        .setSeconds(seconds)
        .setNanos((int) Math.floorMod(nanos, 1_000_000_000L))
        .build();
  }

  static @Nullable Timestamp created(NodeExecution node) {
    NodeExecutionClosure closure = node.getClosure();
    return closure.hasCreatedAt() ? closure.getCreatedAt() : null;
  }

  static @Nullable Timestamp updated(@Nullable NodeExecution node) {
    if (node == null) {
      return null;
    }
    NodeExecutionClosure closure = node.getClosure();
    return closure.hasUpdatedAt() ? closure.getUpdatedAt() : null;
  }

  static @Nullable Timestamp created(TaskExecution task) {
    TaskExecutionClosure closure = task.getClosure();
    return closure.hasCreatedAt() ? closure.getCreatedAt() : null;
  }

  static @Nullable Timestamp updated(TaskExecution task) {
    TaskExecutionClosure closure = task.getClosure();
    return closure.hasUpdatedAt() ? closure.getUpdatedAt() : null;
  }

  /**
   * Go's {@code getLatestUpstreamNodeExecution}: among the upstream nodes of {@code nodeId} that
   * ran, the one updated last (strictly after the epoch), first in upstream order on ties.
   */
  static @Nullable NodeExecution latestUpstream(
      String nodeId, Map<String, ConnectionSet.IdList> upstream, Map<String, NodeExecution> nodes) {
    ConnectionSet.IdList ids = upstream.get(nodeId);
    if (ids == null) {
      return null;
    }
    NodeExecution latest = null;
    Timestamp latestUpdatedAt = Timestamp.getDefaultInstance();
    for (String id : ids.getIdsList()) {
      NodeExecution node = nodes.get(id);
      if (node != null && before(latestUpdatedAt, updated(node))) {
        latest = node;
        latestUpdatedAt = orEpoch(updated(node));
      }
    }
    return latest;
  }

  /** Go's {@code parseTaskExecution}: setup, runtime and teardown of one attempt. */
  static Span taskExecution(TaskExecution task) {
    TaskExecutionClosure closure = task.getClosure();
    Timestamp startedAt = closure.hasStartedAt() ? closure.getStartedAt() : null;
    List<Span> spans = new ArrayList<>();
    if (unset(startedAt)) {
      spans.add(operation(created(task), updated(task), TASK_SETUP));
    } else {
      spans.add(operation(created(task), startedAt, TASK_SETUP));
      if (unset(closure.hasDuration() ? closure.getDuration() : null)) {
        spans.add(operation(startedAt, updated(task), TASK_RUNTIME));
      } else {
        Timestamp end = plus(startedAt, closure.getDuration());
        spans.add(operation(startedAt, end, TASK_RUNTIME));
        if (!before(updated(task), end)) {
          spans.add(operation(end, updated(task), TASK_TEARDOWN));
        }
      }
    }
    return reference(created(task), updated(task), spans).setTaskId(task.getId()).build();
  }

  /**
   * Go's {@code parseTaskExecutions}: sorts {@code tasks} in place by creation time, then a reset
   * span between consecutive attempts and, unless {@code depth} is 0, each attempt's span.
   */
  static void taskExecutions(List<TaskExecution> tasks, List<Span> spans, int depth) {
    tasks.sort(Comparator.comparing(t -> orEpoch(created(t)), BY_TIME));
    for (int i = 0; i < tasks.size(); i++) {
      TaskExecution task = tasks.get(i);
      if (i > 0) {
        spans.add(operation(updated(tasks.get(i - 1)), created(task), NODE_RESET));
      }
      if (depth != 0) {
        spans.add(taskExecution(task));
      }
    }
  }

  /** Go's {@code parseGateNodeExecution}: setup, idle while waiting, teardown. */
  static void gateNode(NodeExecution node, List<Span> spans) {
    NodeExecutionClosure closure = node.getClosure();
    Timestamp startedAt = closure.hasStartedAt() ? closure.getStartedAt() : null;
    if (unset(startedAt)) {
      spans.add(operation(created(node), updated(node), NODE_SETUP));
      return;
    }
    spans.add(operation(created(node), startedAt, NODE_SETUP));
    if (unset(closure.hasDuration() ? closure.getDuration() : null)) {
      spans.add(operation(startedAt, updated(node), NODE_IDLE));
    } else {
      Timestamp end = plus(startedAt, closure.getDuration());
      spans.add(operation(startedAt, end, NODE_IDLE));
      spans.add(operation(end, updated(node), NODE_TEARDOWN));
    }
  }

  static Timestamp orEpoch(@Nullable Timestamp time) {
    return time == null ? Timestamp.getDefaultInstance() : time;
  }
}

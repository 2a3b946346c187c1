package org.flyte.runner.engine;

import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import org.flyte.common.storage.DataReference;

/**
 * A dynamic task's second phase ({@code flytepropeller/pkg/controller/nodes/dynamic/handler.go},
 * v1.16.8): the {@code futures.pb} the task wrote, compiled and run as a sub-graph.
 */
final class DynamicNode {

  private final GraphRun graph;
  private final NodeRef ref;

  DynamicNode(GraphRun graph, NodeRef ref, NodeExecutor.NodeOutcome outcome) {
    this.graph = graph;
    this.ref = ref;
  }

  LiteralMap run(TaskTemplate task, LiteralMap inputs, DataReference futures)
      throws NodeFailure.Raised {
    throw NodeFailure.user(
            "DynamicNotSupported",
            "task ["
                + task.getId().getName()
                + "] wrote a dynamic workflow ("
                + futures
                + "); the local runner does not run dynamic workflows yet",
            false)
        .raise();
  }
}

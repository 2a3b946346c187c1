package org.flyte.runner.engine;

import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Workflow.WorkflowMetadata.OnFailurePolicy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import org.flyte.common.storage.DataReference;
import org.flyte.compiler.k8s.model.NodeSpec;
import org.flyte.compiler.k8s.model.WorkflowSpec;

/**
 * Runs one graph (the workflow, a sub-workflow, a dynamic workflow) in topological order, each node
 * as soon as the nodes before it succeeded, as {@code
 * flytepropeller/pkg/controller/nodes/executor.go} walks it (v1.16.8): a node after a skipped one
 * is skipped; after a failure, the graph either cancels its running nodes ({@code
 * FAIL_IMMEDIATELY}) or lets them finish and starts nothing new ({@code
 * FAIL_AFTER_EXECUTABLE_NODES_COMPLETE}).
 */
final class GraphRun {

  static final String START = "start-node";
  static final String END = "end-node";

  final RunContext ctx;
  final WorkflowSpec spec;
  final ParentInfo parent;
  final DataReference baseDir;
  final Cancellation cancel;
  private final Map<String, LiteralMap> outputs = new ConcurrentHashMap<>();

  GraphRun(
      RunContext ctx,
      WorkflowSpec spec,
      ParentInfo parent,
      DataReference baseDir,
      LiteralMap inputs,
      Cancellation cancel) {
    this.ctx = ctx;
    this.spec = spec;
    this.parent = parent;
    this.baseDir = baseDir;
    this.cancel = cancel;
    outputs.put(START, inputs);
  }

  /** The outputs of a node that succeeded, or null. */
  LiteralMap outputsOf(String nodeId) {
    return outputs.get(nodeId);
  }

  void setOutputs(String nodeId, LiteralMap value) {
    outputs.put(nodeId, value);
    ended(nodeId);
  }

  private final Set<String> ended = ConcurrentHashMap.newKeySet();

  private void ended(String nodeId) {
    synchronized (ended) {
      ended.add(nodeId);
      ended.notifyAll();
    }
  }

  /**
   * Waits until the nodes {@code nodeId} depends on have ended (a branch's taken node may depend on
   * nodes the branch itself does not: propeller waits for them the same way).
   *
   * @throws NodeFailure.Raised when one of them did not succeed
   */
  void awaitUpstream(String nodeId) throws NodeFailure.Raised, InterruptedException {
    for (String up : spec.upstreamOf(nodeId)) {
      synchronized (ended) {
        while (!ended.contains(up) && !outputs.containsKey(up)) {
          cancel.check();
          ended.wait(200);
        }
      }
      if (!outputs.containsKey(up)) {
        throw NodeFailure.user(
                "UpstreamNodeNotSucceeded",
                "node [" + nodeId + "] needs node [" + up + "], which did not succeed",
                false)
            .raise();
      }
    }
  }

  private record Done(String nodeId, LiteralMap outputs, NodeFailure failure, RuntimeException e) {}

  /**
   * Runs the graph to its end node.
   *
   * @return the graph's outputs (its output bindings resolved)
   * @throws NodeFailure.Raised with the first node failure
   * @throws Cancellation.Cancelled when cancelled from above
   */
  LiteralMap run() throws NodeFailure.Raised, InterruptedException {
    Set<String> succeeded = new HashSet<>();
    Set<String> skipped = new HashSet<>();
    Set<String> started = new HashSet<>();
    succeeded.add(START);
    started.add(START);
    BlockingQueue<Done> done = new LinkedBlockingQueue<>();
    int running = 0;
    NodeFailure failure = null;
    RuntimeException crash = null;
    boolean endReached = false;
    Deque<String> candidates = new ArrayDeque<>(spec.downstreamOf(START));
    while (true) {
      while (failure == null && crash == null && !candidates.isEmpty()) {
        String id = candidates.poll();
        if (started.contains(id) || !ready(id, succeeded, skipped)) {
          continue;
        }
        started.add(id);
        if (END.equals(id)) {
          endReached = true;
          continue;
        }
        NodeSpec node = spec.node(id);
        if (spec.upstreamOf(id).stream().anyMatch(skipped::contains)) {
          new NodeExecutor(this).skip(node);
          skipped.add(id);
          ended(id);
          candidates.addAll(spec.downstreamOf(id));
          continue;
        }
        running++;
        ctx.threads.execute(() -> done.add(execute(node)));
      }
      if (running == 0) {
        break;
      }
      Done d = done.take();
      running--;
      if (d.outputs() != null) {
        outputs.put(d.nodeId(), d.outputs());
      }
      ended(d.nodeId());
      if (d.outputs() != null) {
        succeeded.add(d.nodeId());
        outputs.put(d.nodeId(), d.outputs());
        candidates.addAll(spec.downstreamOf(d.nodeId()));
      } else if (d.failure() != null && failure == null) {
        failure = d.failure();
        if (spec.onFailurePolicy() != OnFailurePolicy.FAIL_AFTER_EXECUTABLE_NODES_COMPLETE) {
          cancel.cancel("node [" + d.nodeId() + "] failed");
        }
      } else if (d.e() != null && crash == null && failure == null) {
        crash = d.e();
        cancel.cancel("node [" + d.nodeId() + "] could not be run: " + d.e().getMessage());
      }
    }
    if (crash != null) {
      throw crash;
    }
    if (failure != null) {
      throw failure.raise();
    }
    cancel.check();
    if (!endReached) {
      throw NodeFailure.system(
              "BadSpecification", "the graph ended without reaching its end node", false)
          .raise();
    }
    return Bindings.resolve(spec.outputBindings(), this::outputsOf);
  }

  private boolean ready(String id, Set<String> succeeded, Set<String> skipped) {
    for (String up : spec.upstreamOf(id)) {
      if (!succeeded.contains(up) && !skipped.contains(up)) {
        return false;
      }
    }
    return true;
  }

  private Done execute(NodeSpec node) {
    try {
      return new Done(node.id(), new NodeExecutor(this).execute(node, null), null, null);
    } catch (NodeFailure.Raised e) {
      return new Done(node.id(), null, e.failure(), null);
    } catch (RuntimeException e) {
      return new Done(node.id(), null, null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Done(node.id(), null, null, new Cancellation.Cancelled("interrupted"));
    } catch (Error e) {
      return new Done(
          node.id(),
          null,
          NodeFailure.system("RuntimeExecutionError", String.valueOf(e), false),
          null);
    }
  }
}

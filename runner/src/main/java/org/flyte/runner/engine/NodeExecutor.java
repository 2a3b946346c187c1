package org.flyte.runner.engine;

import flyteidl.core.Execution.NodeExecution;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Workflow.Alias;
import flyteidl.event.Event.NodeExecutionEvent;
import java.util.function.Consumer;
import org.flyte.common.storage.DataReference;
import org.flyte.compiler.k8s.model.NodeKind;
import org.flyte.compiler.k8s.model.NodeSpec;

/**
 * Runs one node of a graph: resolves and stores its inputs, reports it {@code QUEUED}, hands it to
 * the handler of its kind, stores its outputs and reports it {@code SUCCEEDED}, {@code FAILED},
 * {@code TIMED_OUT} or {@code ABORTED}. Follows {@code flytepropeller/pkg/controller/nodes/
 * executor.go} (v1.16.8).
 */
final class NodeExecutor {

  private final GraphRun graph;
  private final RunContext ctx;

  NodeExecutor(GraphRun graph) {
    this.graph = graph;
    this.ctx = graph.ctx;
  }

  NodeRef ref(NodeSpec node, DataReference dataDir) {
    return ref(node, dataDir, graph.parent);
  }

  NodeRef ref(NodeSpec node, DataReference dataDir, ParentInfo parent) {
    Identifier target = null;
    if (node.kind() == NodeKind.TASK && node.taskRef() != null) {
      target = ctx.task(node.taskRef()).getId();
    } else if (node.kind() == NodeKind.WORKFLOW
        && node.workflow() != null
        && node.workflow().launchPlanRefId() != null) {
      target = node.workflow().launchPlanRefId();
    }
    return new NodeRef(
        node,
        UniqueIds.node(parent, node.id()),
        parent,
        dataDir != null ? dataDir : graph.baseDir.resolve(node.id(), "data"),
        target);
  }

  /** Reports a node its graph skips. */
  void skip(NodeSpec node) {
    ctx.events.node(ref(node, null), NodeExecution.Phase.SKIPPED, e -> {});
  }

  /**
   * Runs {@code node}.
   *
   * @param dataDir its data directory; null for {@code <graph dir>/<node id>/data}
   * @return its outputs, aliases applied
   */
  LiteralMap execute(NodeSpec node, DataReference dataDir)
      throws NodeFailure.Raised, InterruptedException {
    return execute(node, dataDir, graph.parent);
  }

  /**
   * Runs {@code node} as a child of {@code parent} (a branch's taken node runs under the branch
   * node, propeller's {@code getExecutionContextForDownstream}).
   */
  LiteralMap execute(NodeSpec node, DataReference dataDir, ParentInfo parent)
      throws NodeFailure.Raised, InterruptedException {
    graph.cancel.check();
    NodeRef ref = ref(node, dataDir, parent);
    boolean limited =
        ctx.parallelism != null
            && (node.kind() == NodeKind.TASK || node.kind() == NodeKind.WORKFLOW);
    if (limited) {
      RunContext.acquire(ctx.parallelism, graph.cancel);
    }
    NodeOutcome outcome = NodeOutcome.plain();
    try {
      LiteralMap inputs = Bindings.resolve(node.inputBindings(), graph::outputsOf);
      ctx.protos.write(ref.inputs(), inputs);
      ctx.events.node(ref, NodeExecution.Phase.QUEUED, e -> {});
      LiteralMap outputs = handle(ref, inputs, outcome);
      outputs = aliased(node, outputs);
      DataReference outputsFile = ref.outputDir(outcome.attempt).resolve("outputs.pb");
      if (!outcome.outputsWritten) {
        ctx.protos.write(outputsFile, outputs);
      }
      ctx.events.node(
          ref,
          NodeExecution.Phase.SUCCEEDED,
          e -> {
            e.setOutputUri(outputsFile.toString());
            outcome.decorate.accept(e);
          });
      return outputs;
    } catch (NodeFailure.Raised e) {
      if (!outcome.reported) {
        NodeFailure f = e.failure();
        ctx.events.node(
            ref,
            f.timedOut() ? NodeExecution.Phase.TIMED_OUT : NodeExecution.Phase.FAILED,
            ev -> {
              ev.setError(f.error());
              outcome.decorate.accept(ev);
            });
        outcome.reported = true;
      }
      throw e;
    } catch (Cancellation.Cancelled e) {
      ctx.events.node(
          ref,
          NodeExecution.Phase.ABORTED,
          ev -> {
            ev.setError(
                NodeFailure.error(
                    flyteidl.core.Execution.ExecutionError.ErrorKind.SYSTEM,
                    "NodeAborted",
                    e.getMessage()));
            outcome.decorate.accept(ev);
          });
      throw e;
    } finally {
      if (limited) {
        ctx.parallelism.release();
      }
    }
  }

  private LiteralMap handle(NodeRef ref, LiteralMap inputs, NodeOutcome outcome)
      throws NodeFailure.Raised, InterruptedException {
    NodeSpec node = ref.spec();
    return switch (node.kind()) {
      case TASK -> new TaskNode(graph, ref, outcome).run(inputs);
      case BRANCH -> new BranchNode(graph, ref, outcome).run(inputs);
      case WORKFLOW ->
          node.workflow().subWorkflowRef() != null
              ? new SubWorkflowNode(graph, ref, outcome).run(inputs)
              : new LaunchPlanNode(graph, ref, outcome).run(inputs);
      case GATE -> new GateNode(graph, ref, outcome).run(inputs);
      case ARRAY -> new ArrayNode(graph, ref, outcome).run(inputs);
      default ->
          throw NodeFailure.system(
                  "UnsupportedNodeKind",
                  "node kind ["
                      + node.kind().json()
                      + "] is not supported by the local runner; it needs a cluster",
                  false)
              .raise();
    };
  }

  private static LiteralMap aliased(NodeSpec node, LiteralMap outputs) {
    if (node.outputAliases() == null) {
      return outputs;
    }
    LiteralMap.Builder out = outputs.toBuilder();
    for (Alias a : node.outputAliases()) {
      if (outputs.containsLiterals(a.getVar())) {
        out.putLiterals(a.getAlias(), outputs.getLiteralsOrThrow(a.getVar()));
      }
    }
    return out.build();
  }

  /** What a handler tells the executor about the node's last events. */
  static final class NodeOutcome {
    int attempt;
    boolean outputsWritten;
    boolean reported;
    Consumer<NodeExecutionEvent.Builder> decorate = e -> {};

    static NodeOutcome plain() {
      return new NodeOutcome();
    }
  }
}

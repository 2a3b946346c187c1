package org.flyte.compiler;

import flyteidl.core.Compiler.ConnectionSet;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Workflow.Node;
import flyteidl.core.Workflow.WorkflowTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.flyte.compiler.errors.CompileError;
import org.flyte.compiler.errors.CompileErrors;
import org.flyte.compiler.graph.CompilingNode;
import org.flyte.compiler.graph.EdgeDirection;
import org.flyte.compiler.graph.Edges;
import org.flyte.compiler.graph.Identifiers;
import org.flyte.compiler.graph.LaunchPlanInterface;
import org.flyte.compiler.graph.NodeIds;
import org.flyte.compiler.graph.SubWorkflowEntry;
import org.flyte.compiler.graph.TaskEntry;
import org.flyte.compiler.graph.WorkflowScope;
import org.flyte.compiler.validators.BindingValidator;
import org.flyte.compiler.validators.InterfaceValidator;
import org.flyte.compiler.validators.NodeValidator;

/**
 * The compilation of one workflow template, primary or sub-workflow (Go: {@code ValidateWorkflow}
 * and the graph methods of {@code workflowBuilder} in {@code workflow_compiler.go}, v1.16.8).
 *
 * <p>Steps: validate the interface; add {@code start-node} (outputs = workflow inputs) and {@code
 * end-node} (inputs = workflow outputs); add and validate every node in order (a repeated id is
 * validated but not added); in sorted id order add each node's explicit and binding edges; validate
 * the failure node (upstream edges only); connect every top-level node without upstream to {@code
 * start-node} and without downstream to {@code end-node}; check the workflow outputs; finally walk
 * the graph from {@code start-node} for cycles and unreachable nodes.
 *
 * <p>Everything is linear or n·log n in the number of nodes and edges: the adjacency is kept in
 * sorted sets and the reachability walk visits each node once (Go's walk does not remember finished
 * nodes and can revisit shared descendants once per path).
 */
final class WorkflowBuild implements WorkflowScope {

  /** A compiled workflow template and its connections. */
  record Result(WorkflowTemplate template, ConnectionSet connections) {}

  private final CompilationContext context;
  private final WorkflowTemplate source;
  private TypedInterface iface;
  private final Map<String, CompilingNode> nodes = new HashMap<>();
  private final Map<Node.Builder, CompilingNode> wrappers = new IdentityHashMap<>();
  private final Edges edges = new Edges();
  private final Set<Identifier> compiledSubWorkflows = new HashSet<>();

  private WorkflowBuild(CompilationContext context, WorkflowTemplate source) {
    this.context = context;
    this.source = source;
  }

  /** Compiles {@code template}; null (with errors collected) when it does not compile. */
  static Result compile(CompilationContext context, WorkflowTemplate template, CompileErrors errs) {
    int mark = errs.mark();
    if (template.getNodesCount() == 0) {
      errs.collect(
          CompileError.noNodesFound(Identifiers.key(template.hasId() ? template.getId() : null)));
      return null;
    }
    WorkflowBuild build = new WorkflowBuild(context, template);
    int ifaceMark = errs.mark();
    build.iface =
        InterfaceValidator.validateInterface(
            NodeIds.START_NODE, template.hasInterface() ? template.getInterface() : null, errs);
    if (errs.hasErrorsSince(ifaceMark)) {
      return null;
    }
    return build.run(errs, mark);
  }

  private Result run(CompileErrors errs, int mark) {
    CompilingNode start = new CompilingNode(Node.newBuilder().setId(NodeIds.START_NODE));
    start.setIface(TypedInterface.newBuilder().setOutputs(iface.getInputs()).build());
    CompilingNode end =
        new CompilingNode(
            Node.newBuilder().setId(NodeIds.END_NODE).addAllInputs(source.getOutputsList()));
    end.setIface(TypedInterface.newBuilder().setInputs(iface.getOutputs()).build());
    List<CompilingNode> added = new ArrayList<>(source.getNodesCount() + 2);
    add(start, added);
    add(end, added);

    Set<String> topLevel = new HashSet<>();
    for (Node original : source.getNodesList()) {
      topLevel.add(original.getId());
      CompilingNode node = wrap(original.toBuilder());
      add(node, added);
      NodeValidator.validateNode(this, node, false, errs);
    }

    List<String> sortedIds = new ArrayList<>(new TreeSet<>(nodes.keySet()));
    for (String id : sortedIds) {
      if (!id.equals(NodeIds.START_NODE)) {
        addEdges(nodes.get(id), EdgeDirection.BIDIRECTIONAL, errs);
      }
    }

    CompilingNode failure = null;
    if (source.hasFailureNode()) {
      failure = wrap(source.getFailureNode().toBuilder());
      NodeValidator.validateNode(this, failure, false, errs);
      addEdges(failure, EdgeDirection.UPSTREAM, errs);
    }

    for (String id : sortedIds) {
      if (NodeIds.isSentinel(id) || !topLevel.contains(id)) {
        continue;
      }
      if (!edges.hasUpstream(id)) {
        edges.addExecution(NodeIds.START_NODE, id);
      }
      if (!edges.hasDownstream(id)) {
        edges.addExecution(id, NodeIds.END_NODE);
      }
    }

    int endMark = errs.mark();
    InterfaceValidator.validateInterface(end.id(), end.iface(), errs);
    if (!errs.hasErrorsSince(endMark)) {
      BindingValidator.validateBindings(
          this,
          end,
          end.node().getInputsBuilderList(),
          end.iface().getInputs(),
          true,
          EdgeDirection.BIDIRECTIONAL,
          errs);
    }

    validateReachable(errs);
    if (errs.hasErrorsSince(mark)) {
      return null;
    }
    WorkflowTemplate.Builder out = source.toBuilder().setInterface(iface).clearNodes();
    for (CompilingNode node : added) {
      out.addNodes(node.node().build());
    }
    out.clearOutputs().addAllOutputs(end.node().getInputsList());
    if (failure != null) {
      out.setFailureNode(failure.node().build());
    }
    return new Result(out.build(), edges.toConnectionSet());
  }

  /** Adds a node unless its id is taken (Flyte silently keeps the first of two equal ids). */
  private void add(CompilingNode node, List<CompilingNode> added) {
    if (nodes.putIfAbsent(node.id(), node) == null) {
      added.add(node);
    }
  }

  /**
   * Depth-first walk of the downstream edges from {@code start-node}: a back edge is a cycle,
   * reported with its path ({@code start-node>a>b>a}); otherwise every node but {@code end-node}
   * must have been reached. Neighbours are visited in sorted order, so the path is deterministic.
   */
  private void validateReachable(CompileErrors errs) {
    Map<String, Boolean> onPath = new HashMap<>();
    List<String> path = new ArrayList<>();
    List<Iterator<String>> next = new ArrayList<>();
    path.add(NodeIds.START_NODE);
    next.add(edges.downstreamOf(NodeIds.START_NODE).iterator());
    onPath.put(NodeIds.START_NODE, true);
    while (!path.isEmpty()) {
      Iterator<String> it = next.get(next.size() - 1);
      if (!it.hasNext()) {
        onPath.put(path.remove(path.size() - 1), false);
        next.remove(next.size() - 1);
        continue;
      }
      String id = it.next();
      Boolean state = onPath.get(id);
      if (Boolean.TRUE.equals(state)) {
        List<String> cycle = new ArrayList<>(path);
        cycle.add(id);
        errs.collect(CompileError.cycleDetected(NodeIds.START_NODE, String.join(">", cycle)));
        return;
      }
      if (state == null) {
        onPath.put(id, true);
        path.add(id);
        next.add(edges.downstreamOf(id).iterator());
      }
    }
    if (onPath.size() != nodes.size()) {
      TreeSet<String> unreachable = new TreeSet<>(nodes.keySet());
      unreachable.removeAll(onPath.keySet());
      unreachable.remove(NodeIds.END_NODE);
      if (!unreachable.isEmpty()) {
        errs.collect(
            CompileError.unreachableNodes(NodeIds.START_NODE, String.join(",", unreachable)));
      }
    }
  }

  @Override
  public CompilingNode node(String id) {
    return nodes.get(id);
  }

  @Override
  public CompilingNode wrap(Node.Builder node) {
    return wrappers.computeIfAbsent(node, CompilingNode::new);
  }

  @Override
  public Identifier workflowId() {
    return source.getId();
  }

  @Override
  public boolean hasWorkflowId() {
    return source.hasId();
  }

  @Override
  public TypedInterface workflowInterface() {
    return iface;
  }

  @Override
  public TaskEntry task(Identifier id) {
    return context.task(id);
  }

  @Override
  public LaunchPlanInterface launchPlan(Identifier id) {
    return context.launchPlan(id);
  }

  @Override
  public SubWorkflowEntry subWorkflow(Identifier id) {
    return context.subWorkflow(id);
  }

  @Override
  public boolean isSubWorkflowCompiled(Identifier id) {
    return compiledSubWorkflows.contains(id);
  }

  @Override
  public boolean compileSubWorkflow(
      String nodeId, SubWorkflowEntry subWorkflow, CompileErrors errs) {
    if (subWorkflow.compiling()) {
      errs.collect(CompileError.cycleDetected(nodeId, Identifiers.key(subWorkflow.id())));
      return false;
    }
    subWorkflow.setCompiling(true);
    try {
      Result result = compile(context, subWorkflow.template(), errs);
      if (result == null) {
        return false;
      }
      subWorkflow.store(result.template(), result.connections());
      compiledSubWorkflows.add(subWorkflow.id());
      return true;
    } finally {
      subWorkflow.setCompiling(false);
    }
  }

  @Override
  public Edges edges() {
    return edges;
  }

  @Override
  public void addEdges(CompilingNode node, EdgeDirection direction, CompileErrors errs) {
    if (node.iface() == null) {
      return;
    }
    if (direction != EdgeDirection.UPSTREAM) {
      for (String upstream : node.node().getUpstreamNodeIdsList()) {
        edges.addExecution(upstream, node.id());
      }
    }
    BindingValidator.validateBindings(
        this,
        node,
        node.node().getInputsBuilderList(),
        node.iface().getInputs(),
        true,
        direction,
        errs);
  }
}

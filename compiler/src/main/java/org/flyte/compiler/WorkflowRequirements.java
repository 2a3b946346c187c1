package org.flyte.compiler;

import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.Workflow.BranchNode;
import flyteidl.core.Workflow.IfBlock;
import flyteidl.core.Workflow.Node;
import flyteidl.core.Workflow.WorkflowNode;
import flyteidl.core.Workflow.WorkflowTemplate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flyte.compiler.errors.CompileError;
import org.flyte.compiler.errors.CompileErrors;
import org.flyte.compiler.graph.Identifiers;
import org.flyte.compiler.graph.SubWorkflowEntry;

/**
 * The tasks and launch plans a workflow needs before it can be compiled (Go: {@code
 * requirements.go}, v1.16.8): collected from every node, the failure node, branch cases, array
 * sub-nodes and, through sub-workflow references, the referenced sub-workflows' nodes; without
 * duplicates and sorted by resource type, project, domain, name and version.
 *
 * @param taskIds the tasks task nodes reference
 * @param launchPlanIds the launch plans workflow nodes reference
 */
public record WorkflowRequirements(List<Identifier> taskIds, List<Identifier> launchPlanIds) {

  public WorkflowRequirements {
    taskIds = List.copyOf(taskIds);
    launchPlanIds = List.copyOf(launchPlanIds);
  }

  /**
   * Walks {@code template}; a sub-workflow reference missing from {@code subWorkflows} is a {@code
   * WorkflowReferenceNotFound} error on the referencing node. Each sub-workflow is walked once (Go
   * walks it again per reference, and forever when references form a cycle).
   */
  static WorkflowRequirements collect(
      WorkflowTemplate template,
      Map<Identifier, SubWorkflowEntry> subWorkflows,
      CompileErrors errs) {
    Walk walk = new Walk(subWorkflows, errs);
    walk.workflow(template);
    return new WorkflowRequirements(
        Identifiers.distinctSorted(walk.tasks), Identifiers.distinctSorted(walk.launchPlans));
  }

  private static final class Walk {
    final Map<Identifier, SubWorkflowEntry> subWorkflows;
    final CompileErrors errs;
    final List<Identifier> tasks = new ArrayList<>();
    final List<Identifier> launchPlans = new ArrayList<>();
    final Set<Identifier> walkedSubWorkflows = new HashSet<>();

    Walk(Map<Identifier, SubWorkflowEntry> subWorkflows, CompileErrors errs) {
      this.subWorkflows = subWorkflows;
      this.errs = errs;
    }

    void workflow(WorkflowTemplate template) {
      template.getNodesList().forEach(this::node);
      if (template.hasFailureNode()) {
        node(template.getFailureNode());
      }
    }

    void node(Node node) {
      if (node.hasTaskNode() && node.getTaskNode().hasReferenceId()) {
        tasks.add(node.getTaskNode().getReferenceId());
      } else if (node.hasWorkflowNode()) {
        WorkflowNode workflowNode = node.getWorkflowNode();
        if (workflowNode.hasLaunchplanRef()) {
          launchPlans.add(workflowNode.getLaunchplanRef());
        } else if (workflowNode.hasSubWorkflowRef()) {
          Identifier ref = workflowNode.getSubWorkflowRef();
          SubWorkflowEntry subWorkflow = subWorkflows.get(ref);
          if (subWorkflow == null) {
            errs.collect(
                CompileError.workflowReferenceNotFound(node.getId(), Identifiers.key(ref)));
          } else if (walkedSubWorkflows.add(ref)) {
            workflow(subWorkflow.template());
          }
        }
      } else if (node.hasBranchNode()) {
        BranchNode branch = node.getBranchNode();
        if (branch.getIfElse().getCase().hasThenNode()) {
          node(branch.getIfElse().getCase().getThenNode());
        }
        for (IfBlock other : branch.getIfElse().getOtherList()) {
          if (other.hasThenNode()) {
            node(other.getThenNode());
          }
        }
        if (branch.getIfElse().hasElseNode()) {
          node(branch.getIfElse().getElseNode());
        }
      } else if (node.hasArrayNode() && node.getArrayNode().hasNode()) {
        node(node.getArrayNode().getNode());
      }
    }
  }
}

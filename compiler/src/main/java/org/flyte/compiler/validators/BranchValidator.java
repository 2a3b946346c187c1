package org.flyte.compiler.validators;

import flyteidl.core.Condition.BooleanExpression;
import flyteidl.core.Condition.ComparisonExpression;
import flyteidl.core.Condition.Operand;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Workflow.IfBlock;
import flyteidl.core.Workflow.IfElseBlock;
import flyteidl.core.Workflow.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.flyte.compiler.errors.CompileError;
import org.flyte.compiler.errors.CompileErrors;
import org.flyte.compiler.graph.CompilingNode;
import org.flyte.compiler.graph.EdgeDirection;
import org.flyte.compiler.graph.ProtoText;
import org.flyte.compiler.graph.WorkflowScope;
import org.flyte.compiler.typing.LiteralTypeInference;

/**
 * Branch nodes (Go: {@code validators/branch.go}, {@code validators/condition.go} and {@code
 * ValidateBranchNode} in {@code validators/node.go}, v1.16.8).
 *
 * <p>Every inner node (then-nodes of all cases, else-node) is renamed {@code <branch>-<inner>}. The
 * branch's outputs are the outputs every case has, each with exactly the same type in all cases;
 * its inputs are discovered from its own bindings. Every case needs a condition and a then-node;
 * the branch needs an else-node or an error. Comparison operands are primitives or input variables,
 * and when both types are known they must be identical (a scalar operand is not accepted in this
 * version of Flyte).
 */
public final class BranchValidator {

  private BranchValidator() {}

  /** The interface of a branch node (Go: {@code validateBranchInterface}); null on error. */
  static TypedInterface branchInterface(
      WorkflowScope scope, CompilingNode node, CompileErrors errs) {
    int mark = errs.mark();
    Node.Builder n = node.node();
    if (!n.getBranchNode().hasIfElse()) {
      errs.collect(CompileError.valueRequired(node.id(), "Branch.IfElse"));
      return null;
    }
    IfElseBlock ifElse = n.getBranchNode().getIfElse();
    if (!ifElse.hasCase()) {
      errs.collect(CompileError.valueRequired(node.id(), "Branch.IfElse.Case"));
      return null;
    }
    if (!ifElse.getCase().hasThenNode()) {
      errs.collect(CompileError.valueRequired(node.id(), "Branch.IfElse.Case.ThenNode"));
      return null;
    }
    IfElseBlock.Builder block = n.getBranchNodeBuilder().getIfElseBuilder();
    List<Node.Builder> cases = new ArrayList<>();
    cases.add(block.getCaseBuilder().getThenNodeBuilder());
    for (IfBlock.Builder other : block.getOtherBuilderList()) {
      if (!other.hasThenNode()) {
        errs.collect(CompileError.valueRequired(node.id(), "IfElse.Case.ThenNode"));
        continue;
      }
      cases.add(other.getThenNodeBuilder());
    }
    if (block.hasElseNode()) {
      cases.add(block.getElseNodeBuilder());
    }

    Map<String, Variable> outputs = null;
    Set<String> common = null;
    for (Node.Builder inner : cases) {
      CompilingNode innerNode = scope.wrap(inner);
      innerNode.setId(node.id() + "-" + innerNode.id());
      int innerMark = errs.mark();
      TypedInterface innerIface = InterfaceValidator.underlyingInterface(scope, innerNode, errs);
      if (errs.hasErrorsSince(innerMark)) {
        if (innerNode.unresolvedReference()) {
          node.markUnresolvedReference();
        }
        continue;
      }
      Map<String, Variable> innerOutputs = innerIface.getOutputs().getVariablesMap();
      if (outputs == null) {
        outputs = innerOutputs;
        common = new TreeSet<>(innerOutputs.keySet());
        continue;
      }
      common.retainAll(innerOutputs.keySet());
      for (String name : common) {
        if (Variables.hasType(
            innerNode.id(), name, outputs.get(name), innerOutputs.get(name).getType(), errs)) {
          Variables.hasType(
              innerNode.id(), name, innerOutputs.get(name), outputs.get(name).getType(), errs);
        }
      }
    }

    VariableMap inputs =
        BindingValidator.validateBindings(
            scope,
            node,
            n.getInputsBuilderList(),
            Variables.EMPTY,
            false,
            EdgeDirection.UPSTREAM,
            errs);
    if (errs.hasErrorsSince(mark) || outputs == null) {
      return null;
    }
    Map<String, Variable> shared = new HashMap<>();
    for (String name : common) {
      shared.put(name, outputs.get(name));
    }
    return TypedInterface.newBuilder().setInputs(inputs).setOutputs(Variables.map(shared)).build();
  }

  /**
   * Validates the cases of a branch node and its inner nodes (Go: {@code ValidateBranchNode});
   * returns the inner nodes that validated.
   */
  static List<CompilingNode> validateBranchNode(
      WorkflowScope scope, CompilingNode node, boolean requireParamType, CompileErrors errs) {
    Node.Builder n = node.node();
    IfElseBlock.Builder block =
        n.getBranchNode().hasIfElse()
            ? n.getBranchNodeBuilder().getIfElseBuilder()
            : IfElseBlock.newBuilder();
    List<IfBlock.Builder> cases = new ArrayList<>();
    if (!block.hasCase()) {
      errs.collect(CompileError.branchNodeHasNoCondition(node.id()));
    } else {
      cases.add(block.getCaseBuilder());
    }
    cases.addAll(block.getOtherBuilderList());
    List<CompilingNode> inner = new ArrayList<>();
    for (IfBlock.Builder c : cases) {
      validateExpression(node, c.hasCondition() ? c.getCondition() : null, requireParamType, errs);
      if (!c.hasThenNode()) {
        errs.collect(CompileError.branchNodeNotSpecified(node.id()));
      } else {
        inner.add(scope.wrap(c.getThenNodeBuilder()));
      }
    }
    if (block.hasElseNode()) {
      inner.add(scope.wrap(block.getElseNodeBuilder()));
    } else if (!block.hasError()) {
      errs.collect(CompileError.branchNodeHasNoDefault(node.id()));
    }
    List<CompilingNode> validated = new ArrayList<>();
    for (CompilingNode innerNode : inner) {
      if (NodeValidator.validateNode(scope, innerNode, requireParamType, errs)) {
        validated.add(innerNode);
      }
    }
    return validated;
  }

  private static void validateExpression(
      CompilingNode node, BooleanExpression expr, boolean requireParamType, CompileErrors errs) {
    if (expr == null) {
      errs.collect(CompileError.branchNodeHasNoCondition(node.id()));
      return;
    }
    switch (expr.getExprCase()) {
      case COMPARISON -> {
        ComparisonExpression comparison = expr.getComparison();
        int rightMark = errs.mark();
        LiteralType right =
            operandType(
                node,
                "RightValue",
                comparison.hasRightValue() ? comparison.getRightValue() : null,
                requireParamType,
                errs);
        boolean rightOk = !errs.hasErrorsSince(rightMark);
        int leftMark = errs.mark();
        LiteralType left =
            operandType(
                node,
                "LeftValue",
                comparison.hasLeftValue() ? comparison.getLeftValue() : null,
                requireParamType,
                errs);
        boolean leftOk = !errs.hasErrorsSince(leftMark);
        if (rightOk && leftOk && right != null && left != null && !right.equals(left)) {
          errs.collect(
              CompileError.mismatchingTypes(
                  node.id(),
                  "RightValue",
                  ProtoText.literalType(right),
                  ProtoText.literalType(left)));
        }
      }
      case CONJUNCTION -> {
        validateExpression(
            node,
            expr.getConjunction().hasLeftExpression()
                ? expr.getConjunction().getLeftExpression()
                : null,
            requireParamType,
            errs);
        validateExpression(
            node,
            expr.getConjunction().hasRightExpression()
                ? expr.getConjunction().getRightExpression()
                : null,
            requireParamType,
            errs);
      }
      case EXPR_NOT_SET -> errs.collect(CompileError.valueRequired(node.id(), "Expr"));
    }
  }

  private static LiteralType operandType(
      CompilingNode node,
      String name,
      Operand operand,
      boolean requireParamType,
      CompileErrors errs) {
    if (operand == null) {
      errs.collect(CompileError.valueRequired(node.id(), name));
      return null;
    }
    if (operand.hasPrimitive()) {
      return LiteralTypeInference.forPrimitive(operand.getPrimitive());
    }
    if (!operand.getVar().isEmpty()) {
      if (node.iface() == null) {
        errs.collect(CompileError.valueRequired(node.id(), operand.getVar()));
        return null;
      }
      Variable variable = Variables.inputVariable(node, operand.getVar(), requireParamType, errs);
      return variable == null ? null : variable.getType();
    }
    errs.collect(CompileError.valueRequired(node.id(), name + ".Val"));
    return null;
  }
}

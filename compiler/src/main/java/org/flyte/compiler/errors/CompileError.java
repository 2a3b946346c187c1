package org.flyte.compiler.errors;

import java.util.List;
import java.util.Objects;

/**
 * One compile error, following {@code flytepropeller/pkg/compiler/errors/error.go} and the
 * constructors of {@code compiler_errors.go} (v1.16.8). The factory methods produce Flyte's exact
 * descriptions; {@link #toString()} renders {@code Code: <code>, Node Id: <node>, Description:
 * <text>}.
 *
 * @param code what went wrong
 * @param nodeId the node the error is about ({@code start-node} for workflow-level problems, {@code
 *     root} for task and input problems)
 * @param description Flyte's human-readable text, which names the variable involved
 */
public record CompileError(ErrorCode code, String nodeId, String description) {

  public CompileError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(description, "description");
  }

  @Override
  public String toString() {
    return "Code: " + code.value() + ", Node Id: " + nodeId + ", Description: " + description;
  }

  public static CompileError branchNodeNotSpecified(String branchNodeId) {
    return new CompileError(
        ErrorCode.BRANCH_NODE_ID_NOT_FOUND, branchNodeId, "BranchNode not assigned");
  }

  public static CompileError branchNodeHasNoCondition(String branchNodeId) {
    return new CompileError(
        ErrorCode.BRANCH_NODE_HAS_NO_CONDITION,
        branchNodeId,
        "One of the branches on the node doesn't have a condition.");
  }

  public static CompileError branchNodeHasNoDefault(String branchNodeId) {
    return new CompileError(
        ErrorCode.BRANCH_NODE_HAS_NO_DEFAULT,
        branchNodeId,
        "Branch Node must have either the else case set or a default error.");
  }

  public static CompileError valueRequired(String nodeId, String paramName) {
    return new CompileError(
        ErrorCode.VALUE_REQUIRED, nodeId, "Value required [" + paramName + "].");
  }

  public static CompileError invalidValue(String nodeId, String paramName) {
    return new CompileError(ErrorCode.INVALID_VALUE, nodeId, "Invalid value [" + paramName + "].");
  }

  public static CompileError parameterNotBound(String nodeId, String paramName) {
    return new CompileError(
        ErrorCode.PARAMETER_NOT_BOUND, nodeId, "Parameter not bound [" + paramName + "].");
  }

  public static CompileError nodeReferenceNotFound(String nodeId, String referenceId) {
    return new CompileError(
        ErrorCode.NODE_REFERENCE_NOT_FOUND,
        nodeId,
        "Referenced node [" + referenceId + "] not found.");
  }

  public static CompileError workflowReferenceNotFound(String nodeId, String referenceId) {
    return new CompileError(
        ErrorCode.WORKFLOW_REFERENCE_NOT_FOUND,
        nodeId,
        "Referenced Workflow [" + referenceId + "] not found.");
  }

  public static CompileError taskReferenceNotFound(String nodeId, String referenceId) {
    return new CompileError(
        ErrorCode.TASK_REFERENCE_NOT_FOUND,
        nodeId,
        "Referenced Task [" + referenceId + "] not found.");
  }

  public static CompileError variableNameNotFound(
      String nodeId, String referenceId, String variableName) {
    return new CompileError(
        ErrorCode.VARIABLE_NAME_NOT_FOUND,
        nodeId,
        "Variable [" + variableName + "] not found on node [" + referenceId + "].");
  }

  public static CompileError parameterBoundMoreThanOnce(String nodeId, String paramName) {
    return new CompileError(
        ErrorCode.PARAMETER_BOUND_MORE_THAN_ONCE,
        nodeId,
        "Input [" + paramName + "] is bound more than once.");
  }

  public static CompileError duplicateAlias(String nodeId, String alias) {
    return new CompileError(
        ErrorCode.DUPLICATE_ALIAS,
        nodeId,
        "Duplicate alias ["
            + alias
            + "] found. An output alias can only be used once in the Workflow.");
  }

  public static CompileError duplicateId(String id) {
    return new CompileError(
        ErrorCode.DUPLICATE_ID, id, "Trying to insert two nodes with the same id.");
  }

  public static CompileError mismatchingTypes(
      String nodeId, String fromVar, String fromType, String toType) {
    return new CompileError(
        ErrorCode.MISMATCHING_TYPES,
        nodeId,
        "Variable ["
            + fromVar
            + "] (type ["
            + fromType
            + "]) doesn't match expected type ["
            + toType
            + "].");
  }

  public static CompileError mismatchingVariables(
      String nodeId, String fromVar, String fromType, String toVar, String toType) {
    return new CompileError(
        ErrorCode.MISMATCHING_TYPES,
        nodeId,
        "The output variable '"
            + fromVar
            + "' has type ["
            + fromType
            + "], but it's assigned to the input variable '"
            + toVar
            + "' which has type type ["
            + toType
            + "].");
  }

  public static CompileError invalidLiteralType(String nodeId, String inputVar, String cause) {
    return new CompileError(
        ErrorCode.INVALID_LITERAL_TYPE,
        nodeId,
        "Failed to validate literal type for [" + inputVar + "] with err: " + cause);
  }

  public static CompileError mismatchingBindings(
      String nodeId, String sinkParam, String expectedType, String receivedType) {
    return new CompileError(
        ErrorCode.MISMATCHING_BINDINGS,
        nodeId,
        "Input ["
            + sinkParam
            + "] on node ["
            + nodeId
            + "] expects bindings of type ["
            + expectedType
            + "].  Received ["
            + receivedType
            + "]");
  }

  public static CompileError fieldNotFound(
      String nodeId, String fromVar, String fromType, String key) {
    return new CompileError(
        ErrorCode.FIELD_NOT_FOUND,
        nodeId,
        "Variable [" + fromVar + "] (type [" + fromType + "]) doesn't have field [" + key + "].");
  }

  public static CompileError illegalEnumValue(
      String nodeId, String sinkParam, String receivedValue, List<String> expectedValues) {
    return new CompileError(
        ErrorCode.ILLEGAL_ENUM_VALUE,
        nodeId,
        "Input ["
            + sinkParam
            + "] on node ["
            + nodeId
            + "] is an Enum and expects value to be one of [["
            + String.join(" ", expectedValues)
            + "]].  Received ["
            + receivedValue
            + "]");
  }

  public static CompileError mismatchingInterfaces(String nodeId1, String nodeId2) {
    return new CompileError(
        ErrorCode.MISMATCHING_INTERFACES,
        nodeId1,
        "Interfaces of nodes [" + nodeId1 + "] and [" + nodeId2 + "] do not match.");
  }

  public static CompileError inconsistentTypes(
      String nodeId, String expectedType, String actualType) {
    return new CompileError(
        ErrorCode.INCONSISTENT_TYPES,
        nodeId,
        "Expected type: " + expectedType + " but found " + actualType);
  }

  public static CompileError workflowHasNoEntryNode(String graphId) {
    return new CompileError(
        ErrorCode.NO_ENTRY_NODE_FOUND,
        graphId,
        "Can't find a node to start executing Workflow [" + graphId + "].");
  }

  public static CompileError cycleDetected(String nodeId, String cycle) {
    return new CompileError(
        ErrorCode.CYCLE_DETECTED,
        nodeId,
        "A cycle has been detected while traversing the Workflow [" + cycle + "].");
  }

  public static CompileError unreachableNodes(String nodeId, String nodes) {
    return new CompileError(
        ErrorCode.UNREACHABLE_NODES,
        nodeId,
        "The Workflow contain unreachable nodes [" + nodes + "].");
  }

  public static CompileError unrecognizedValue(String nodeId, String value) {
    return new CompileError(
        ErrorCode.UNRECOGNIZED_VALUE, nodeId, "Unrecognized value [" + value + "].");
  }

  public static CompileError workflowBuildError(String message) {
    return new CompileError(ErrorCode.WORKFLOW_BUILD_ERROR, "", message);
  }

  public static CompileError valueCollision(String nodeId, String valueName, String value) {
    return new CompileError(
        ErrorCode.VALUE_COLLISION,
        nodeId,
        valueName + " is expected to be unique. " + value + " already exists.");
  }

  public static CompileError syntaxError(String nodeId, String element) {
    return new CompileError(
        ErrorCode.SYNTAX_ERROR, nodeId, "Failed to parse element [" + element + "].");
  }

  public static CompileError noNodesFound(String graphId) {
    return new CompileError(
        ErrorCode.NO_NODES_FOUND, graphId, "Can't find any nodes in workflow [" + graphId + "].");
  }

  public static CompileError ambiguousBindingUnionValue(
      String nodeId,
      String sinkParam,
      String expectedType,
      String binding,
      String match1,
      String match2) {
    return new CompileError(
        ErrorCode.AMBIGUOUS_BINDING_UNION_VALUE,
        nodeId,
        "Input ["
            + sinkParam
            + "] on node ["
            + nodeId
            + "] expects bindings of union type ["
            + expectedType
            + "].  Received ["
            + binding
            + "] which is ambiguous as both variants ["
            + match1
            + "] and ["
            + match2
            + "] match.");
  }

  public static CompileError incompatibleBindingUnionValue(
      String nodeId, String sinkParam, String expectedType, String binding) {
    return new CompileError(
        ErrorCode.INCOMPATIBLE_BINDING_UNION_VALUE,
        nodeId,
        "Input ["
            + sinkParam
            + "] on node ["
            + nodeId
            + "] expects bindings of union type ["
            + expectedType
            + "].  Received ["
            + binding
            + "] which does not match any of the variants.");
  }

  public static CompileError noConditionFound(String nodeId) {
    return new CompileError(
        ErrorCode.NO_CONDITION_FOUND,
        nodeId,
        "Can't find any condition in gate node [" + nodeId + "].");
  }
}

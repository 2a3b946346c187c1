package org.flyte.compiler.errors;

/**
 * The compile error codes of {@code flytepropeller/pkg/compiler/errors/compiler_errors.go}
 * (v1.16.8), with the exact string each one renders as.
 *
 * <p>{@link #MISMATCHING_INTERFACES} and {@link #INCONSISTENT_TYPES} are defined by Flyte but
 * raised by no validator; {@link #NO_ENTRY_NODE_FOUND}, {@link #WORKFLOW_BUILD_ERROR}, {@link
 * #VALUE_COLLISION} and {@link #INVALID_LITERAL_TYPE} belong to the FlyteWorkflow builder, which
 * lives outside this module; they are here so that every code has one home.
 */
public enum ErrorCode {
  CYCLE_DETECTED("CycleDetected"),
  BRANCH_NODE_ID_NOT_FOUND("BranchNodeIdNotFound"),
  BRANCH_NODE_HAS_NO_CONDITION("BranchNodeHasNoCondition"),
  BRANCH_NODE_HAS_NO_DEFAULT("BranchNodeHasNoDefault"),
  VALUE_REQUIRED("ValueRequired"),
  INVALID_VALUE("InvalidValue"),
  NODE_REFERENCE_NOT_FOUND("NodeReferenceNotFound"),
  TASK_REFERENCE_NOT_FOUND("TaskReferenceNotFound"),
  WORKFLOW_REFERENCE_NOT_FOUND("WorkflowReferenceNotFound"),
  VARIABLE_NAME_NOT_FOUND("VariableNameNotFound"),
  DUPLICATE_ALIAS("DuplicateAlias"),
  DUPLICATE_ID("DuplicateId"),
  MISMATCHING_TYPES("MismatchingTypes"),
  MISMATCHING_BINDINGS("MismatchingBindings"),
  MISMATCHING_INTERFACES("MismatchingInterfaces"),
  INCONSISTENT_TYPES("InconsistentTypes"),
  PARAMETER_BOUND_MORE_THAN_ONCE("ParameterBoundMoreThanOnce"),
  PARAMETER_NOT_BOUND("ParameterNotBound"),
  NO_ENTRY_NODE_FOUND("NoEntryNodeFound"),
  UNREACHABLE_NODES("UnreachableNodes"),
  UNRECOGNIZED_VALUE("UnrecognizedValue"),
  WORKFLOW_BUILD_ERROR("WorkflowBuildError"),
  VALUE_COLLISION("ValueCollision"),
  SYNTAX_ERROR("SyntaxError"),
  NO_NODES_FOUND("NoNodesFound"),
  ILLEGAL_ENUM_VALUE("IllegalEnumValue"),
  AMBIGUOUS_BINDING_UNION_VALUE("AmbiguousBindingUnionValue"),
  INCOMPATIBLE_BINDING_UNION_VALUE("IncompatibleBindingUnionValue"),
  NO_CONDITION_FOUND("NoConditionFound"),
  FIELD_NOT_FOUND("FieldNotFound"),
  INVALID_LITERAL_TYPE("InvalidLiteralType");

  private final String value;

  ErrorCode(String value) {
    this.value = value;
  }

  /** The code as Flyte writes it, e.g. {@code CycleDetected}. */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}

package org.flyte.admin.service.execution;

import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.flyte.admin.service.ProjectDomainValidator;
import org.flyte.admin.service.validation.ProjectValidator;
import org.flyte.common.error.FlyteException;

/**
 * The request checks of the execution RPCs, in Flyte's order and with its messages. Follows {@code
 * flyteadmin/pkg/manager/impl/validation/execution_validator.go} and {@code validation.go}
 * (v1.16.8). Literal maps and notifications are checked by the launch plan rules ({@link
 * ExecutionLiterals}).
 */
final class ExecutionRequests {

  /** The longest execution name: a Kubernetes label value. */
  static final int MAX_NAME_LENGTH = 63;

  private static final Pattern NAME = Pattern.compile("^[a-z][a-z\\-0-9]*$");

  private ExecutionRequests() {}

  /** {@code ValidateExecutionRequest}: the first failing check decides the error. */
  static void validateCreate(ExecutionCreateRequest request, ProjectDomainValidator projects) {
    requireNonEmpty(request.getProject(), "project");
    requireNonEmpty(request.getDomain(), "domain");
    if (!request.getName().isEmpty()) {
      validateName(request.getName().toLowerCase(Locale.ROOT));
    }
    projects.requireActive(request.getProject(), request.getDomain());
    if (!request.hasSpec()) {
      throw missing("spec");
    }
    ExecutionSpec spec = request.getSpec();
    Identifier launched = spec.getLaunchPlan();
    if (!spec.hasLaunchPlan()) {
      throw missing("id");
    }
    requireNonEmpty(launched.getProject(), "project");
    requireNonEmpty(launched.getDomain(), "domain");
    requireNonEmpty(launched.getName(), "name");
    requireNonEmpty(launched.getVersion(), "version");
    if (launched.getResourceType() != ResourceType.LAUNCH_PLAN
        && launched.getResourceType() != ResourceType.TASK) {
      throw FlyteException.invalidArgument(
          "Invalid reference entity resource type [%s], only [map[TASK:<nil> LAUNCH_PLAN:<nil>]]"
              + " allowed",
          launched.getResourceType() == ResourceType.UNRECOGNIZED
              ? String.valueOf(launched.getResourceTypeValue())
              : launched.getResourceType().name());
    }
    validateLiteralMap(request.getInputs(), "inputs");
    if (spec.hasNotifications()) {
      ExecutionLiterals.validateNotifications(spec.getNotifications().getNotificationsList());
    }
    ProjectValidator.validateLabels(spec.getLabels().getValuesMap());
  }

  /** {@code CheckValidExecutionID} on the lower-cased name. */
  static void validateName(String name) {
    if (name.length() > MAX_NAME_LENGTH) {
      throw FlyteException.invalidArgument(
          "size of name exceeded length %d : %s", MAX_NAME_LENGTH, name);
    }
    if (!NAME.matcher(name).matches()) {
      throw FlyteException.invalidArgument(
          "invalid name format: %s, does not match regex '%s'", name, NAME.pattern());
    }
  }

  /** {@code ValidateWorkflowExecutionIdentifier}. */
  static void validateId(WorkflowExecutionIdentifier id, boolean present) {
    if (!present) {
      throw missing("id");
    }
    requireNonEmpty(id.getProject(), "project");
    requireNonEmpty(id.getDomain(), "domain");
    requireNonEmpty(id.getName(), "name");
  }

  /**
   * {@code validateLiteralMap}: every key named, every literal with a value; a datetime must be a
   * valid timestamp (Flyte stops at the first datetime it meets; every one is checked here).
   */
  static void validateLiteralMap(LiteralMap map, String field) {
    for (Map.Entry<String, Literal> input : new TreeMap<>(map.getLiteralsMap()).entrySet()) {
      if (input.getKey().isEmpty()) {
        throw FlyteException.invalidArgument("missing key in %s", field);
      }
      Literal literal = input.getValue();
      if (literal.getValueCase() == Literal.ValueCase.VALUE_NOT_SET
          && !literal.hasOffloadedMetadata()) {
        throw FlyteException.invalidArgument(
            "missing valid literal in %s %s", field, input.getKey());
      }
      if (literal.getScalar().getPrimitive().hasDatetime()) {
        ExecutionLiterals.validateDatetime(literal);
      }
    }
  }

  static FlyteException missing(String field) {
    return FlyteException.invalidArgument("missing %s", field);
  }

  static void requireNonEmpty(String value, String field) {
    if (value == null || value.isEmpty()) {
      throw missing(field);
    }
  }
}

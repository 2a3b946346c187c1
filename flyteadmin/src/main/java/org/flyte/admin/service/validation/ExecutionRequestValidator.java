package org.flyte.admin.service.validation;

import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionSpec;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import java.util.Locale;
import java.util.regex.Pattern;
import org.flyte.common.error.FlyteException;

/**
 * The request checks of the execution RPCs, in Flyte's order and with its messages. Follows {@code
 * flyteadmin/pkg/manager/impl/validation/execution_validator.go} (v1.16.8). CreateExecution checks
 * the project (a database read) between the two halves: {@link #validateCreateNames}, then {@code
 * ProjectDomainValidator.requireActive}, then {@link #validateCreateSpec}.
 */
public final class ExecutionRequestValidator {

  /** The longest execution name: a Kubernetes label value. */
  public static final int MAX_NAME_LENGTH = 63;

  private static final Pattern NAME = Pattern.compile("^[a-z][a-z\\-0-9]*$");

  private ExecutionRequestValidator() {}

  /**
   * Project, domain, and the name when one is given (checked lower-cased, kept as sent); project
   * and domain are also parts a storage key can hold ({@link IdentifierValidator}).
   */
  public static void validateCreateNames(ExecutionCreateRequest request) {
    Validation.requireNonEmpty(request.getProject(), "project");
    Validation.requireNonEmpty(request.getDomain(), "domain");
    if (!request.getName().isEmpty()) {
      validateName(request.getName().toLowerCase(Locale.ROOT));
    }
    IdentifierValidator.validatePart("project", request.getProject());
    IdentifierValidator.validatePart("domain", request.getDomain());
  }

  /**
   * The spec: present, naming a launch plan or a task with every identifier field set; inputs with
   * values; valid notifications and labels.
   */
  public static void validateCreateSpec(ExecutionCreateRequest request) {
    if (!request.hasSpec()) {
      throw Validation.missing("spec");
    }
    ExecutionSpec spec = request.getSpec();
    Validation.identifierFields(spec.getLaunchPlan(), spec.hasLaunchPlan());
    ResourceType type = spec.getLaunchPlan().getResourceType();
    if (type != ResourceType.LAUNCH_PLAN && type != ResourceType.TASK) {
      throw FlyteException.invalidArgument(
          "Invalid reference entity resource type [%s], only [map[TASK:<nil> LAUNCH_PLAN:<nil>]]"
              + " allowed",
          type == ResourceType.UNRECOGNIZED
              ? String.valueOf(spec.getLaunchPlan().getResourceTypeValue())
              : type.name());
    }
    LaunchPlanSpecValidator.validateLiteralMap(request.getInputs(), "inputs");
    if (spec.hasNotifications()) {
      LaunchPlanSpecValidator.validateNotifications(spec.getNotifications().getNotificationsList());
    }
    ProjectValidator.validateLabels(spec.getLabels().getValuesMap());
  }

  /** {@code CheckValidExecutionID}: at most 63 characters of {@code [a-z][a-z-0-9]*}. */
  public static void validateName(String name) {
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
  public static void validateId(WorkflowExecutionIdentifier id, boolean present) {
    if (!present) {
      throw Validation.missing("id");
    }
    Validation.requireNonEmpty(id.getProject(), "project");
    Validation.requireNonEmpty(id.getDomain(), "domain");
    Validation.requireNonEmpty(id.getName(), "name");
  }
}

package org.flyte.admin.service.validation;

import flyteidl.admin.Common.Notification;
import flyteidl.admin.ScheduleOuterClass.Schedule;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.Interface.Parameter;
import flyteidl.core.Interface.ParameterMap;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.flyte.common.error.FlyteException;
import org.flyte.common.schedule.CronSchedule;
import org.flyte.compiler.graph.ProtoText;
import org.flyte.compiler.typing.Castability;
import org.flyte.compiler.typing.LiteralTypeInference;

/**
 * The checks CreateLaunchPlan makes on a spec against its workflow's interface: fixed and default
 * inputs, the expected inputs they reconcile into, the schedule and the notifications. Follows
 * {@code flyteadmin/pkg/manager/impl/validation/launch_plan_validator.go} (v1.16.8).
 */
public final class LaunchPlanSpecValidator {

  private static final Set<WorkflowExecution.Phase> TERMINAL_PHASES =
      Set.of(
          WorkflowExecution.Phase.SUCCEEDED,
          WorkflowExecution.Phase.FAILED,
          WorkflowExecution.Phase.TIMED_OUT,
          WorkflowExecution.Phase.ABORTED);

  private LaunchPlanSpecValidator() {}

  public static void validateFixedInputs(LiteralMap fixed) {
    validateLiteralMap(fixed, "fixed_inputs");
  }

  /**
   * {@code validateLiteralMap} (shared with execution inputs): every key named, every literal with
   * a value, every datetime a valid timestamp. Keys are visited in name order, so that of several
   * problems the same one is reported each time (Go's map order is random).
   */
  public static void validateLiteralMap(LiteralMap map, String field) {
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
        validateDatetime(literal);
      }
    }
  }

  public static void validateDefaultInputs(ParameterMap defaults) {
    for (Map.Entry<String, Parameter> input : defaults.getParametersMap().entrySet()) {
      String name = input.getKey();
      Parameter parameter = input.getValue();
      if (parameter.hasArtifactQuery()) {
        throw FlyteException.invalidArgument(
            "artifact mode not enabled but query found default_inputs %s", name);
      }
      if (name.isEmpty()) {
        throw FlyteException.invalidArgument("missing key in default_inputs");
      }
      if (!parameter.hasVar() || !parameter.getVar().hasType()) {
        throw FlyteException.invalidArgument(
            "The Variable component of the Parameter %s in default_inputs either is missing, or"
                + " has a missing Type",
            name);
      }
      if (!parameter.hasDefault() && !parameter.getRequired()) {
        throw FlyteException.invalidArgument(
            "Invalid variable %s in default_inputs - variable has neither default, nor is"
                + " required. One must be specified",
            name);
      }
      if (parameter.hasDefault()) {
        LiteralType declared = parameter.getVar().getType();
        LiteralType inferred =
            LiteralTypeInference.inferType(parameter.getDefault())
                .orElseThrow(
                    () ->
                        FlyteException.invalidArgument(
                            "Failed to validate literal type for [%s] with err: %s",
                            name, LiteralTypeInference.UNKNOWN_LITERAL_TYPE));
        if (!Castability.isCastable(inferred, declared)) {
          throw FlyteException.invalidArgument(
              "Type mismatch for Parameter %s in default_inputs has type %s, expected %s",
              name, ProtoText.render(declared), ProtoText.render(inferred));
        }
        if (declared.getSimple() == SimpleType.DATETIME && declared.hasSimple()) {
          validateDatetime(parameter.getDefault());
        }
      }
    }
  }

  /** protobuf's Timestamp.CheckValid: seconds in years 1-9999, nanos in [0, 1e9). */
  public static void validateDatetime(Literal literal) {
    var ts = literal.getScalar().getPrimitive().getDatetime();
    if (ts.getSeconds() < -62135596800L) {
      throw FlyteException.invalidArgument(
          "timestamp (%s) before 0001-01-01", ProtoText.render(ts).strip());
    }
    if (ts.getSeconds() >= 253402300800L) {
      throw FlyteException.invalidArgument(
          "timestamp (%s) after 9999-12-31", ProtoText.render(ts).strip());
    }
    if (ts.getNanos() < 0 || ts.getNanos() >= 1_000_000_000) {
      throw FlyteException.invalidArgument(
          "timestamp (%s) has out-of-range nanos", ProtoText.render(ts).strip());
    }
  }

  public static ParameterMap expectedInputs(
      Map<String, Variable> workflowInputs,
      Map<String, Literal> fixed,
      Map<String, Parameter> defaults) {
    if (workflowInputs.isEmpty()) {
      if (!defaults.isEmpty()) {
        throw FlyteException.invalidArgument(
            "invalid launch plan default inputs, expected none but found %d", defaults.size());
      }
      if (!fixed.isEmpty()) {
        throw FlyteException.invalidArgument(
            "invalid launch plan fixed inputs, expected none but found %d", fixed.size());
      }
      return ParameterMap.getDefaultInstance();
    }
    for (Map.Entry<String, Parameter> input : defaults.entrySet()) {
      Variable variable = workflowInputs.get(input.getKey());
      if (variable == null) {
        throw FlyteException.invalidArgument("unexpected default_input %s", input.getKey());
      }
      LiteralType type = input.getValue().getVar().getType();
      if (!Castability.isCastable(type, variable.getType())) {
        throw FlyteException.invalidArgument(
            "invalid default_input wrong type %s, expected %s, got %s instead",
            input.getKey(), ProtoText.render(type), ProtoText.render(variable.getType()));
      }
    }
    for (Map.Entry<String, Literal> input : fixed.entrySet()) {
      Variable variable = workflowInputs.get(input.getKey());
      if (variable == null) {
        throw FlyteException.invalidArgument("unexpected fixed_input %s", input.getKey());
      }
      String name = input.getKey();
      LiteralType type =
          LiteralTypeInference.inferType(input.getValue())
              .orElseThrow(
                  () ->
                      FlyteException.invalidArgument(
                          "Failed to validate literal type for [%s] with err: %s",
                          name, LiteralTypeInference.UNKNOWN_LITERAL_TYPE));
      if (!Castability.isCastable(type, variable.getType())) {
        throw FlyteException.invalidArgument(
            "invalid fixed_input wrong type %s, expected %s, got %s instead",
            name, ProtoText.render(variable.getType()), ProtoText.render(type));
      }
    }
    ParameterMap.Builder expected = ParameterMap.newBuilder();
    for (Map.Entry<String, Variable> input : workflowInputs.entrySet()) {
      Parameter given = defaults.get(input.getKey());
      if (given != null) {
        expected.putParameters(input.getKey(), given);
      } else if (!fixed.containsKey(input.getKey())) {
        expected.putParameters(
            input.getKey(),
            Parameter.newBuilder()
                .setVar(
                    Variable.newBuilder()
                        .setType(input.getValue().getType())
                        .setDescription(input.getValue().getDescription()))
                .setRequired(true)
                .build());
      }
    }
    return expected.build();
  }

  public static void validateSchedule(Schedule schedule, ParameterMap expected) {
    if (schedule.getCronExpression().isEmpty()
        && !schedule.hasRate()
        && !schedule.hasCronSchedule()) {
      return;
    }
    if (!schedule.getCronExpression().isEmpty()) {
      // Beyond Flyte, which accepts it here and then fails to activate it (INTERNAL).
      throw FlyteException.invalidArgument(
          "schedule.cron_expression [%s] is deprecated and cannot be scheduled: use"
              + " schedule.cron_schedule.schedule instead",
          schedule.getCronExpression());
    }
    String kickoff = schedule.getKickoffTimeInputArg();
    for (Map.Entry<String, Parameter> input :
        new java.util.TreeMap<>(expected.getParametersMap()).entrySet()) {
      if (input.getValue().getRequired() && !input.getKey().equals(kickoff)) {
        throw FlyteException.invalidArgument(
            "Cannot create a launch plan with a schedule if there is an unbound required input."
                + " [%s] is required",
            input.getKey());
      }
    }
    if (!kickoff.isEmpty()) {
      Parameter parameter = expected.getParametersMap().get(kickoff);
      if (parameter == null) {
        throw FlyteException.invalidArgument(
            "Cannot create a schedule with a KickoffTimeInputArg that does not point to a free"
                + " input. [%s] is not free or does not exist.",
            kickoff);
      }
      LiteralType type = parameter.getVar().getType();
      if (!type.hasSimple() || type.getSimple() != SimpleType.DATETIME) {
        throw FlyteException.invalidArgument(
            "KickoffTimeInputArg must reference a datetime input. [%s] is a [%s]",
            kickoff, ProtoText.render(type));
      }
    }
    String cron = schedule.getCronSchedule().getSchedule();
    if (!cron.isEmpty()) {
      CronSchedule.problem(cron)
          .ifPresent(
              problem -> {
                throw FlyteException.invalidArgument("Invalid cron expression: %s", problem);
              });
    }
  }

  public static void validateNotifications(List<Notification> notifications) {
    for (Notification notification : notifications) {
      List<String> recipients =
          switch (notification.getTypeCase()) {
            case EMAIL -> notification.getEmail().getRecipientsEmailList();
            case SLACK -> notification.getSlack().getRecipientsEmailList();
            case PAGER_DUTY -> notification.getPagerDuty().getRecipientsEmailList();
            default -> throw FlyteException.invalidArgument("invalid value for notification type");
          };
      if (recipients.isEmpty()) {
        throw FlyteException.invalidArgument("missing recipients");
      }
      if (recipients.stream().anyMatch(String::isEmpty)) {
        throw FlyteException.invalidArgument("missing recipient");
      }
      for (WorkflowExecution.Phase phase : notification.getPhasesList()) {
        if (!TERMINAL_PHASES.contains(phase)) {
          throw FlyteException.invalidArgument("invalid value for phase");
        }
      }
    }
  }
}

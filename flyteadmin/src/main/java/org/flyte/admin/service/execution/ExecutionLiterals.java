package org.flyte.admin.service.execution;

import flyteidl.admin.Common.Notification;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.Literals.Literal;
import java.util.List;
import java.util.Set;
import org.flyte.common.error.FlyteException;
import org.flyte.compiler.graph.ProtoText;

/** The literal and notification checks executions share with launch plans. */
final class ExecutionLiterals {

  private static final Set<WorkflowExecution.Phase> TERMINAL_PHASES =
      Set.of(
          WorkflowExecution.Phase.SUCCEEDED,
          WorkflowExecution.Phase.FAILED,
          WorkflowExecution.Phase.TIMED_OUT,
          WorkflowExecution.Phase.ABORTED);

  private ExecutionLiterals() {}

  /** protobuf's Timestamp.CheckValid: seconds in years 1-9999, nanos in [0, 1e9). */
  static void validateDatetime(Literal literal) {
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

  static void validateNotifications(List<Notification> notifications) {
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

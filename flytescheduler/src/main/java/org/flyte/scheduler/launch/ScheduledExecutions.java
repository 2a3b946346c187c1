package org.flyte.scheduler.launch;

import com.google.protobuf.Timestamp;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionMetadata;
import flyteidl.admin.ExecutionOuterClass.ExecutionMetadata.ExecutionMode;
import flyteidl.admin.ExecutionOuterClass.ExecutionSpec;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import java.time.Instant;
import org.flyte.scheduler.schedule.ScheduleNames;
import org.flyte.scheduler.schedule.ScheduleRow;

/**
 * The CreateExecution request of one slot, as the native scheduler sends it ({@code
 * flyteadmin/scheduler/executor/executor_impl.go}, v1.16.8): project and domain of the schedule,
 * the deterministic name, the launch plan version of the row, {@code mode = SCHEDULED}, {@code
 * scheduled_at} = the slot, and inputs holding only the kickoff-time argument, which only cron
 * schedules get (a fixed rate never does, as in Flyte). Nothing else: no org, no notifications.
 */
public final class ScheduledExecutions {

  private ScheduledExecutions() {}

  public static ExecutionCreateRequest request(ScheduleRow row, Instant slot) {
    Timestamp scheduledAt =
        Timestamp.newBuilder().setSeconds(slot.getEpochSecond()).setNanos(slot.getNano()).build();
    LiteralMap.Builder inputs = LiteralMap.newBuilder();
    if (row.isCron() && row.kickoffTimeInputArg() != null && !row.kickoffTimeInputArg().isEmpty()) {
      inputs.putLiterals(
          row.kickoffTimeInputArg(),
          Literal.newBuilder()
              .setScalar(
                  Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setDatetime(scheduledAt)))
              .build());
    }
    return ExecutionCreateRequest.newBuilder()
        .setProject(row.project())
        .setDomain(row.domain())
        .setName(ScheduleNames.executionName(row, slot))
        .setSpec(
            ExecutionSpec.newBuilder()
                .setLaunchPlan(row.launchPlan())
                .setMetadata(
                    ExecutionMetadata.newBuilder()
                        .setMode(ExecutionMode.SCHEDULED)
                        .setScheduledAt(scheduledAt)))
        .setInputs(inputs)
        .build();
  }
}

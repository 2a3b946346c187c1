package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flyte.admin.api.LaunchPlanFixtures.launchPlanId;
import static org.flyte.admin.api.LaunchPlanFixtures.request;
import static org.flyte.admin.api.LaunchPlanFixtures.standardInterface;

import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanMetadata;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanState;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanUpdateRequest;
import flyteidl.admin.ScheduleOuterClass.CronSchedule;
import flyteidl.admin.ScheduleOuterClass.Schedule;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.flyte.admin.AdminAppTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Beyond Flyte: a launch plan whose cron matches no date is refused at activation with a clear
 * message (Flyte accepts it and its scheduler fails at catch-up), and nothing changes.
 */
class NeverFiringScheduleTest extends AdminAppTest {

  @Autowired private JdbcClient jdbc;

  private Identifier created(String cron, String name) {
    LaunchPlanFixtures fixtures = new LaunchPlanFixtures(jdbc);
    String project = fixtures.project();
    Identifier workflow = fixtures.workflow(project, "wf", standardInterface());
    Identifier id = launchPlanId(project, name, "v1");
    var create = request(id, workflow);
    create
        .getSpecBuilder()
        .setEntityMetadata(
            LaunchPlanMetadata.newBuilder()
                .setSchedule(
                    Schedule.newBuilder()
                        .setCronSchedule(CronSchedule.newBuilder().setSchedule(cron))
                        .setKickoffTimeInputArg("kickoff")));
    AdminServiceGrpc.newBlockingStub(channel).createLaunchPlan(create.build());
    return id;
  }

  private void activate(Identifier id) {
    AdminServiceGrpc.newBlockingStub(channel)
        .updateLaunchPlan(
            LaunchPlanUpdateRequest.newBuilder()
                .setId(id)
                .setState(LaunchPlanState.ACTIVE)
                .build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0 0 31 2 *", "0 0 30 2 ?", "TZ=Europe/Berlin 0 0 31 4,6,9,11 *"})
  void aCronThatCanNeverFireIsRefusedAtActivation(String cron) {
    Identifier id = created(cron, "never");

    StatusRuntimeException refused = null;
    try {
      activate(id);
    } catch (StatusRuntimeException e) {
      refused = e;
    }

    assertThat(refused).isNotNull();
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refused.getStatus().getDescription())
        .isEqualTo(
            "Schedule '"
                + cron
                + "' of launch plan resource_type:LAUNCH_PLAN project:\""
                + id.getProject()
                + "\" domain:\"development\" name:\"never\" version:\"v1\" can never fire: no date"
                + " matches it");
    assertThat(
            jdbc.sql("SELECT count(*) FROM schedulable_entities WHERE project = :p")
                .param("p", id.getProject())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aRareButRealDateIsAccepted() {
    Identifier id = created("0 0 29 2 *", "leap");
    activate(id);
    assertThat(
            jdbc.sql("SELECT active FROM schedulable_entities WHERE project = :p")
                .param("p", id.getProject())
                .query(Boolean.class)
                .single())
        .isTrue();
  }
}

package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flyte.admin.api.LaunchPlanFixtures.DOMAIN;
import static org.flyte.admin.api.LaunchPlanFixtures.datetime;
import static org.flyte.admin.api.LaunchPlanFixtures.defaultParameter;
import static org.flyte.admin.api.LaunchPlanFixtures.integer;
import static org.flyte.admin.api.LaunchPlanFixtures.launchPlanId;
import static org.flyte.admin.api.LaunchPlanFixtures.request;
import static org.flyte.admin.api.LaunchPlanFixtures.standardInterface;
import static org.flyte.admin.api.LaunchPlanFixtures.string;

import com.google.protobuf.Any;
import flyteidl.admin.Common.EmailNotification;
import flyteidl.admin.Common.Labels;
import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.admin.Common.NamedEntityIdentifierList;
import flyteidl.admin.Common.NamedEntityIdentifierListRequest;
import flyteidl.admin.Common.Notification;
import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.Common.Sort;
import flyteidl.admin.LaunchPlanOuterClass.ActiveLaunchPlanListRequest;
import flyteidl.admin.LaunchPlanOuterClass.ActiveLaunchPlanRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanCreateRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanList;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanMetadata;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanSpec;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanState;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanUpdateRequest;
import flyteidl.admin.ScheduleOuterClass.CronSchedule;
import flyteidl.admin.ScheduleOuterClass.FixedRate;
import flyteidl.admin.ScheduleOuterClass.FixedRateUnit;
import flyteidl.admin.ScheduleOuterClass.Schedule;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Interface.Parameter;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Types.SimpleType;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.AdminServiceGrpc.AdminServiceBlockingStub;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.flyte.admin.AdminAppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Launch plans over gRPC: registration, activation with schedules, lookups and lists. */
class LaunchPlanGrpcTest extends AdminAppTest {

  @Autowired private JdbcClient jdbc;
  @Autowired private javax.sql.DataSource dataSource;

  private LaunchPlanFixtures fixtures;
  private AdminServiceBlockingStub admin;
  private String project;
  private Identifier workflow;

  @BeforeEach
  void setUp() {
    fixtures = new LaunchPlanFixtures(jdbc);
    admin = AdminServiceGrpc.newBlockingStub(channel);
    project = fixtures.project();
    workflow = fixtures.workflow(project, "wf", standardInterface());
  }

  private LaunchPlan get(Identifier id) {
    return admin.getLaunchPlan(ObjectGetRequest.newBuilder().setId(id).build());
  }

  private void setState(Identifier id, LaunchPlanState state) {
    admin.updateLaunchPlan(LaunchPlanUpdateRequest.newBuilder().setId(id).setState(state).build());
  }

  private static Status.Code code(Runnable call) {
    try {
      call.run();
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode();
    }
    return Status.Code.OK;
  }

  private static StatusRuntimeException failure(Runnable call) {
    try {
      call.run();
    } catch (StatusRuntimeException e) {
      return e;
    }
    throw new AssertionError("expected the call to fail");
  }

  private LaunchPlanCreateRequest.Builder scheduled(Identifier id, Schedule schedule) {
    LaunchPlanCreateRequest.Builder request = request(id, workflow);
    request
        .getSpecBuilder()
        .setEntityMetadata(LaunchPlanMetadata.newBuilder().setSchedule(schedule));
    return request;
  }

  private static Schedule cron(String text) {
    return Schedule.newBuilder()
        .setCronSchedule(CronSchedule.newBuilder().setSchedule(text))
        .setKickoffTimeInputArg("kickoff")
        .build();
  }

  private Map<String, Object> scheduleRow(Identifier id) {
    return jdbc.sql(
            "SELECT cron_expression, fixed_rate_value, unit, kickoff_time_input_arg, active"
                + " FROM schedulable_entities WHERE project = :p AND domain = :d AND name = :n"
                + " AND version = :v")
        .param("p", id.getProject())
        .param("d", id.getDomain())
        .param("n", id.getName())
        .param("v", id.getVersion())
        .query()
        .singleRow();
  }

  @Test
  void createStoresAnInactiveLaunchPlanWithExpectedInputsAndOutputs() {
    Identifier id = launchPlanId(project, "lp", "v1");
    admin.createLaunchPlan(request(id, workflow).build());

    LaunchPlan stored = get(id);
    assertThat(stored.getId()).isEqualTo(id);
    assertThat(stored.getClosure().getState()).isEqualTo(LaunchPlanState.INACTIVE);
    assertThat(stored.getClosure().hasCreatedAt()).isTrue();
    assertThat(stored.getClosure().hasUpdatedAt()).isTrue();
    Map<String, Parameter> expected = stored.getClosure().getExpectedInputs().getParametersMap();
    assertThat(expected).containsOnlyKeys("a", "kickoff");
    assertThat(expected.get("a").getDefault()).isEqualTo(integer(5));
    assertThat(expected.get("kickoff").getRequired()).isTrue();
    assertThat(expected.get("kickoff").getVar().getDescription()).isEqualTo("the scheduled time");
    assertThat(stored.getSpec().getDefaultInputs())
        .isEqualTo(stored.getClosure().getExpectedInputs());
    assertThat(stored.getClosure().getExpectedOutputs().getVariablesMap()).containsOnlyKeys("o");
    assertThat(
            jdbc.sql(
                    "SELECT state, schedule_type, launch_condition_type IS NULL AS no_condition,"
                        + " workflow_id = (SELECT id FROM workflows WHERE project = :p AND name ="
                        + " 'wf') AS linked FROM launch_plans WHERE project = :p")
                .param("p", project)
                .query()
                .singleRow())
        .containsEntry("state", 0)
        .containsEntry("schedule_type", "NONE")
        .containsEntry("no_condition", true)
        .containsEntry("linked", true);
  }

  @Test
  void reRegistrationIsAlreadyExistsWhenIdenticalAndInvalidArgumentWithADiffWhenNot() {
    Identifier id = launchPlanId(project, "lp", "v1");
    admin.createLaunchPlan(request(id, workflow).build());

    StatusRuntimeException identical =
        failure(() -> admin.createLaunchPlan(request(id, workflow).build()));
    assertThat(identical.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(identical.getStatus().getDescription())
        .isEqualTo("launch plan with identical structure already exists");

    LaunchPlanCreateRequest.Builder different = request(id, workflow);
    different.getSpecBuilder().getFixedInputsBuilder().putLiterals("b", string("y"));
    StatusRuntimeException conflict = failure(() -> admin.createLaunchPlan(different.build()));
    assertThat(conflict.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(conflict.getStatus().getDescription())
        .startsWith(
            "lp launch plan with different structure already exists. (Please register a new"
                + " version of the launch plan):\n")
        .contains("/fixedInputs/literals/b/scalar/primitive/stringValue:\n\t- x \n\t+ y");
    assertThat(get(id).getSpec().getFixedInputs().getLiteralsMap().get("b")).isEqualTo(string("x"));

    // A row whose digest was computed differently (by Go's flyteadmin) but holds the same launch
    // plan is still identical.
    jdbc.sql("UPDATE launch_plans SET digest = :d WHERE project = :p")
        .param("d", new byte[] {42})
        .param("p", project)
        .update();
    assertThat(code(() -> admin.createLaunchPlan(request(id, workflow).build())))
        .isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(code(() -> admin.createLaunchPlan(different.build())))
        .isEqualTo(Status.Code.INVALID_ARGUMENT);
  }

  static Stream<Arguments> invalidRegistrations() {
    return Stream.of(
        Arguments.of(
            "no spec",
            (UnaryOperator<LaunchPlanCreateRequest.Builder>) r -> r.clearSpec(),
            Status.Code.INVALID_ARGUMENT,
            "missing id"),
        Arguments.of(
            "workflow id of the wrong type",
            op(r -> r.getSpecBuilder().getWorkflowIdBuilder().setResourceType(ResourceType.TASK)),
            Status.Code.INVALID_ARGUMENT,
            "unexpected resource type task for identifier [resource_type:TASK"),
        Arguments.of("no id", op(r -> r.clearId()), Status.Code.INVALID_ARGUMENT, "missing id"),
        Arguments.of(
            "id of the wrong type",
            op(r -> r.getIdBuilder().setResourceType(ResourceType.WORKFLOW)),
            Status.Code.INVALID_ARGUMENT,
            "unexpected resource type workflow for identifier"),
        Arguments.of(
            "no version",
            op(r -> r.getIdBuilder().clearVersion()),
            Status.Code.INVALID_ARGUMENT,
            "missing version"),
        Arguments.of(
            "unknown domain",
            op(r -> r.getIdBuilder().setDomain("nope")),
            Status.Code.INVALID_ARGUMENT,
            "domain [nope] is unrecognized by system"),
        Arguments.of(
            "bad label key",
            op(r -> r.getSpecBuilder().setLabels(Labels.newBuilder().putValues("-bad", "x"))),
            Status.Code.INVALID_ARGUMENT,
            "invalid label key [-bad]: [name part must consist of alphanumeric characters"),
        Arguments.of(
            "bad label value",
            op(r -> r.getSpecBuilder().setLabels(Labels.newBuilder().putValues("k", "a b"))),
            Status.Code.INVALID_ARGUMENT,
            "invalid label value [a b]: [a valid label must be an empty string"),
        Arguments.of(
            "fixed input without a value",
            op(
                r ->
                    r.getSpecBuilder()
                        .getFixedInputsBuilder()
                        .putLiterals("b", Literal.getDefaultInstance())),
            Status.Code.INVALID_ARGUMENT,
            "missing valid literal in fixed_inputs b"),
        Arguments.of(
            "default neither required nor set",
            op(
                r ->
                    r.getSpecBuilder()
                        .getDefaultInputsBuilder()
                        .putParameters(
                            "a",
                            Parameter.newBuilder()
                                .setVar(LaunchPlanFixtures.variable(SimpleType.INTEGER, ""))
                                .build())),
            Status.Code.INVALID_ARGUMENT,
            "Invalid variable a in default_inputs - variable has neither default, nor is required."
                + " One must be specified"),
        Arguments.of(
            "default without a type",
            op(
                r ->
                    r.getSpecBuilder()
                        .getDefaultInputsBuilder()
                        .putParameters("a", Parameter.newBuilder().setRequired(true).build())),
            Status.Code.INVALID_ARGUMENT,
            "The Variable component of the Parameter a in default_inputs either is missing, or has"
                + " a missing Type"),
        Arguments.of(
            "default of the wrong type",
            op(
                r ->
                    r.getSpecBuilder()
                        .getDefaultInputsBuilder()
                        .putParameters("a", defaultParameter(SimpleType.INTEGER, string("five")))),
            Status.Code.INVALID_ARGUMENT,
            "Type mismatch for Parameter a in default_inputs has type simple:INTEGER, expected"
                + " simple:STRING"),
        Arguments.of(
            "default the workflow does not take",
            op(
                r ->
                    r.getSpecBuilder()
                        .getDefaultInputsBuilder()
                        .putParameters("zzz", defaultParameter(SimpleType.INTEGER, integer(1)))),
            Status.Code.INVALID_ARGUMENT,
            "unexpected default_input zzz"),
        Arguments.of(
            "default castable to its own type but not the workflow's",
            op(
                r ->
                    r.getSpecBuilder()
                        .getDefaultInputsBuilder()
                        .putParameters("b", defaultParameter(SimpleType.INTEGER, integer(1)))),
            Status.Code.INVALID_ARGUMENT,
            "invalid default_input wrong type b, expected simple:INTEGER, got simple:STRING"
                + " instead"),
        Arguments.of(
            "fixed input the workflow does not take",
            op(r -> r.getSpecBuilder().getFixedInputsBuilder().putLiterals("zzz", integer(1))),
            Status.Code.INVALID_ARGUMENT,
            "unexpected fixed_input zzz"),
        Arguments.of(
            "fixed input of the wrong type",
            op(r -> r.getSpecBuilder().getFixedInputsBuilder().putLiterals("b", integer(1))),
            Status.Code.INVALID_ARGUMENT,
            "invalid fixed_input wrong type b, expected simple:STRING, got simple:INTEGER instead"),
        Arguments.of(
            "schedule with an unbound required input",
            op(
                r -> {
                  r.getSpecBuilder().getFixedInputsBuilder().removeLiterals("b");
                  r.getSpecBuilder()
                      .setEntityMetadata(
                          LaunchPlanMetadata.newBuilder().setSchedule(cron("@hourly")));
                }),
            Status.Code.INVALID_ARGUMENT,
            "Cannot create a launch plan with a schedule if there is an unbound required input."
                + " [b] is required"),
        Arguments.of(
            "kickoff argument that is bound",
            op(
                r -> {
                  r.getSpecBuilder().getFixedInputsBuilder().putLiterals("kickoff", datetime(1));
                  r.getSpecBuilder()
                      .setEntityMetadata(
                          LaunchPlanMetadata.newBuilder().setSchedule(cron("@hourly")));
                }),
            Status.Code.INVALID_ARGUMENT,
            "Cannot create a schedule with a KickoffTimeInputArg that does not point to a free"
                + " input. [kickoff] is not free or does not exist."),
        Arguments.of(
            "kickoff argument that is not a datetime",
            op(
                r -> {
                  r.getSpecBuilder().getFixedInputsBuilder().putLiterals("kickoff", datetime(1));
                  r.getSpecBuilder()
                      .setEntityMetadata(
                          LaunchPlanMetadata.newBuilder()
                              .setSchedule(
                                  cron("@hourly").toBuilder().setKickoffTimeInputArg("a")));
                }),
            Status.Code.INVALID_ARGUMENT,
            "KickoffTimeInputArg must reference a datetime input. [a] is a [simple:INTEGER]"),
        Arguments.of(
            "six-field cron",
            op(
                r ->
                    r.getSpecBuilder()
                        .setEntityMetadata(
                            LaunchPlanMetadata.newBuilder().setSchedule(cron("0 0 * * * *")))),
            Status.Code.INVALID_ARGUMENT,
            "Invalid cron expression: expected exactly 5 fields, found 6: [0 0 * * * *]"),
        Arguments.of(
            "deprecated cron expression",
            op(
                r ->
                    r.getSpecBuilder()
                        .setEntityMetadata(
                            LaunchPlanMetadata.newBuilder()
                                .setSchedule(
                                    Schedule.newBuilder()
                                        .setCronExpression("0 25 * * *")
                                        .setKickoffTimeInputArg("kickoff")))),
            Status.Code.INVALID_ARGUMENT,
            "schedule.cron_expression [0 25 * * *] is deprecated and cannot be scheduled: use"
                + " schedule.cron_schedule.schedule instead"),
        Arguments.of(
            "notification without recipients",
            op(
                r ->
                    r.getSpecBuilder()
                        .setEntityMetadata(
                            LaunchPlanMetadata.newBuilder()
                                .addNotifications(
                                    Notification.newBuilder()
                                        .setEmail(EmailNotification.getDefaultInstance())))),
            Status.Code.INVALID_ARGUMENT,
            "missing recipients"),
        Arguments.of(
            "launch conditions",
            op(
                r ->
                    r.getSpecBuilder()
                        .setEntityMetadata(
                            LaunchPlanMetadata.newBuilder()
                                .setLaunchConditions(
                                    Any.newBuilder().setTypeUrl("type.googleapis.com/x.Y")))),
            Status.Code.INVALID_ARGUMENT,
            "Launch condition must be empty, found "));
  }

  private static UnaryOperator<LaunchPlanCreateRequest.Builder> op(
      java.util.function.Consumer<LaunchPlanCreateRequest.Builder> change) {
    return r -> {
      change.accept(r);
      return r;
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidRegistrations")
  void invalidRegistrationsFailWithFlytesCodeAndMessageAndStoreNothing(
      String name,
      UnaryOperator<LaunchPlanCreateRequest.Builder> change,
      Status.Code code,
      String message) {
    LaunchPlanCreateRequest request =
        change.apply(request(launchPlanId(project, "lp", "v1"), workflow)).build();

    StatusRuntimeException e = failure(() -> admin.createLaunchPlan(request));

    assertThat(e.getStatus().getCode()).isEqualTo(code);
    assertThat(e.getStatus().getDescription()).startsWith(message);
    assertThat(
            jdbc.sql("SELECT count(*) FROM launch_plans WHERE project = :p")
                .param("p", project)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void theWorkflowIsLookedUpBeforeTheProject() {
    Identifier missingWorkflow = workflow.toBuilder().setProject("no-such-project").build();
    LaunchPlanCreateRequest request =
        request(launchPlanId("no-such-project", "lp", "v1"), missingWorkflow).build();

    StatusRuntimeException e = failure(() -> admin.createLaunchPlan(request));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(e.getStatus().getDescription())
        .isEqualTo(
            "missing entity of type WORKFLOW with identifier project:\"no-such-project\""
                + " domain:\"development\" name:\"wf\" version:\"v1\"");
  }

  @Test
  void aMissingProjectFailsAfterTheWorkflowCheck() {
    String other = "nowhere-" + project;
    Identifier otherWorkflow = fixtures.workflow(other, "wf", standardInterface());

    StatusRuntimeException e =
        failure(
            () ->
                admin.createLaunchPlan(
                    request(launchPlanId(other, "lp", "v1"), otherWorkflow).build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription())
        .startsWith("failed to validate that project [" + other + "] and domain [development]");
  }

  @Test
  void aWorkflowWithoutInputsTakesNoDefaults() {
    Identifier bare = fixtures.workflow(project, "bare", TypedInterface.getDefaultInstance());

    StatusRuntimeException e =
        failure(
            () -> admin.createLaunchPlan(request(launchPlanId(project, "lp", "v1"), bare).build()));
    assertThat(e.getStatus().getDescription())
        .isEqualTo("invalid launch plan default inputs, expected none but found 1");

    LaunchPlanCreateRequest.Builder none = request(launchPlanId(project, "lp", "v1"), bare);
    none.getSpecBuilder().clearDefaultInputs().clearFixedInputs();
    admin.createLaunchPlan(none.build());
    LaunchPlan bareLaunchPlan = get(launchPlanId(project, "lp", "v1"));
    assertThat(bareLaunchPlan.getClosure().getExpectedInputs().getParametersCount()).isZero();
    assertThat(bareLaunchPlan.getClosure().hasExpectedOutputs()).isFalse();
  }

  @Test
  void activatingAVersionDeactivatesTheOtherAndDeactivationLeavesNoneActive() {
    Identifier v1 = launchPlanId(project, "lp", "v1");
    Identifier v2 = launchPlanId(project, "lp", "v2");
    admin.createLaunchPlan(request(v1, workflow).build());
    admin.createLaunchPlan(request(v2, workflow).build());
    ActiveLaunchPlanRequest active =
        ActiveLaunchPlanRequest.newBuilder()
            .setId(
                NamedEntityIdentifier.newBuilder()
                    .setProject(project)
                    .setDomain(DOMAIN)
                    .setName("lp"))
            .build();

    setState(v1, LaunchPlanState.ACTIVE);
    assertThat(admin.getActiveLaunchPlan(active).getId()).isEqualTo(v1);
    assertThat(get(v1).getClosure().getState()).isEqualTo(LaunchPlanState.ACTIVE);

    setState(v2, LaunchPlanState.ACTIVE);
    assertThat(admin.getActiveLaunchPlan(active).getId()).isEqualTo(v2);
    assertThat(get(v1).getClosure().getState()).isEqualTo(LaunchPlanState.INACTIVE);
    assertThat(get(v2).getClosure().getState()).isEqualTo(LaunchPlanState.ACTIVE);

    setState(v2, LaunchPlanState.ACTIVE);
    assertThat(admin.getActiveLaunchPlan(active).getId()).isEqualTo(v2);

    setState(v2, LaunchPlanState.INACTIVE);
    setState(v2, LaunchPlanState.INACTIVE);
    StatusRuntimeException none = failure(() -> admin.getActiveLaunchPlan(active));
    assertThat(none.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(none.getStatus().getDescription())
        .isEqualTo("No active launch plan could be found: " + project + ":development:lp");
  }

  @Test
  void updateRejectsUnknownStatesAndMissingLaunchPlans() {
    Identifier v1 = launchPlanId(project, "lp", "v1");
    admin.createLaunchPlan(request(v1, workflow).build());

    StatusRuntimeException unknown =
        failure(
            () ->
                admin.updateLaunchPlan(
                    LaunchPlanUpdateRequest.newBuilder().setId(v1).setStateValue(7).build()));
    assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(unknown.getStatus().getDescription()).startsWith("Unrecognized launch plan state 7");

    Identifier missing = launchPlanId(project, "lp", "nope");
    for (LaunchPlanState state : List.of(LaunchPlanState.ACTIVE, LaunchPlanState.INACTIVE)) {
      StatusRuntimeException e = failure(() -> setState(missing, state));
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
      assertThat(e.getStatus().getDescription())
          .isEqualTo(
              "missing entity of type LAUNCH_PLAN with identifier project:\""
                  + project
                  + "\" domain:\"development\" name:\"lp\" version:\"nope\"");
    }
    StatusRuntimeException invalid =
        failure(() -> setState(v1.toBuilder().clearVersion().build(), LaunchPlanState.INACTIVE));
    assertThat(invalid.getStatus().getDescription()).isEqualTo("missing version");
    assertThat(get(v1).getClosure().getState()).isEqualTo(LaunchPlanState.INACTIVE);
  }

  @Test
  void activationKeepsTheSchedulableEntitiesInStep() {
    Identifier v1 = launchPlanId(project, "nightly", "v1");
    Identifier v2 = launchPlanId(project, "nightly", "v2");
    admin.createLaunchPlan(scheduled(v1, cron("0 3 * * MON-FRI")).build());
    LaunchPlanCreateRequest.Builder rate =
        scheduled(
            v2,
            Schedule.newBuilder()
                .setRate(FixedRate.newBuilder().setValue(10).setUnit(FixedRateUnit.HOUR))
                .build());
    rate.getSpecBuilder().getFixedInputsBuilder().putLiterals("kickoff", datetime(0));
    admin.createLaunchPlan(rate.build());
    assertThat(
            jdbc.sql(
                    "SELECT schedule_type || '/' || launch_condition_type FROM launch_plans"
                        + " WHERE project = :p ORDER BY version")
                .param("p", project)
                .query(String.class)
                .list())
        .containsExactly("CRON/SCHED", "RATE/SCHED");
    assertThat(
            jdbc.sql("SELECT count(*) FROM schedulable_entities WHERE project = :p")
                .param("p", project)
                .query(Long.class)
                .single())
        .as("no row before activation")
        .isZero();

    setState(v1, LaunchPlanState.ACTIVE);
    assertThat(scheduleRow(v1))
        .containsEntry("cron_expression", "0 3 * * MON-FRI")
        .containsEntry("fixed_rate_value", 0L)
        .containsEntry("kickoff_time_input_arg", "kickoff")
        .containsEntry("active", true);

    setState(v2, LaunchPlanState.ACTIVE);
    assertThat(scheduleRow(v1)).containsEntry("active", false);
    assertThat(scheduleRow(v2))
        .containsEntry("cron_expression", "")
        .containsEntry("fixed_rate_value", 10L)
        .containsEntry("unit", FixedRateUnit.HOUR_VALUE)
        .containsEntry("kickoff_time_input_arg", "")
        .containsEntry("active", true);

    setState(v2, LaunchPlanState.INACTIVE);
    assertThat(scheduleRow(v2)).containsEntry("active", false);

    setState(v1, LaunchPlanState.ACTIVE);
    assertThat(scheduleRow(v1)).containsEntry("active", true);
    assertThat(scheduleRow(v2)).containsEntry("active", false);
  }

  @Test
  void aStoredDeprecatedCronExpressionCannotBeActivatedAndNothingChanges() throws Exception {
    // CreateLaunchPlan refuses cron_expression; a database written by Go may still hold one.
    Identifier v1 = launchPlanId(project, "old", "v1");
    Identifier v2 = launchPlanId(project, "old", "v2");
    admin.createLaunchPlan(request(v1, workflow).build());
    admin.createLaunchPlan(scheduled(v2, cron("0 * * * *")).build());
    byte[] stored =
        jdbc.sql(
                "SELECT spec FROM launch_plans WHERE project = :p AND name = 'old' AND version = 'v2'")
            .param("p", project)
            .query(byte[].class)
            .single();
    LaunchPlanSpec.Builder spec = LaunchPlanSpec.parseFrom(stored).toBuilder();
    spec.getEntityMetadataBuilder()
        .setSchedule(
            Schedule.newBuilder().setCronExpression("0 * * * *").setKickoffTimeInputArg("kickoff"));
    jdbc.sql(
            "UPDATE launch_plans SET spec = :s WHERE project = :p AND name = 'old' AND version = 'v2'")
        .param("s", spec.build().toByteArray())
        .param("p", project)
        .update();
    setState(v1, LaunchPlanState.ACTIVE);

    StatusRuntimeException e = failure(() -> setState(v2, LaunchPlanState.ACTIVE));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(e.getStatus().getDescription())
        .startsWith("failed adding schedule for unknown schedule expression type");
    assertThat(get(v1).getClosure().getState()).isEqualTo(LaunchPlanState.ACTIVE);
    assertThat(get(v2).getClosure().getState()).isEqualTo(LaunchPlanState.INACTIVE);
    assertThat(
            jdbc.sql("SELECT count(*) FROM schedulable_entities WHERE project = :p")
                .param("p", project)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void concurrentActivationsLeaveExactlyOneActiveVersionAndOneActiveSchedule() throws Exception {
    int versions = 6;
    List<Identifier> ids = new ArrayList<>();
    for (int i = 0; i < versions; i++) {
      Identifier id = launchPlanId(project, "race", "v" + i);
      admin.createLaunchPlan(scheduled(id, cron("*/5 * * * *")).build());
      ids.add(id);
    }
    ExecutorService pool = Executors.newFixedThreadPool(versions);
    try {
      for (int round = 0; round < 3; round++) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> calls = new ArrayList<>();
        for (Identifier id : ids) {
          calls.add(
              pool.submit(
                  () -> {
                    start.await();
                    setState(id, LaunchPlanState.ACTIVE);
                    return null;
                  }));
        }
        start.countDown();
        for (Future<?> call : calls) {
          call.get();
        }
        assertThat(
                jdbc.sql("SELECT count(*) FROM launch_plans WHERE project = :p AND state = 1")
                    .param("p", project)
                    .query(Long.class)
                    .single())
            .isEqualTo(1);
        String active =
            jdbc.sql("SELECT version FROM launch_plans WHERE project = :p AND state = 1")
                .param("p", project)
                .query(String.class)
                .single();
        assertThat(
                jdbc.sql("SELECT version FROM schedulable_entities WHERE project = :p AND active")
                    .param("p", project)
                    .query(String.class)
                    .list())
            .containsExactly(active);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void getValidatesTheIdentifierAndDefaultsItsType() {
    Identifier v1 = launchPlanId(project, "lp", "v1");
    admin.createLaunchPlan(request(v1, workflow).build());

    assertThat(get(v1.toBuilder().setResourceType(ResourceType.UNSPECIFIED).build()).getId())
        .isEqualTo(v1);
    assertThat(failure(() -> get(v1.toBuilder().clearName().build())).getStatus().getDescription())
        .isEqualTo("missing name");
    assertThat(
            failure(() -> get(v1.toBuilder().setResourceType(ResourceType.TASK).build()))
                .getStatus()
                .getDescription())
        .startsWith("unexpected resource type task for identifier");
    assertThat(code(() -> get(v1.toBuilder().setVersion("v9").build())))
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(
            failure(
                    () ->
                        admin.getActiveLaunchPlan(
                            ActiveLaunchPlanRequest.newBuilder()
                                .setId(
                                    NamedEntityIdentifier.newBuilder()
                                        .setProject(project)
                                        .setDomain(DOMAIN))
                                .build()))
                .getStatus()
                .getDescription())
        .isEqualTo("missing name");
  }

  private ResourceListRequest.Builder listRequest() {
    return ResourceListRequest.newBuilder()
        .setId(NamedEntityIdentifier.newBuilder().setProject(project).setDomain(DOMAIN))
        .setLimit(100);
  }

  private List<String> names(LaunchPlanList list) {
    return list.getLaunchPlansList().stream()
        .map(lp -> lp.getId().getName() + "/" + lp.getId().getVersion())
        .toList();
  }

  @Test
  void listsFilterByWorkflowNameSortAndPage() {
    Identifier other = fixtures.workflow(project, "other", standardInterface());
    admin.createLaunchPlan(request(launchPlanId(project, "a", "v1"), workflow).build());
    admin.createLaunchPlan(request(launchPlanId(project, "a", "v2"), workflow).build());
    admin.createLaunchPlan(request(launchPlanId(project, "b", "v1"), other).build());
    setState(launchPlanId(project, "a", "v2"), LaunchPlanState.ACTIVE);
    setState(launchPlanId(project, "b", "v1"), LaunchPlanState.ACTIVE);
    Sort ascending =
        Sort.newBuilder().setKey("created_at").setDirection(Sort.Direction.ASCENDING).build();

    assertThat(names(admin.listLaunchPlans(listRequest().setSortBy(ascending).build())))
        .containsExactly("a/v1", "a/v2", "b/v1");
    assertThat(
            names(
                admin.listLaunchPlans(listRequest().setFilters("eq(workflow.name,other)").build())))
        .containsExactly("b/v1");
    assertThat(
            names(
                admin.listLaunchPlans(
                    listRequest().setFilters("eq(state,1)+eq(workflow.name,wf)").build())))
        .containsExactly("a/v2");
    ResourceListRequest.Builder ofA = listRequest();
    ofA.getIdBuilder().setName("a");
    assertThat(
            names(
                admin.listLaunchPlans(
                    ofA.setSortBy(ascending.toBuilder().setDirection(Sort.Direction.DESCENDING))
                        .build())))
        .containsExactly("a/v2", "a/v1");

    LaunchPlanList first =
        admin.listLaunchPlans(listRequest().setSortBy(ascending).setLimit(2).build());
    assertThat(names(first)).containsExactly("a/v1", "a/v2");
    assertThat(first.getToken()).isEqualTo("2");
    LaunchPlanList second =
        admin.listLaunchPlans(
            listRequest().setSortBy(ascending).setLimit(2).setToken(first.getToken()).build());
    assertThat(names(second)).containsExactly("b/v1");
    assertThat(second.getToken()).isEmpty();

    LaunchPlanList active =
        admin.listActiveLaunchPlans(
            ActiveLaunchPlanListRequest.newBuilder()
                .setProject(project)
                .setDomain(DOMAIN)
                .setLimit(10)
                .setSortBy(Sort.newBuilder().setKey("name").setDirection(Sort.Direction.ASCENDING))
                .build());
    assertThat(names(active)).containsExactly("a/v2", "b/v1");
    assertThat(active.getLaunchPlans(0).getClosure().getState()).isEqualTo(LaunchPlanState.ACTIVE);

    NamedEntityIdentifierList ids =
        admin.listLaunchPlanIds(
            NamedEntityIdentifierListRequest.newBuilder()
                .setProject(project)
                .setDomain(DOMAIN)
                .setLimit(1)
                .setFilters("this is ignored")
                .setSortBy(Sort.newBuilder().setKey("name").setDirection(Sort.Direction.ASCENDING))
                .build());
    assertThat(ids.getEntitiesList())
        .containsExactly(
            NamedEntityIdentifier.newBuilder()
                .setProject(project)
                .setDomain(DOMAIN)
                .setName("a")
                .build());
    assertThat(ids.getToken()).isEqualTo("1");
  }

  static Stream<Arguments> badLists() {
    return Stream.of(
        Arguments.of(op2(r -> r.setLimit(0)), "invalid value for limit"),
        Arguments.of(op2(r -> r.clearId()), "missing id"),
        Arguments.of(op2(r -> r.getIdBuilder().clearDomain()), "missing domain"),
        Arguments.of(
            op2(r -> r.setFilters("eq(task.name,x)")), "'t' entity is not allowed in filters"),
        Arguments.of(op2(r -> r.setFilters("eq(nope,x)")), "'l.nope' is invalid filter"),
        Arguments.of(op2(r -> r.setFilters("eq(workflow.nope,x)")), "'w.nope' is invalid filter"),
        Arguments.of(op2(r -> r.setFilters("nonsense")), "invalid value for filters"),
        Arguments.of(op2(r -> r.setFilters("eq(state,abc)")), "invalid value"),
        Arguments.of(
            op2(r -> r.setSortBy(Sort.newBuilder().setKey("workflow.name"))),
            "invalid sort key 'workflow.name'"),
        Arguments.of(
            op2(r -> r.setToken("abc")), "invalid pagination token abc for ListLaunchPlans"));
  }

  private static UnaryOperator<ResourceListRequest.Builder> op2(
      java.util.function.Consumer<ResourceListRequest.Builder> change) {
    return r -> {
      change.accept(r);
      return r;
    };
  }

  @ParameterizedTest
  @MethodSource("badLists")
  void badListRequestsAreInvalidArguments(
      UnaryOperator<ResourceListRequest.Builder> change, String message) {
    StatusRuntimeException e =
        failure(() -> admin.listLaunchPlans(change.apply(listRequest()).build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).startsWith(message);
  }

  @Test
  void listActiveAndListIdsKeepFlytesValidationQuirks() {
    assertThat(
            failure(
                    () ->
                        admin.listActiveLaunchPlans(
                            ActiveLaunchPlanListRequest.newBuilder()
                                .setProject(project)
                                .setDomain(DOMAIN)
                                .build()))
                .getStatus()
                .getDescription())
        .isEqualTo("invalid value for limit");
    assertThat(
            failure(
                    () ->
                        admin.listLaunchPlanIds(
                            NamedEntityIdentifierListRequest.newBuilder()
                                .setProject(project)
                                .setDomain(DOMAIN)
                                .build()))
                .getStatus()
                .getDescription())
        .isEqualTo("missing and/or invalid parameters: limit");
    assertThat(
            failure(
                    () ->
                        admin.listLaunchPlanIds(
                            NamedEntityIdentifierListRequest.newBuilder()
                                .setLimit(1)
                                .setToken("-1")
                                .build()))
                .getStatus()
                .getDescription())
        .isEqualTo("invalid pagination token -1");
    admin.createLaunchPlan(request(launchPlanId(project, "lp", "v1"), workflow).build());
    assertThat(
            admin
                .listLaunchPlanIds(
                    NamedEntityIdentifierListRequest.newBuilder().setLimit(100_000).build())
                .getEntitiesList())
        .as("no project or domain: not filtered")
        .anyMatch(e -> e.getProject().equals(project) && e.getName().equals("lp"));
  }

  @Test
  void listAndActiveLookupsAreIndexBacked() throws Exception {
    String where = "l.project = 'p' AND l.domain = 'development'";
    List<String> queries =
        List.of(
            "SELECT l.* FROM launch_plans l INNER JOIN workflows w ON l.workflow_id = w.id WHERE "
                + where
                + " AND l.name = 'n' ORDER BY l.created_at DESC LIMIT 10",
            "SELECT l.* FROM launch_plans l INNER JOIN workflows w ON l.workflow_id = w.id WHERE "
                + where
                + " ORDER BY l.created_at DESC LIMIT 10",
            "SELECT l.* FROM launch_plans l WHERE " + where + " AND l.name = 'n' AND l.state = 1",
            "SELECT l.* FROM launch_plans l INNER JOIN workflows w ON l.workflow_id = w.id WHERE "
                + where
                + " AND l.state = 1 LIMIT 10",
            "SELECT l.project, l.domain, l.name FROM launch_plans l WHERE "
                + where
                + " GROUP BY l.project, l.domain, l.name LIMIT 10");
    try (java.sql.Connection c = dataSource.getConnection();
        java.sql.Statement s = c.createStatement()) {
      s.execute("SET enable_seqscan = off");
      for (String query : queries) {
        StringBuilder plan = new StringBuilder();
        try (java.sql.ResultSet rs = s.executeQuery("EXPLAIN " + query)) {
          while (rs.next()) {
            plan.append(rs.getString(1)).append('\n');
          }
        }
        assertThat(plan.toString()).as(query).doesNotContain("Seq Scan on launch_plans");
      }
      s.execute("RESET enable_seqscan");
    }
  }
}

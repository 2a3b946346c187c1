package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import flyteidl.admin.Common.Labels;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionState;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanState;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanUpdateRequest;
import flyteidl.admin.ProjectOuterClass.InactiveProject;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.Resources.ResourceEntry;
import flyteidl.core.Tasks.Resources.ResourceName;
import io.grpc.Status;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.flyte.admin.executor.ExecutionData;
import org.flyte.admin.executor.RecordingWorkflowExecutor;
import org.flyte.admin.repository.execution.ExecutionRow;
import org.flyte.common.storage.DataReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CreateExecution over gRPC: the launch-plan path, its validation, naming and failures. */
class ExecutionCreateTest extends ExecutionFixtures {

  @Test
  void aLaunchPlanExecutionMergesDefaultsOffloadsInputsAndStartsTheWorkflow() {
    WorkflowExecutionIdentifier id = create(request(launchPlan, Map.of()));

    assertThat(id.getProject()).isEqualTo(project);
    assertThat(id.getDomain()).isEqualTo(DOMAIN);
    assertThat(id.getName()).matches("a[bcdfghjklmnpqrstvwxz2456789]{19}");

    ExecutionData data = executor.executed(id);
    assertThat(data.namespace()).isEqualTo(project + "-development");
    assertThat(data.referenceWorkflowName()).isEqualTo("wf");
    assertThat(data.referenceLaunchPlanName()).isEqualTo("lp");
    assertThat(data.parameters().inputs().getLiteralsMap())
        .containsExactly(Map.entry("x", integerLiteral(3)));
    assertThat(data.parameters().eventVersion()).isEqualTo(2);
    assertThat(data.parameters().executionConfig().getMaxParallelism()).isEqualTo(25);
    assertThat(data.parameters().taskResources().defaults().cpu()).isEqualTo("2");
    assertThat(data.parameters().taskResources().defaults().memory()).isEqualTo("200Mi");
    assertThat(data.parameters().taskResources().limits().memory()).isEqualTo("1Gi");
    assertThat(data.parameters().taskResources().limits().gpu()).isEqualTo("1");
    assertThat(data.parameters().taskResources().defaults().gpu()).isNull();
    var container = data.workflowClosure().getTasks(0).getTemplate().getContainer();
    assertThat(container.getResources().getRequestsList())
        .containsExactly(entry(ResourceName.CPU, "2"), entry(ResourceName.MEMORY, "200Mi"));
    assertThat(container.getResources().getLimitsList())
        .containsExactly(entry(ResourceName.CPU, "2"), entry(ResourceName.MEMORY, "200Mi"));
    String base = "mem://flyte/metadata/" + project + "/development/" + id.getName();
    assertThat(data.offloadedInputsReference()).isEqualTo(base + "/inputs");
    assertThat(data.workflowClosureReference())
        .isEqualTo("mem://flyte/metadata/admin/" + project + "/development/wf/v1");
    assertThat(store.read(DataReference.parse(base + "/inputs"), LiteralMap.parser()))
        .isEqualTo(data.parameters().inputs());
    assertThat(store.read(DataReference.parse(base + "/user_inputs"), LiteralMap.parser()))
        .isEqualTo(LiteralMap.getDefaultInstance());

    Execution execution = get(id);
    assertThat(execution.getSpec().getLaunchPlan()).isEqualTo(launchPlan);
    assertThat(execution.getSpec().getMaxParallelism()).isEqualTo(25);
    assertThat(execution.getSpec().getSecurityContext().hasRunAs()).isTrue();
    assertThat(execution.getSpec().getMetadata().getSystemMetadata().getExecutionCluster())
        .isEqualTo(RecordingWorkflowExecutor.CLUSTER);
    assertThat(execution.getSpec().getMetadata().getSystemMetadata().getNamespace())
        .isEqualTo(project + "-development");
    assertThat(execution.getClosure().getPhase()).isEqualTo(WorkflowExecution.Phase.UNDEFINED);
    assertThat(execution.getClosure().getWorkflowId()).isEqualTo(workflow);
    assertThat(execution.getClosure().getCreatedAt().getSeconds()).isPositive();
    assertThat(execution.getClosure().getStateChangeDetails().getState())
        .isEqualTo(ExecutionState.EXECUTION_ACTIVE);

    ExecutionRow row = row(id);
    assertThat(row.launchPlanId()).isEqualTo(rowId("launch_plans", "lp"));
    assertThat(row.workflowId()).isEqualTo(rowId("workflows", "wf"));
    assertThat(row.taskId()).isZero();
    assertThat(row.launchEntity()).isEqualTo("launch_plan");
    assertThat(row.phase()).isEqualTo("UNDEFINED");
    assertThat(row.cluster()).isEqualTo(RecordingWorkflowExecutor.CLUSTER);
    assertThat(row.inputsUri()).isEqualTo(base + "/inputs");
    assertThat(row.userInputsUri()).isEqualTo(base + "/user_inputs");
    assertThat(row.state()).isZero();
  }

  @Test
  void theCallersInputsWinOverDefaultsAndAreKeptAsSent() {
    WorkflowExecutionIdentifier id =
        create(request(launchPlan, Map.of("x", integerLiteral(7))).setName("with-inputs"));

    assertThat(id.getName()).isEqualTo("with-inputs");
    assertThat(executor.executed(id).parameters().inputs().getLiteralsMap())
        .containsExactly(Map.entry("x", integerLiteral(7)));
    assertThat(store.read(DataReference.parse(row(id).userInputsUri()), LiteralMap.parser()))
        .isEqualTo(LiteralMap.newBuilder().putLiterals("x", integerLiteral(7)).build());
  }

  @Test
  void inputsInTheDeprecatedSpecFieldAreRead() {
    ExecutionCreateRequest.Builder request = request(requiredLaunchPlan, Map.of());
    request.getSpecBuilder().getInputsBuilder().putLiterals("x", integerLiteral(11));

    WorkflowExecutionIdentifier id = create(request);

    assertThat(executor.executed(id).parameters().inputs().getLiteralsMap())
        .containsEntry("x", integerLiteral(11));
  }

  static Stream<Arguments> refusedRequests() {
    return Stream.of(
        refused(
            "no project", r -> r.clearProject(), Status.Code.INVALID_ARGUMENT, "missing project"),
        refused("no domain", r -> r.clearDomain(), Status.Code.INVALID_ARGUMENT, "missing domain"),
        refused(
            "a name that is not a Kubernetes name",
            r -> r.setName("Bad_Name"),
            Status.Code.INVALID_ARGUMENT,
            "invalid name format: bad_name, does not match regex '^[a-z][a-z\\-0-9]*$'"),
        refused(
            "a name of 64 characters",
            r -> r.setName("a".repeat(64)),
            Status.Code.INVALID_ARGUMENT,
            "size of name exceeded length 63 : " + "a".repeat(64)),
        refused(
            "a project that is not one storage key segment",
            r -> r.setProject("a/b"),
            Status.Code.INVALID_ARGUMENT,
            "project [a/b] must not contain '/'"),
        refused(
            "an unknown project",
            r -> r.setProject("no-such-project"),
            Status.Code.INVALID_ARGUMENT,
            "failed to validate that project [no-such-project] and domain [development] are"
                + " registered"),
        refused(
            "an unknown domain",
            r -> r.setDomain("nope"),
            Status.Code.INVALID_ARGUMENT,
            "domain [nope] is unrecognized by system"),
        refused("no spec", r -> r.clearSpec(), Status.Code.INVALID_ARGUMENT, "missing spec"),
        refused(
            "a launch plan without version",
            r -> r.getSpecBuilder().getLaunchPlanBuilder().clearVersion(),
            Status.Code.INVALID_ARGUMENT,
            "missing version"),
        refused(
            "a workflow to launch",
            r -> r.getSpecBuilder().getLaunchPlanBuilder().setResourceType(ResourceType.WORKFLOW),
            Status.Code.INVALID_ARGUMENT,
            "Invalid reference entity resource type [WORKFLOW], only [map[TASK:<nil>"
                + " LAUNCH_PLAN:<nil>]] allowed"),
        refused(
            "an input without a value",
            r -> r.getInputsBuilder().putLiterals("x", Literal.getDefaultInstance()),
            Status.Code.INVALID_ARGUMENT,
            "missing valid literal in inputs x"),
        refused(
            "a label that is not a Kubernetes label",
            r -> r.getSpecBuilder().setLabels(Labels.newBuilder().putValues("bad key!", "v")),
            Status.Code.INVALID_ARGUMENT,
            "invalid label key [bad key!]"),
        refused(
            "a launch plan that does not exist",
            r -> r.getSpecBuilder().getLaunchPlanBuilder().setName("nope"),
            Status.Code.NOT_FOUND,
            "missing entity of type LAUNCH_PLAN with identifier"),
        refused(
            "an input the launch plan does not have",
            r -> r.getInputsBuilder().putLiterals("y", integerLiteral(1)),
            Status.Code.INVALID_ARGUMENT,
            "invalid input y"),
        refused(
            "an input of the wrong type",
            r -> r.getInputsBuilder().putLiterals("x", stringLiteral("three")),
            Status.Code.INVALID_ARGUMENT,
            "invalid x input wrong type. Expected simple:INTEGER, but got simple:STRING"));
  }

  private static Arguments refused(
      String what,
      Consumer<ExecutionCreateRequest.Builder> change,
      Status.Code code,
      String message) {
    return Arguments.of(what, change, code, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedRequests")
  void aRefusedRequestAnswersFlytesCodeAndMessageAndCreatesNothing(
      String what,
      Consumer<ExecutionCreateRequest.Builder> change,
      Status.Code code,
      String message) {
    ExecutionCreateRequest.Builder builder = request(launchPlan, Map.of()).setName("refused");
    change.accept(builder);
    ExecutionCreateRequest request = builder.build();

    assertStatus(status(() -> admin.createExecution(request)), code, message);
    assertThat(executionRows.find(executionId("refused"))).isEmpty();
    assertThat(countExecutions()).isZero();
  }

  @Test
  void aRequiredInputLeftOutIsRefused() {
    assertStatus(
        status(() -> create(request(requiredLaunchPlan, Map.of()))),
        Status.Code.INVALID_ARGUMENT,
        "expected_inputs x missing");
  }

  @Test
  void anArchivedProjectIsRefusedWithTheInactiveProjectDetail() throws Exception {
    jdbc.sql("UPDATE projects SET state = 1 WHERE identifier = :p").param("p", project).update();

    com.google.rpc.Status status = status(() -> create(request(launchPlan, Map.of())));

    assertStatus(status, Status.Code.INVALID_ARGUMENT, "project [" + project + "] is not active");
    assertThat(status.getDetailsList())
        .containsExactly(Any.pack(InactiveProject.newBuilder().setId(project).build()));
  }

  @Test
  void inactiveAndActiveLaunchPlansBothLaunchAsInFlyte() {
    assertThat(get(create(request(launchPlan, Map.of()))).getSpec().getLaunchPlan())
        .isEqualTo(launchPlan);
    admin.updateLaunchPlan(
        LaunchPlanUpdateRequest.newBuilder()
            .setId(launchPlan)
            .setState(LaunchPlanState.ACTIVE)
            .build());
    assertThat(get(create(request(launchPlan, Map.of()))).getSpec().getLaunchPlan())
        .isEqualTo(launchPlan);
  }

  @Test
  void aTakenNameIsAlreadyExistsAndLeavesTheExecutionThatHasItUnchanged() {
    WorkflowExecutionIdentifier id =
        create(request(launchPlan, Map.of("x", integerLiteral(1))).setName("taken"));
    ExecutionRow before = row(id);

    assertStatus(
        status(() -> create(request(launchPlan, Map.of("x", integerLiteral(2))).setName("taken"))),
        Status.Code.ALREADY_EXISTS,
        "");
    assertThat(row(id)).isEqualTo(before);
    assertThat(
            store
                .read(DataReference.parse(before.inputsUri()), LiteralMap.parser())
                .getLiteralsMap())
        .containsEntry("x", integerLiteral(1));
    assertThat(executor.executed(id).parameters().inputs().getLiteralsMap())
        .containsEntry("x", integerLiteral(1));
  }

  @Test
  void anExecutorFailureStillRecordsTheExecutionAsFailed() {
    ExecutionCreateRequest.Builder unsupported = request(launchPlan, Map.of()).setName("bad-label");
    unsupported
        .getSpecBuilder()
        .getExecutionClusterLabelBuilder()
        .setValue(RecordingWorkflowExecutor.UNSUPPORTED_LABEL);

    Execution failed = get(create(unsupported));

    assertThat(failed.getClosure().getPhase()).isEqualTo(WorkflowExecution.Phase.FAILED);
    assertThat(failed.getClosure().getError().getCode()).isEqualTo("Internal");
    assertThat(failed.getClosure().getError().getKind().name()).isEqualTo("SYSTEM");
    assertThat(failed.getClosure().getError().getMessage())
        .isEqualTo(
            "failed to create workflow in propeller execution cluster label unsupported is not"
                + " supported");
    ExecutionRow row = row(failed.getId());
    assertThat(row.phase()).isEqualTo("FAILED");
    assertThat(row.errorKind()).isEqualTo("SYSTEM");
    assertThat(row.errorCode()).isEqualTo("Internal");
    assertThat(row.cluster()).isEmpty();

    Execution unbuildable =
        get(create(request(launchPlan, Map.of()).setName(RecordingWorkflowExecutor.FAILING_NAME)));
    assertThat(unbuildable.getClosure().getError().getCode()).isEqualTo("InvalidArgument");
    assertThat(unbuildable.getClosure().getError().getKind().name()).isEqualTo("USER");
  }

  @Test
  void labelsAndTagsOfTheRequestBecomeExecutionTags() {
    ExecutionCreateRequest.Builder request = request(launchPlan, Map.of()).setName("tagged");
    request.getSpecBuilder().getLabelsBuilder().putValues("team", "ml");
    request.getSpecBuilder().addTags("nightly").addTags("nightly");

    WorkflowExecutionIdentifier id = create(request);

    assertThat(
            jdbc.sql(
                    "SELECT key || '=' || value FROM execution_tags WHERE execution_project = :p"
                        + " AND execution_name = 'tagged' ORDER BY key")
                .param("p", project)
                .query(String.class)
                .list())
        .containsExactly("nightly=", "team=ml");
    assertThat(executor.executed(id).parameters().labels()).containsEntry("team", "ml");
  }

  @Test
  void aLaunchPlanOfAnotherProjectRunsInTheRequestsProject() {
    String other = project;
    Identifier foreignLaunchPlan = launchPlan;
    newProject();
    WorkflowExecutionIdentifier id = create(request(foreignLaunchPlan, Map.of()));

    assertThat(id.getProject()).isEqualTo(project).isNotEqualTo(other);
    assertThat(executor.executed(id).namespace()).isEqualTo(project + "-development");
  }

  private long rowId(String table, String name) {
    return jdbc.sql("SELECT id FROM " + table + " WHERE project = :p AND name = :n")
        .param("p", project)
        .param("n", name)
        .query(Long.class)
        .single();
  }

  private long countExecutions() {
    return jdbc.sql("SELECT count(*) FROM executions WHERE execution_project = :p")
        .param("p", project)
        .query(Long.class)
        .single();
  }

  private static ResourceEntry entry(ResourceName name, String value) {
    return ResourceEntry.newBuilder().setName(name).setValue(value).build();
  }
}

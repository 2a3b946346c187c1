package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.Common.Sort;
import flyteidl.admin.Event.EventErrorAlreadyInTerminalState;
import flyteidl.admin.Event.EventFailureReason;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.ExecutionClosure;
import flyteidl.admin.ExecutionOuterClass.ExecutionList;
import flyteidl.admin.ExecutionOuterClass.ExecutionMetadata;
import flyteidl.admin.ExecutionOuterClass.ExecutionRecoverRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionRelaunchRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionState;
import flyteidl.admin.ExecutionOuterClass.ExecutionTerminateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionUpdateRequest;
import flyteidl.admin.ExecutionOuterClass.LiteralMapBlob;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetDataRequest;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetDataResponse;
import flyteidl.core.Execution.ExecutionError;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Literals.LiteralMap;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import org.flyte.admin.executor.AbortData;
import org.flyte.admin.executor.RecordingWorkflowExecutor;
import org.flyte.admin.repository.execution.ExecutionRow;
import org.flyte.common.storage.DataReference;
import org.junit.jupiter.api.Test;

/**
 * What follows a creation: relaunch, recover, terminate, archive, get, list and the data, over
 * gRPC.
 */
class ExecutionLifecycleTest extends ExecutionFixtures {

  private WorkflowExecutionIdentifier started(String name, long x) {
    return create(request(launchPlan, Map.of("x", integerLiteral(x))).setName(name));
  }

  /** Sets what an event would have set (the event ingestion is another issue). */
  private void setPhase(WorkflowExecutionIdentifier id, WorkflowExecution.Phase phase) {
    ExecutionRow row = row(id);
    executionRows.update(
        row.toBuilder()
            .phase(phase.name())
            .closure(row.closure().toBuilder().setPhase(phase).build())
            .build());
  }

  private ResourceListRequest.Builder list() {
    return ResourceListRequest.newBuilder()
        .setId(
            flyteidl.admin.Common.NamedEntityIdentifier.newBuilder()
                .setProject(project)
                .setDomain(DOMAIN))
        .setLimit(100)
        .setSortBy(Sort.newBuilder().setKey("created_at").setDirection(Sort.Direction.ASCENDING));
  }

  private List<String> names(ExecutionList list) {
    return list.getExecutionsList().stream().map(e -> e.getId().getName()).toList();
  }

  @Test
  void relaunchRunsTheOriginalsInputsAgainAsANewExecution() {
    WorkflowExecutionIdentifier original = started("original", 9);

    WorkflowExecutionIdentifier relaunched =
        admin
            .relaunchExecution(
                ExecutionRelaunchRequest.newBuilder()
                    .setId(original)
                    .setName("relaunched")
                    .setOverwriteCache(true)
                    .build())
            .getId();

    assertThat(relaunched).isEqualTo(executionId("relaunched"));
    Execution execution = get(relaunched);
    assertThat(execution.getSpec().getMetadata().getMode())
        .isEqualTo(ExecutionMetadata.ExecutionMode.RELAUNCH);
    assertThat(execution.getSpec().getMetadata().getReferenceExecution()).isEqualTo(original);
    assertThat(execution.getSpec().getOverwriteCache()).isTrue();
    assertThat(executor.executed(relaunched).parameters().inputs().getLiteralsMap())
        .containsEntry("x", integerLiteral(9));
    assertThat(row(relaunched).sourceExecutionId()).isEqualTo(row(original).rowId());
    assertThat(row(relaunched).mode()).isEqualTo(ExecutionMetadata.ExecutionMode.RELAUNCH_VALUE);

    // Without a name, one is generated; a missing original is NOT_FOUND.
    assertThat(
            admin
                .relaunchExecution(ExecutionRelaunchRequest.newBuilder().setId(original).build())
                .getId()
                .getName())
        .hasSize(20);
    assertStatus(
        status(
            () ->
                admin.relaunchExecution(
                    ExecutionRelaunchRequest.newBuilder().setId(executionId("nope")).build())),
        Status.Code.NOT_FOUND,
        "missing entity of type execution with identifier");
  }

  @Test
  void recoverRunsTheOriginalAgainAsARecoveryOfIt() {
    WorkflowExecutionIdentifier original = started("to-recover", 4);
    NodeExecutionIdentifier parentNode =
        NodeExecutionIdentifier.newBuilder().setNodeId("n0").setExecutionId(original).build();
    jdbc.sql(
            "INSERT INTO node_executions (created_at, updated_at, execution_project,"
                + " execution_domain, execution_name, node_id) VALUES (now(), now(), :p, :d,"
                + " 'to-recover', 'n0')")
        .param("p", project)
        .param("d", DOMAIN)
        .update();

    WorkflowExecutionIdentifier recovered =
        admin
            .recoverExecution(
                ExecutionRecoverRequest.newBuilder()
                    .setId(original)
                    .setName("recovered")
                    .setMetadata(ExecutionMetadata.newBuilder().setParentNodeExecution(parentNode))
                    .build())
            .getId();

    Execution execution = get(recovered);
    assertThat(execution.getSpec().getMetadata().getMode())
        .isEqualTo(ExecutionMetadata.ExecutionMode.RECOVERED);
    assertThat(execution.getSpec().getMetadata().getParentNodeExecution()).isEqualTo(parentNode);
    assertThat(executor.executed(recovered).parameters().recoveryExecution()).isEqualTo(original);
    assertThat(executor.executed(recovered).parameters().inputs().getLiteralsMap())
        .containsEntry("x", integerLiteral(4));
    assertThat(row(recovered).sourceExecutionId()).isEqualTo(row(original).rowId());
  }

  @Test
  void terminateRecordsAbortingWithTheCauseThenAbortsAndRefusesTerminalExecutions() {
    WorkflowExecutionIdentifier id = started("to-stop", 1);

    admin.terminateExecution(
        ExecutionTerminateRequest.newBuilder().setId(id).setCause("not needed").build());

    Execution aborting = get(id);
    assertThat(aborting.getClosure().getPhase()).isEqualTo(WorkflowExecution.Phase.ABORTING);
    assertThat(aborting.getClosure().getAbortMetadata().getCause()).isEqualTo("not needed");
    assertThat(row(id).abortCause()).isEqualTo("not needed");
    assertThat(executor.aborted(project))
        .containsExactly(
            new AbortData(project + "-development", id, RecordingWorkflowExecutor.CLUSTER));

    // Terminating an ABORTING execution again is allowed (the abort is repeated).
    admin.terminateExecution(
        ExecutionTerminateRequest.newBuilder().setId(id).setCause("again").build());
    assertThat(executor.aborted(project)).hasSize(2);

    setPhase(id, WorkflowExecution.Phase.ABORTED);
    com.google.rpc.Status refused =
        status(
            () ->
                admin.terminateExecution(ExecutionTerminateRequest.newBuilder().setId(id).build()));
    assertStatus(
        refused,
        Status.Code.FAILED_PRECONDITION,
        "Cannot abort an already terminated workflow execution");
    assertThat(refused.getDetailsList())
        .containsExactly(
            Any.pack(
                EventFailureReason.newBuilder()
                    .setAlreadyInTerminalState(
                        EventErrorAlreadyInTerminalState.newBuilder().setCurrentPhase("ABORTED"))
                    .build()));
    assertThat(executor.aborted(project)).hasSize(2);

    assertStatus(
        status(
            () ->
                admin.terminateExecution(
                    ExecutionTerminateRequest.newBuilder().setId(executionId("nope")).build())),
        Status.Code.NOT_FOUND,
        "missing entity of type execution with identifier");
    assertStatus(
        status(
            () ->
                admin.terminateExecution(
                    ExecutionTerminateRequest.newBuilder()
                        .setId(id.toBuilder().clearName())
                        .build())),
        Status.Code.INVALID_ARGUMENT,
        "missing name");
  }

  @Test
  void archivedExecutionsLeaveTheDefaultListAndAStateFilterShowsThem() {
    WorkflowExecutionIdentifier kept = started("kept", 1);
    WorkflowExecutionIdentifier archived = started("archived", 2);
    setPhase(kept, WorkflowExecution.Phase.RUNNING);

    admin.updateExecution(
        ExecutionUpdateRequest.newBuilder()
            .setId(archived)
            .setState(ExecutionState.EXECUTION_ARCHIVED)
            .build());

    assertThat(get(archived).getClosure().getStateChangeDetails().getState())
        .isEqualTo(ExecutionState.EXECUTION_ARCHIVED);
    assertThat(row(archived).state()).isEqualTo(1);
    assertThat(names(admin.listExecutions(list().build()))).containsExactly("kept");
    assertThat(names(admin.listExecutions(list().setFilters("eq(state,1)").build())))
        .containsExactly("archived");
    assertThat(names(admin.listExecutions(list().setFilters("value_in(state,0;1)").build())))
        .containsExactly("kept", "archived");
    assertStatus(
        status(
            () ->
                admin.updateExecution(
                    ExecutionUpdateRequest.newBuilder().setId(executionId("nope")).build())),
        Status.Code.NOT_FOUND,
        "missing entity of type execution with identifier");
  }

  @Test
  void listsFilterOnExecutionColumnsAndJoinedEntitiesAndPageByOffset() {
    started("e1", 1);
    WorkflowExecutionIdentifier e2 = started("e2", 2);
    create(request(requiredLaunchPlan, Map.of("x", integerLiteral(3))).setName("e3"));
    create(request(task, Map.of("x", integerLiteral(4))).setName("e4"));
    setPhase(e2, WorkflowExecution.Phase.RUNNING);

    assertThat(names(admin.listExecutions(list().build()))).containsExactly("e1", "e2", "e3", "e4");
    assertThat(names(admin.listExecutions(list().setFilters("eq(phase,RUNNING)").build())))
        .containsExactly("e2");
    assertThat(names(admin.listExecutions(list().setFilters("eq(launch_plan.name,lp)").build())))
        .containsExactly("e1", "e2");
    assertThat(
            names(
                admin.listExecutions(
                    list().setFilters("eq(launch_plan.name,lp-required)+eq(mode,0)").build())))
        .containsExactly("e3");
    assertThat(names(admin.listExecutions(list().setFilters("eq(task.name,t)").build())))
        .containsExactly("e4");
    assertThat(names(admin.listExecutions(list().setFilters("eq(workflow.name,wf)").build())))
        .containsExactly("e1", "e2", "e3");
    assertThat(
            names(
                admin.listExecutions(
                    list()
                        .setSortBy(
                            Sort.newBuilder()
                                .setKey("execution_name")
                                .setDirection(Sort.Direction.DESCENDING))
                        .build())))
        .containsExactly("e4", "e3", "e2", "e1");

    ExecutionList first = admin.listExecutions(list().setLimit(3).build());
    assertThat(names(first)).containsExactly("e1", "e2", "e3");
    assertThat(first.getToken()).isEqualTo("3");
    ExecutionList second = admin.listExecutions(list().setLimit(3).setToken("3").build());
    assertThat(names(second)).containsExactly("e4");
    assertThat(second.getToken()).isEmpty();
    assertThat(
            names(
                admin.listExecutions(
                    list().setId(list().getId().toBuilder().setName("e3")).build())))
        .containsExactly("e3");
  }

  @Test
  void listsFindExecutionsByTheirTagsAndShortenErrorMessages() {
    var tagged = request(launchPlan, Map.of()).setName("tagged");
    tagged.getSpecBuilder().getLabelsBuilder().putValues("team", "ml");
    create(tagged);
    started("untagged", 1);
    WorkflowExecutionIdentifier failed = started("failed", 1);
    ExecutionRow row = row(failed);
    String message = "é".repeat(80);
    executionRows.update(
        row.toBuilder()
            .phase("FAILED")
            .closure(
                row.closure().toBuilder()
                    .setPhase(WorkflowExecution.Phase.FAILED)
                    .setError(ExecutionError.newBuilder().setMessage(message))
                    .build())
            .build());

    assertThat(names(admin.listExecutions(list().setFilters("eq(execution_tag.key,team)").build())))
        .containsExactly("tagged");
    assertThat(names(admin.listExecutions(list().setFilters("eq(admin_tag.name,team)").build())))
        .containsExactly("tagged");
    Execution listed =
        admin.listExecutions(list().setFilters("eq(phase,FAILED)").build()).getExecutions(0);
    assertThat(listed.getClosure().getError().getMessage()).isEqualTo("é".repeat(50));
    assertThat(get(failed).getClosure().getError().getMessage()).isEqualTo(message);
  }

  @Test
  void listRequestsAreValidatedAsInFlyte() {
    assertStatus(
        status(() -> admin.listExecutions(list().setLimit(0).build())),
        Status.Code.INVALID_ARGUMENT,
        "invalid value for limit");
    assertStatus(
        status(() -> admin.listExecutions(list().setToken("-1").build())),
        Status.Code.INVALID_ARGUMENT,
        "invalid pagination token -1 for ListExecutions");
    assertStatus(
        status(() -> admin.listExecutions(list().setFilters("eq(project,x)").build())),
        Status.Code.INVALID_ARGUMENT,
        "'e.project' is invalid filter");
    assertStatus(
        status(() -> admin.listExecutions(list().setFilters("eq(node_execution.phase,x)").build())),
        Status.Code.INVALID_ARGUMENT,
        "'ne' entity is not allowed in filters");
    assertStatus(
        status(
            () ->
                admin.listExecutions(
                    list().setSortBy(Sort.newBuilder().setKey("launch_plan.name")).build())),
        Status.Code.INVALID_ARGUMENT,
        "invalid sort key 'launch_plan.name'");
    assertStatus(
        status(() -> admin.listExecutions(list().clearId().build())),
        Status.Code.INVALID_ARGUMENT,
        "missing id");
  }

  @Test
  void getExecutionDataAnswersTheComputedInputsAndTheOutputsOnceThereAreAny() {
    WorkflowExecutionIdentifier id = started("with-data", 8);
    WorkflowExecutionGetDataRequest request =
        WorkflowExecutionGetDataRequest.newBuilder().setId(id).build();

    WorkflowExecutionGetDataResponse data = admin.getExecutionData(request);
    assertThat(data.getFullInputs().getLiteralsMap())
        .containsExactly(Map.entry("x", integerLiteral(8)));
    assertThat(data.getFullOutputs()).isEqualTo(LiteralMap.getDefaultInstance());
    assertThat(data.hasInputs()).isTrue();
    assertThat(data.getInputs().getUrl()).isEmpty();

    // Outputs by reference, as propeller reports them.
    LiteralMap outputs = LiteralMap.newBuilder().putLiterals("o0", integerLiteral(9)).build();
    DataReference outputsUri =
        DataReference.parse("mem://flyte/propeller/" + project + "/outputs.pb");
    store.write(outputsUri, outputs);
    ExecutionRow row = row(id);
    ExecutionClosure.Builder succeeded =
        row.closure().toBuilder()
            .setPhase(WorkflowExecution.Phase.SUCCEEDED)
            .setOutputs(LiteralMapBlob.newBuilder().setUri(outputsUri.toString()));
    executionRows.update(row.toBuilder().phase("SUCCEEDED").closure(succeeded.build()).build());
    assertThat(admin.getExecutionData(request).getFullOutputs()).isEqualTo(outputs);

    // Outputs inline (a StoreInline policy).
    executionRows.update(
        row.toBuilder().closure(succeeded.clearOutputs().setOutputData(outputs).build()).build());
    assertThat(admin.getExecutionData(request).getFullOutputs()).isEqualTo(outputs);

    assertStatus(
        status(
            () ->
                admin.getExecutionData(
                    WorkflowExecutionGetDataRequest.newBuilder()
                        .setId(executionId("nope"))
                        .build())),
        Status.Code.NOT_FOUND,
        "missing entity of type execution with identifier");
  }

  @Test
  void getExecutionFillsTheNamespaceOfRowsWithoutOne() {
    WorkflowExecutionIdentifier id = started("legacy", 1);
    ExecutionRow row = row(id);
    var spec = row.spec().toBuilder();
    spec.getMetadataBuilder().clearSystemMetadata();
    executionRows.update(row.toBuilder().spec(spec.build()).build());

    assertThat(get(id).getSpec().getMetadata().getSystemMetadata().getNamespace())
        .isEqualTo(project + "-development");
    assertStatus(
        status(() -> get(id.toBuilder().clearDomain().build())),
        Status.Code.INVALID_ARGUMENT,
        "missing domain");
  }
}

package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.admin.Common.NamedEntityGetRequest;
import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.admin.Common.NamedEntityState;
import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionMetadata;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanState;
import flyteidl.admin.MatchableResourceOuterClass.ExecutionClusterLabel;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import io.grpc.Status;
import java.util.Map;
import org.flyte.admin.executor.ExecutionData;
import org.flyte.admin.executor.RecordingWorkflowExecutor;
import org.flyte.admin.repository.execution.ExecutionRow;
import org.junit.jupiter.api.Test;

/**
 * Single-task executions (the generated {@code .flytegen} workflow and launch plan) and child
 * executions launched by a launch-plan node.
 */
class SingleTaskExecutionTest extends ExecutionFixtures {

  private ExecutionCreateRequest.Builder taskRequest(long x) {
    return request(task, Map.of("x", integerLiteral(x)));
  }

  @Test
  void aTaskRunsThroughAGeneratedWorkflowAndLaunchPlanMarkedSystemGenerated() {
    WorkflowExecutionIdentifier id = create(taskRequest(5));

    Identifier generatedWorkflow = id(ResourceType.WORKFLOW, ".flytegen.t", "v1");
    var workflowTemplate =
        admin
            .getWorkflow(ObjectGetRequest.newBuilder().setId(generatedWorkflow).build())
            .getClosure()
            .getCompiledWorkflow()
            .getPrimary()
            .getTemplate();
    assertThat(workflowTemplate.getNodesList())
        .anySatisfy(
            node -> {
              assertThat(node.getId()).isEqualTo("t");
              assertThat(node.getMetadata().getRetries().getRetries()).isEqualTo(3);
              assertThat(node.getTaskNode().getReferenceId()).isEqualTo(task);
            });
    LaunchPlan generated =
        admin.getLaunchPlan(
            ObjectGetRequest.newBuilder()
                .setId(id(ResourceType.LAUNCH_PLAN, ".flytegen.t", "v1"))
                .build());
    assertThat(generated.getClosure().getState()).isEqualTo(LaunchPlanState.INACTIVE);
    assertThat(generated.getSpec().getWorkflowId()).isEqualTo(id(ResourceType.WORKFLOW, "t", "v1"));
    assertThat(generated.getClosure().getExpectedInputs().getParametersMap().get("x").getRequired())
        .isTrue();
    for (ResourceType type : new ResourceType[] {ResourceType.WORKFLOW, ResourceType.LAUNCH_PLAN}) {
      assertThat(
              admin
                  .getNamedEntity(
                      NamedEntityGetRequest.newBuilder()
                          .setResourceType(type)
                          .setId(
                              NamedEntityIdentifier.newBuilder()
                                  .setProject(project)
                                  .setDomain(DOMAIN)
                                  .setName(".flytegen.t"))
                          .build())
                  .getMetadata()
                  .getState())
          .isEqualTo(NamedEntityState.SYSTEM_GENERATED);
    }

    ExecutionData data = executor.executed(id);
    assertThat(data.referenceWorkflowName()).isEqualTo(".flytegen.t");
    assertThat(data.referenceLaunchPlanName()).isEqualTo(".flytegen.t");
    assertThat(data.parameters().inputs().getLiteralsMap()).containsEntry("x", integerLiteral(5));
    ExecutionRow row = row(id);
    assertThat(row.taskId()).isPositive();
    assertThat(row.launchPlanId()).isZero();
    assertThat(row.launchEntity()).isEqualTo("task");
    assertThat(get(id).getClosure().getWorkflowId()).isEqualTo(generatedWorkflow);

    // The second execution of the task reuses the generated entities.
    WorkflowExecutionIdentifier again = create(taskRequest(6));
    assertThat(row(again).workflowId()).isEqualTo(row.workflowId());
  }

  @Test
  void everyInputOfATaskIsRequiredAndATaskExecutionKeepsNoTags() {
    assertStatus(
        status(() -> create(request(task, Map.of()))),
        Status.Code.INVALID_ARGUMENT,
        "expected_inputs x missing");
    ExecutionCreateRequest.Builder labelled = taskRequest(1).setName("labelled");
    labelled.getSpecBuilder().getLabelsBuilder().putValues("team", "ml");
    create(labelled);
    assertThat(
            jdbc.sql("SELECT count(*) FROM execution_tags WHERE execution_project = :p")
                .param("p", project)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aMissingTaskIsNotFound() {
    assertStatus(
        status(() -> create(request(taskId("nope", "v1"), Map.of()))),
        Status.Code.NOT_FOUND,
        "missing entity of type TASK with identifier");
  }

  @Test
  void anExecutorFailureOfATaskExecutionIsTheCallersAndLeavesNoExecution() {
    assertStatus(
        status(() -> create(taskRequest(1).setName(RecordingWorkflowExecutor.FAILING_NAME))),
        Status.Code.INVALID_ARGUMENT,
        "the workflow cannot be built");
    assertThat(executionRows.find(executionId(RecordingWorkflowExecutor.FAILING_NAME))).isEmpty();
  }

  @Test
  void aChildExecutionIsLinkedToTheNodeThatLaunchedItAndInheritsFromItsParent() {
    ExecutionCreateRequest.Builder parentRequest = request(launchPlan, Map.of()).setName("parent");
    parentRequest
        .getSpecBuilder()
        .setExecutionClusterLabel(ExecutionClusterLabel.newBuilder().setValue("blue"));
    WorkflowExecutionIdentifier parent = create(parentRequest);
    long nodeRowId =
        jdbc.sql(
                "INSERT INTO node_executions (created_at, updated_at, execution_project,"
                    + " execution_domain, execution_name, node_id, phase) VALUES (now(), now(), :p,"
                    + " :d, 'parent', 'n0', 'RUNNING') RETURNING id")
            .param("p", project)
            .param("d", DOMAIN)
            .query(Long.class)
            .single();
    NodeExecutionIdentifier node =
        NodeExecutionIdentifier.newBuilder().setNodeId("n0").setExecutionId(parent).build();
    ExecutionCreateRequest.Builder child = request(launchPlan, Map.of()).setName("child");
    child
        .getSpecBuilder()
        .getMetadataBuilder()
        .setMode(ExecutionMetadata.ExecutionMode.CHILD_WORKFLOW)
        .setParentNodeExecution(node);

    WorkflowExecutionIdentifier id = create(child);

    ExecutionRow row = row(id);
    assertThat(row.parentNodeExecutionId()).isEqualTo(nodeRowId);
    assertThat(row.sourceExecutionId()).isEqualTo(row(parent).rowId());
    assertThat(row.mode()).isEqualTo(ExecutionMetadata.ExecutionMode.CHILD_WORKFLOW_VALUE);
    assertThat(get(id).getSpec().getMetadata().getNesting()).isEqualTo(1);
    assertThat(executor.executed(id).parameters().executionClusterLabel().getValue())
        .isEqualTo("blue");

    ExecutionCreateRequest.Builder orphan = request(launchPlan, Map.of()).setName("orphan");
    orphan
        .getSpecBuilder()
        .getMetadataBuilder()
        .setParentNodeExecution(node.toBuilder().setNodeId("missing"));
    assertStatus(
        status(() -> create(orphan)),
        Status.Code.NOT_FOUND,
        "missing entity of type node execution with identifier");
  }
}

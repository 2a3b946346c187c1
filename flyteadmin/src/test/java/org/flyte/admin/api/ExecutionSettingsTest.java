package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.BoolValue;
import flyteidl.admin.ClusterAssignmentOuterClass.ClusterAssignment;
import flyteidl.admin.Common.Annotations;
import flyteidl.admin.Common.Labels;
import flyteidl.admin.Common.RawOutputDataConfig;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.LaunchPlanOuterClass.ConcurrencyLimitBehavior;
import flyteidl.admin.LaunchPlanOuterClass.ConcurrencyPolicy;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanSpec;
import flyteidl.admin.MatchableResourceOuterClass.ExecutionQueueAttributes;
import flyteidl.admin.MatchableResourceOuterClass.MatchingAttributes;
import flyteidl.admin.MatchableResourceOuterClass.TaskResourceAttributes;
import flyteidl.admin.MatchableResourceOuterClass.TaskResourceSpec;
import flyteidl.admin.MatchableResourceOuterClass.WorkflowExecutionConfig;
import flyteidl.admin.ProjectAttributesOuterClass.ProjectAttributes;
import flyteidl.admin.ProjectAttributesOuterClass.ProjectAttributesUpdateRequest;
import flyteidl.admin.ProjectDomainAttributesOuterClass.ProjectDomainAttributes;
import flyteidl.admin.ProjectDomainAttributesOuterClass.ProjectDomainAttributesUpdateRequest;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributes;
import flyteidl.admin.WorkflowAttributesOuterClass.WorkflowAttributesUpdateRequest;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Literals.KeyValuePair;
import flyteidl.core.Security.Identity;
import flyteidl.core.Security.SecurityContext;
import flyteidl.core.Tasks.Resources.ResourceEntry;
import flyteidl.core.Tasks.Resources.ResourceName;
import io.grpc.Status;
import java.util.Map;
import org.flyte.admin.executor.ExecutionParameters;
import org.junit.jupiter.api.Test;

/**
 * The settings an execution gets from its request, launch plan, matchable attributes and the
 * platform: the workflow execution config's precedence, task resources, queues, cluster pools and
 * the concurrency policy.
 */
class ExecutionSettingsTest extends ExecutionFixtures {

  private static SecurityContext serviceAccount(String name) {
    return SecurityContext.newBuilder()
        .setRunAs(Identity.newBuilder().setK8SServiceAccount(name))
        .build();
  }

  private void projectAttributes(MatchingAttributes attributes) {
    admin.updateProjectAttributes(
        ProjectAttributesUpdateRequest.newBuilder()
            .setAttributes(
                ProjectAttributes.newBuilder()
                    .setProject(project)
                    .setMatchingAttributes(attributes))
            .build());
  }

  private void projectDomainAttributes(MatchingAttributes attributes) {
    admin.updateProjectDomainAttributes(
        ProjectDomainAttributesUpdateRequest.newBuilder()
            .setAttributes(
                ProjectDomainAttributes.newBuilder()
                    .setProject(project)
                    .setDomain(DOMAIN)
                    .setMatchingAttributes(attributes))
            .build());
  }

  private void workflowAttributes(MatchingAttributes attributes) {
    admin.updateWorkflowAttributes(
        WorkflowAttributesUpdateRequest.newBuilder()
            .setAttributes(
                WorkflowAttributes.newBuilder()
                    .setProject(project)
                    .setDomain(DOMAIN)
                    .setWorkflow("wf")
                    .setMatchingAttributes(attributes))
            .build());
  }

  private static MatchingAttributes config(WorkflowExecutionConfig.Builder config) {
    return MatchingAttributes.newBuilder().setWorkflowExecutionConfig(config).build();
  }

  @Test
  void theExecutionConfigTakesEachSettingFromTheFirstLayerThatSetsIt() {
    projectAttributes(
        config(
            WorkflowExecutionConfig.newBuilder()
                .setMaxParallelism(7)
                .setSecurityContext(serviceAccount("project-sa"))
                .setAnnotations(Annotations.newBuilder().putValues("level", "project"))));
    projectDomainAttributes(
        config(
            WorkflowExecutionConfig.newBuilder()
                .setSecurityContext(serviceAccount("domain-sa"))
                .setLabels(Labels.newBuilder().putValues("level", "domain"))
                .setOverwriteCache(true)));
    workflowAttributes(
        config(
            WorkflowExecutionConfig.newBuilder()
                .setRawOutputDataConfig(
                    RawOutputDataConfig.newBuilder().setOutputLocationPrefix("s3://bucket/wf"))
                .setLabels(Labels.newBuilder().putValues("level", "workflow"))));
    Identifier annotated =
        registerLaunchPlan(
            "annotated",
            Map.of("x", integerLiteral(1)),
            LaunchPlanSpec.newBuilder()
                .setAnnotations(Annotations.newBuilder().putValues("from", "launch-plan")));
    ExecutionCreateRequest.Builder request = request(annotated, Map.of());
    request.getSpecBuilder().setInterruptible(BoolValue.of(false));

    WorkflowExecutionIdentifier id = create(request);

    // request > launch plan > most specific attribute (workflow) > project attribute > platform;
    // the project-domain row is not used while a workflow row exists, as in Flyte.
    ExecutionParameters parameters = executor.executed(id).parameters();
    WorkflowExecutionConfig resolved = parameters.executionConfig();
    assertThat(resolved.getInterruptible()).isEqualTo(BoolValue.of(false));
    assertThat(resolved.getAnnotations().getValuesMap())
        .containsExactly(Map.entry("from", "launch-plan"));
    assertThat(resolved.getRawOutputDataConfig().getOutputLocationPrefix())
        .isEqualTo("s3://bucket/wf");
    assertThat(resolved.getLabels().getValuesMap()).containsExactly(Map.entry("level", "workflow"));
    assertThat(resolved.getMaxParallelism()).isEqualTo(7);
    assertThat(resolved.getSecurityContext()).isEqualTo(serviceAccount("project-sa"));
    assertThat(resolved.getOverwriteCache()).isFalse();
    assertThat(parameters.labels()).containsExactly(Map.entry("level", "workflow"));
    assertThat(parameters.annotations()).containsExactly(Map.entry("from", "launch-plan"));
    assertThat(parameters.rawOutputDataConfig().getOutputLocationPrefix())
        .isEqualTo("s3://bucket/wf");
    // Only the security context and max parallelism are written back into the stored spec.
    Execution stored = get(id);
    assertThat(stored.getSpec().getSecurityContext()).isEqualTo(serviceAccount("project-sa"));
    assertThat(stored.getSpec().getMaxParallelism()).isEqualTo(7);
    assertThat(stored.getSpec().getLabels().getValuesCount()).isZero();

    // Without the workflow row, the project-domain row is the most specific one.
    jdbc.sql("DELETE FROM resources WHERE project = :p AND workflow = 'wf'")
        .param("p", project)
        .update();
    WorkflowExecutionConfig domainLevel =
        executor.executed(create(request(launchPlan, Map.of()))).parameters().executionConfig();
    assertThat(domainLevel.getSecurityContext()).isEqualTo(serviceAccount("domain-sa"));
    assertThat(domainLevel.getLabels().getValuesMap())
        .containsExactly(Map.entry("level", "domain"));
    assertThat(domainLevel.getOverwriteCache()).isTrue();
    assertThat(domainLevel.getMaxParallelism()).isEqualTo(7);
    assertThat(domainLevel.getAnnotations().getValuesMap()).containsEntry("level", "project");
    assertThat(domainLevel.hasInterruptible()).isFalse();
  }

  @Test
  void theRequestsSettingsWinAndAnEmptySecurityContextDoesNotCount() {
    projectAttributes(
        config(
            WorkflowExecutionConfig.newBuilder().setSecurityContext(serviceAccount("project-sa"))));
    ExecutionCreateRequest.Builder request = request(launchPlan, Map.of());
    request
        .getSpecBuilder()
        .setMaxParallelism(3)
        .setSecurityContext(SecurityContext.newBuilder().setRunAs(Identity.getDefaultInstance()))
        .getEnvsBuilder()
        .addValues(KeyValuePair.newBuilder().setKey("K").setValue("V"));

    WorkflowExecutionConfig resolved =
        executor.executed(create(request)).parameters().executionConfig();

    assertThat(resolved.getMaxParallelism()).isEqualTo(3);
    assertThat(resolved.getSecurityContext()).isEqualTo(serviceAccount("project-sa"));
    assertThat(resolved.getEnvs().getValuesList())
        .containsExactly(KeyValuePair.newBuilder().setKey("K").setValue("V").build());
  }

  @Test
  void theDeprecatedAuthRoleBecomesTheSecurityContextWhenNothingElseSetsOne() {
    ExecutionCreateRequest.Builder request = request(launchPlan, Map.of());
    request.getSpecBuilder().getAuthRoleBuilder().setKubernetesServiceAccount("legacy-sa");

    WorkflowExecutionConfig resolved =
        executor.executed(create(request)).parameters().executionConfig();

    assertThat(resolved.getSecurityContext()).isEqualTo(serviceAccount("legacy-sa"));
  }

  @Test
  void taskResourceAttributesAndQueuesApplyToTheContainerTasks() {
    workflowAttributes(
        MatchingAttributes.newBuilder()
            .setTaskResourceAttributes(
                TaskResourceAttributes.newBuilder()
                    .setDefaults(TaskResourceSpec.newBuilder().setCpu("0.5").setMemory("1024Mi"))
                    .setLimits(TaskResourceSpec.newBuilder().setCpu("1").setMemory("2Gi")))
            .build());
    workflowAttributes(
        MatchingAttributes.newBuilder()
            .setExecutionQueueAttributes(ExecutionQueueAttributes.newBuilder().addTags("gpu"))
            .build());

    var data = executor.executed(create(request(launchPlan, Map.of())));

    var container = data.workflowClosure().getTasks(0).getTemplate().getContainer();
    assertThat(container.getResources().getRequestsList())
        .containsExactly(entry(ResourceName.CPU, "500m"), entry(ResourceName.MEMORY, "1Gi"));
    assertThat(container.getResources().getLimitsList())
        .containsExactly(entry(ResourceName.CPU, "500m"), entry(ResourceName.MEMORY, "1Gi"));
    assertThat(container.getConfigList())
        .contains(KeyValuePair.newBuilder().setKey("child_queue").setValue("gpu-queue").build());
    assertThat(data.parameters().taskResources().defaults().cpu()).isEqualTo("500m");
    assertThat(data.parameters().taskResources().limits().memory()).isEqualTo("2Gi");
  }

  @Test
  void theRequestedClusterPoolMustAgreeWithTheConfiguredOne() {
    projectDomainAttributes(
        MatchingAttributes.newBuilder()
            .setClusterAssignment(ClusterAssignment.newBuilder().setClusterPoolName("gpu"))
            .build());
    ExecutionCreateRequest.Builder other = request(launchPlan, Map.of());
    other.getSpecBuilder().getClusterAssignmentBuilder().setClusterPoolName("cpu");

    assertStatus(
        status(() -> create(other)),
        Status.Code.INVALID_ARGUMENT,
        "execution with project \""
            + project
            + "\" and domain \"development\" cannot run on cluster pool \"cpu\", because its"
            + " configured to run on pool \"gpu\"");
    assertThat(
            executor
                .executed(create(request(launchPlan, Map.of())))
                .parameters()
                .clusterAssignment())
        .isEqualTo(ClusterAssignment.newBuilder().setClusterPoolName("gpu").build());
  }

  @Test
  void aSkippingConcurrencyPolicyRefusesExecutionsBeyondItsLimit() {
    Identifier limited =
        registerLaunchPlan(
            "limited",
            Map.of("x", integerLiteral(1)),
            LaunchPlanSpec.newBuilder()
                .setConcurrencyPolicy(
                    ConcurrencyPolicy.newBuilder()
                        .setMax(1)
                        .setBehavior(ConcurrencyLimitBehavior.CONCURRENCY_LIMIT_BEHAVIOR_SKIP)));
    WorkflowExecutionIdentifier first = create(request(limited, Map.of()));
    // UNDEFINED (not started yet) does not count; QUEUED and RUNNING do.
    WorkflowExecutionIdentifier second = create(request(limited, Map.of()));
    jdbc.sql("UPDATE executions SET phase = 'RUNNING' WHERE execution_name = :n")
        .param("n", first.getName())
        .update();

    assertStatus(
        status(() -> create(request(limited, Map.of()))),
        Status.Code.ALREADY_EXISTS,
        "concurrency limit (1) reached for launch plan limited; skipping execution");
    assertThat(second.getName()).isNotEqualTo(first.getName());
  }

  private static ResourceEntry entry(ResourceName name, String value) {
    return ResourceEntry.newBuilder().setName(name).setValue(value).build();
  }
}

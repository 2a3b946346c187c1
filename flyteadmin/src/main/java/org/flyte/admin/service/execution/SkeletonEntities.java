package org.flyte.admin.service.execution;

import flyteidl.admin.Common.Annotations;
import flyteidl.admin.Common.Labels;
import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.admin.Common.NamedEntityMetadata;
import flyteidl.admin.Common.NamedEntityState;
import flyteidl.admin.Common.NamedEntityUpdateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionSpec;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanClosure;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanMetadata;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanSpec;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanState;
import flyteidl.admin.TaskOuterClass.Task;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateRequest;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Interface.ParameterMap;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.Binding;
import flyteidl.core.Literals.BindingData;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.RetryStrategy;
import flyteidl.core.Types.OutputReference;
import flyteidl.core.Workflow.Node;
import flyteidl.core.Workflow.NodeMetadata;
import flyteidl.core.Workflow.TaskNode;
import flyteidl.core.Workflow.WorkflowTemplate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flyte.admin.repository.execution.LaunchEntityRepository;
import org.flyte.admin.repository.execution.LaunchEntityRepository.WorkflowTarget;
import org.flyte.admin.repository.launchplan.LaunchPlanRepository;
import org.flyte.admin.repository.launchplan.LaunchPlanRepository.StoredLaunchPlan;
import org.flyte.admin.repository.task.TaskRepository;
import org.flyte.admin.service.digest.Digests;
import org.flyte.admin.service.namedentity.NamedEntityService;
import org.flyte.admin.service.project.ProjectDomainValidator;
import org.flyte.admin.service.validation.LaunchPlanSpecValidator;
import org.flyte.admin.service.workflow.WorkflowService;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.compiler.graph.ProtoText;
import org.springframework.stereotype.Component;

/**
 * The workflow and launch plan a single-task execution runs: {@code .flytegen.<task name>}, same
 * version as the task, created on first use and marked SYSTEM_GENERATED. Follows {@code
 * flyteadmin/pkg/manager/impl/util/single_task_execution.go} (v1.16.8):
 *
 * <ul>
 *   <li>the workflow has one node, named after the task (its last 63 characters, letters, digits
 *       and {@code -} only), with the task's retries (else 3), its inputs bound to the workflow's
 *       and the workflow's outputs bound to it; it is registered through CreateWorkflow, so it is
 *       compiled like any other;
 *   <li>the launch plan is INACTIVE and has neither defaults nor fixed inputs, so every input of
 *       the task is required; it carries the request's auth role and security context. As in Flyte,
 *       its {@code spec.workflow_id} names the task, not the generated workflow.
 * </ul>
 *
 * Concurrent first uses are safe: an entity another request created meanwhile is used as found.
 */
@Component
class SkeletonEntities {

  /** The prefix of generated names (Flyte's {@code systemNamePrefix}). */
  static final String PREFIX = ".flytegen.";

  private static final int MAX_NODE_ID_LENGTH = 63;
  private static final int DEFAULT_RETRIES = 3;

  /**
   * What a single-task execution launches.
   *
   * @param task the task
   * @param taskRowId its surrogate id
   * @param workflowId the generated workflow
   * @param workflow its row
   * @param launchPlan the generated launch plan
   */
  record Skeleton(
      Task task,
      long taskRowId,
      Identifier workflowId,
      WorkflowTarget workflow,
      LaunchPlan launchPlan) {}

  private final TaskRepository tasks;
  private final LaunchEntityRepository entities;
  private final LaunchPlanRepository launchPlans;
  private final WorkflowService workflowService;
  private final NamedEntityService namedEntities;
  private final ProjectDomainValidator projects;

  SkeletonEntities(
      TaskRepository tasks,
      LaunchEntityRepository entities,
      LaunchPlanRepository launchPlans,
      WorkflowService workflowService,
      NamedEntityService namedEntities,
      ProjectDomainValidator projects) {
    this.tasks = tasks;
    this.entities = entities;
    this.launchPlans = launchPlans;
    this.workflowService = workflowService;
    this.namedEntities = namedEntities;
    this.projects = projects;
  }

  /** The skeleton of the task {@code taskId} names, created when missing. */
  Skeleton of(Identifier taskId, ExecutionSpec spec) {
    Identifier lookup = taskId.toBuilder().clearResourceType().build();
    Task task =
        tasks
            .find(taskId)
            .orElseThrow(
                () ->
                    FlyteException.notFound(
                        "missing entity of type TASK with identifier %s",
                        ProtoText.render(lookup)));
    long taskRowId = entities.taskRowId(taskId).orElseThrow();
    Identifier workflowId = generated(taskId, ResourceType.WORKFLOW);
    WorkflowTarget workflow =
        entities.workflow(workflowId).orElseGet(() -> createWorkflow(workflowId, taskId, task));
    TypedInterface taskInterface = task.getClosure().getCompiledTask().getTemplate().getInterface();
    Identifier launchPlanId = generated(taskId, ResourceType.LAUNCH_PLAN);
    LaunchPlan launchPlan =
        launchPlans
            .find(launchPlanId)
            .map(StoredLaunchPlan::launchPlan)
            .orElseGet(
                () ->
                    createLaunchPlan(launchPlanId, taskId, taskInterface, workflow.rowId(), spec));
    return new Skeleton(task, taskRowId, workflowId, workflow, launchPlan);
  }

  private WorkflowTarget createWorkflow(Identifier workflowId, Identifier taskId, Task task) {
    var template = task.getClosure().getCompiledTask().getTemplate();
    String nodeId = nodeId(taskId.getName());
    RetryStrategy retries =
        template.getMetadata().hasRetries()
            ? template.getMetadata().getRetries()
            : RetryStrategy.newBuilder().setRetries(DEFAULT_RETRIES).build();
    Node node =
        Node.newBuilder()
            .setId(nodeId)
            .setMetadata(NodeMetadata.newBuilder().setName(nodeId).setRetries(retries))
            .addAllInputs(bindings(template.getInterface().getInputs(), ""))
            .setTaskNode(TaskNode.newBuilder().setReferenceId(taskId))
            .build();
    WorkflowTemplate workflow =
        WorkflowTemplate.newBuilder()
            .setId(workflowId)
            .setInterface(template.getInterface())
            .addNodes(node)
            .addAllOutputs(bindings(template.getInterface().getOutputs(), nodeId))
            .build();
    try {
      workflowService.create(
          WorkflowCreateRequest.newBuilder()
              .setId(workflowId)
              .setSpec(WorkflowSpec.newBuilder().setTemplate(workflow))
              .build());
    } catch (FlyteException e) {
      if (e.code() != ErrorCode.ALREADY_EXISTS) {
        throw e;
      }
    }
    markSystemGenerated(ResourceType.WORKFLOW, workflowId);
    return entities.workflow(workflowId).orElseThrow();
  }

  private LaunchPlan createLaunchPlan(
      Identifier launchPlanId,
      Identifier taskId,
      TypedInterface workflowInterface,
      long workflowRowId,
      ExecutionSpec spec) {
    projects.requireActive(launchPlanId.getProject(), launchPlanId.getDomain());
    ParameterMap expected =
        LaunchPlanSpecValidator.expectedInputs(
            workflowInterface.getInputs().getVariablesMap(), Map.of(), Map.of());
    LaunchPlanSpec.Builder launchSpec =
        LaunchPlanSpec.newBuilder()
            .setWorkflowId(taskId.toBuilder().setResourceType(ResourceType.WORKFLOW))
            .setEntityMetadata(LaunchPlanMetadata.getDefaultInstance())
            .setDefaultInputs(expected)
            .setFixedInputs(LiteralMap.getDefaultInstance())
            .setLabels(Labels.getDefaultInstance())
            .setAnnotations(Annotations.getDefaultInstance());
    if (spec.hasAuthRole()) {
      launchSpec.setAuthRole(spec.getAuthRole());
    }
    if (spec.hasSecurityContext()) {
      launchSpec.setSecurityContext(spec.getSecurityContext());
    }
    LaunchPlanClosure.Builder closure = LaunchPlanClosure.newBuilder().setExpectedInputs(expected);
    if (workflowInterface.hasOutputs()) {
      closure.setExpectedOutputs(workflowInterface.getOutputs());
    }
    LaunchPlan launchPlan =
        LaunchPlan.newBuilder().setId(launchPlanId).setSpec(launchSpec).setClosure(closure).build();
    try {
      launchPlans.insert(
          launchPlan,
          workflowRowId,
          Digests.of(launchPlan),
          LaunchPlanState.INACTIVE_VALUE,
          "NONE",
          null);
    } catch (FlyteException e) {
      if (e.code() != ErrorCode.ALREADY_EXISTS) {
        throw e;
      }
      return launchPlans.find(launchPlanId).orElseThrow().launchPlan();
    }
    markSystemGenerated(ResourceType.LAUNCH_PLAN, launchPlanId);
    return launchPlan;
  }

  private void markSystemGenerated(ResourceType type, Identifier id) {
    namedEntities.update(
        NamedEntityUpdateRequest.newBuilder()
            .setResourceType(type)
            .setId(
                NamedEntityIdentifier.newBuilder()
                    .setProject(id.getProject())
                    .setDomain(id.getDomain())
                    .setName(id.getName()))
            .setMetadata(
                NamedEntityMetadata.newBuilder().setState(NamedEntityState.SYSTEM_GENERATED))
            .build());
  }

  private static Identifier generated(Identifier taskId, ResourceType type) {
    return taskId.toBuilder().setResourceType(type).setName(PREFIX + taskId.getName()).build();
  }

  /** Flyte's {@code generateNodeNameFromTask}. */
  static String nodeId(String taskName) {
    byte[] utf8 = taskName.getBytes(StandardCharsets.UTF_8);
    // Go cuts the last 63 bytes; a rune cut in two is not a letter and is dropped below.
    String tail =
        utf8.length >= MAX_NODE_ID_LENGTH
            ? new String(
                utf8, utf8.length - MAX_NODE_ID_LENGTH, MAX_NODE_ID_LENGTH, StandardCharsets.UTF_8)
            : taskName;
    StringBuilder id = new StringBuilder();
    tail.codePoints()
        .filter(
            c ->
                c == '-'
                    || Character.isLetter(c)
                    || Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER
                    || Character.getType(c) == Character.LETTER_NUMBER
                    || Character.getType(c) == Character.OTHER_NUMBER)
        .forEach(id::appendCodePoint);
    return id.toString();
  }

  /** A promise per variable, in name order. */
  private static List<Binding> bindings(VariableMap variables, String nodeId) {
    List<Binding> bindings = new ArrayList<>();
    for (String name : new TreeMap<>(variables.getVariablesMap()).keySet()) {
      bindings.add(
          Binding.newBuilder()
              .setVar(name)
              .setBinding(
                  BindingData.newBuilder()
                      .setPromise(OutputReference.newBuilder().setNodeId(nodeId).setVar(name)))
              .build());
    }
    return bindings;
  }
}

package org.flyte.admin.service.execution;

import flyteidl.admin.ClusterAssignmentOuterClass.ClusterAssignment;
import flyteidl.admin.Common.Notification;
import flyteidl.admin.ExecutionOuterClass.ExecutionClosure;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionMetadata;
import flyteidl.admin.ExecutionOuterClass.ExecutionSpec;
import flyteidl.admin.ExecutionOuterClass.ExecutionState;
import flyteidl.admin.ExecutionOuterClass.ExecutionStateChangeDetails;
import flyteidl.admin.ExecutionOuterClass.SystemMetadata;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.MatchableResourceOuterClass.ExecutionClusterLabel;
import flyteidl.admin.MatchableResourceOuterClass.WorkflowExecutionConfig;
import flyteidl.admin.WorkflowOuterClass.WorkflowClosure;
import flyteidl.core.Compiler.CompiledWorkflowClosure;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Literals.LiteralMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flyte.admin.config.ExecutionProperties;
import org.flyte.admin.config.RegistrationProperties;
import org.flyte.admin.executor.ExecutionData;
import org.flyte.admin.executor.ExecutionParameters;
import org.flyte.admin.executor.NamespaceMappingProperties;
import org.flyte.admin.repository.execution.ExecutionRepository.ExecutionTag;
import org.flyte.admin.repository.execution.ExecutionRow;
import org.flyte.admin.repository.execution.LaunchEntityRepository.WorkflowTarget;
import org.flyte.admin.repository.project.ProjectRepository;
import org.flyte.admin.service.execution.LaunchTargets.Target;
import org.flyte.common.auth.CallerIdentity;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.common.storage.DataReference;
import org.flyte.common.storage.ProtoStore;
import org.flyte.common.storage.StorageKeys;
import org.springframework.stereotype.Component;

/**
 * Everything an execution will be, worked out before anything is written: what it launches, its
 * inputs, name, spec, the settings its executor receives and the row that records it. Follows
 * {@code launchExecution} and {@code launchSingleTaskExecution} of {@code
 * flyteadmin/pkg/manager/impl/execution_manager.go} (v1.16.8), in their order, so that the first
 * failing step decides the error.
 */
@Component
class ExecutionPlanner {

  /**
   * A planned execution.
   *
   * @param row the row to insert (phase UNDEFINED, no cluster yet)
   * @param tags its {@code execution_tags}
   * @param data what the executor receives
   * @param inputs the computed inputs, for {@code inputs_uri}
   * @param userInputs the caller's inputs, for {@code user_inputs_uri}
   * @param singleTask whether it runs a single task (an executor failure is then the caller's)
   * @param launchPlan the launch plan (the generated one of a single-task execution)
   */
  record Plan(
      ExecutionRow row,
      List<ExecutionTag> tags,
      ExecutionData data,
      LiteralMap inputs,
      LiteralMap userInputs,
      boolean singleTask,
      LaunchPlan launchPlan) {}

  private final LaunchTargets targets;
  private final ParentExecutions parents;
  private final ProjectRepository projects;
  private final ProtoStore store;
  private final ExecutionSettings settings;
  private final TaskResourceDefaults taskResources;
  private final ExecutionQueues queues;
  private final NamespaceMappingProperties namespaces;
  private final RegistrationProperties registration;
  private final ExecutionProperties execution;

  ExecutionPlanner(
      LaunchTargets targets,
      ParentExecutions parents,
      ProjectRepository projects,
      ProtoStore store,
      ExecutionSettings settings,
      TaskResourceDefaults taskResources,
      ExecutionQueues queues,
      NamespaceMappingProperties namespaces,
      RegistrationProperties registration,
      ExecutionProperties execution) {
    this.targets = targets;
    this.parents = parents;
    this.projects = projects;
    this.store = store;
    this.settings = settings;
    this.taskResources = taskResources;
    this.queues = queues;
    this.namespaces = namespaces;
    this.registration = registration;
    this.execution = execution;
  }

  /** The plan of a validated request. */
  Plan plan(ExecutionCreateRequest request, Instant requestedAt, Instant now) {
    Target target = targets.resolve(request);
    boolean singleTask = target.taskRowId() > 0;
    LaunchPlan launchPlan = target.launchPlan();
    String name = request.getName().isEmpty() ? ExecutionNames.generate() : request.getName();
    WorkflowExecutionIdentifier id =
        WorkflowExecutionIdentifier.newBuilder()
            .setProject(request.getProject())
            .setDomain(request.getDomain())
            .setName(name)
            .build();
    CompiledWorkflowClosure compiled = readClosure(target.workflow()).getCompiledWorkflow();

    ExecutionSpec.Builder spec = request.getSpec().toBuilder();
    spec.getMetadataBuilder().setPrincipal(principal());
    ParentExecutions.Parent parent = parents.inherit(spec);

    TaskResourceDefaults.PlatformResources platform =
        taskResources.platformResources(target.workflowId());
    compiled = TaskResourceDefaults.apply(compiled, platform);
    compiled = queues.assign(target.workflowId(), compiled);

    WorkflowExecutionConfig config =
        settings.executionConfig(request, singleTask ? null : launchPlan);
    String namespace = namespaces.namespace(id.getProject(), id.getDomain());
    Map<String, String> labels =
        singleTask
            ? config.getLabels().getValuesMap()
            : preferred(
                config.getLabels().getValuesMap(), launchPlan.getSpec().getLabels().getValuesMap());
    if (!singleTask) {
      checkSize(labels, "labels", registration.maxLabelEntries());
    }
    labels = withProjectLabels(id.getProject(), labels);
    Map<String, String> annotations =
        singleTask
            ? config.getAnnotations().getValuesMap()
            : preferred(
                config.getAnnotations().getValuesMap(),
                launchPlan.getSpec().getAnnotations().getValuesMap());
    if (!singleTask) {
      checkSize(annotations, "annotations", registration.maxAnnotationEntries());
    }
    annotations = IdentityAnnotations.add(annotations, CallerIdentity.current(), execution);
    ClusterAssignment clusterAssignment = settings.clusterAssignment(request);
    ExecutionClusterLabel clusterLabel =
        spec.hasExecutionClusterLabel() ? spec.getExecutionClusterLabel() : null;
    var overrides =
        singleTask
            ? settings.pluginOverrides(id.getProject(), id.getDomain(), name, "")
            : settings.pluginOverrides(
                id.getProject(),
                id.getDomain(),
                launchPlan.getSpec().getWorkflowId().getName(),
                launchPlan.getId().getName());
    ExecutionMetadata metadata = spec.getMetadata();
    WorkflowExecutionIdentifier recovery =
        metadata.getMode() == ExecutionMetadata.ExecutionMode.RECOVERED
                && metadata.hasReferenceExecution()
            ? metadata.getReferenceExecution()
            : null;
    List<Notification> notifications = notifications(request.getSpec(), launchPlan);
    if (!singleTask) {
      spec.setMaxParallelism(config.getMaxParallelism());
    }

    LiteralMap inputs = target.inputs();
    ExecutionParameters parameters =
        new ExecutionParameters(
            inputs,
            requestedAt,
            labels,
            annotations,
            overrides,
            config,
            recovery,
            platform.forExecutor(),
            execution.eventVersion(),
            execution.roleNameKey(),
            config.hasRawOutputDataConfig() ? config.getRawOutputDataConfig() : null,
            clusterAssignment,
            clusterLabel);
    DataReference inputsUri = dataReference(id, "inputs");
    ExecutionData data =
        new ExecutionData(
            namespace,
            id,
            target.workflowId().getName(),
            launchPlan.getId().getName(),
            compiled,
            target.workflow().remoteClosureIdentifier(),
            parameters,
            inputsUri.toString());

    spec.setSecurityContext(config.getSecurityContext());
    spec.getMetadataBuilder()
        .setSystemMetadata(SystemMetadata.newBuilder().setNamespace(namespace));
    ExecutionRow row =
        row(
            id,
            target,
            spec.build(),
            closure(now, notifications, target.workflowId(), spec.getMetadata().getPrincipal()),
            now,
            parent,
            inputsUri,
            dataReference(id, "user_inputs"),
            singleTask);
    List<ExecutionTag> tags = singleTask ? List.of() : tags(request.getSpec());
    return new Plan(row, tags, data, inputs, request.getInputs(), singleTask, launchPlan);
  }

  /**
   * Where the execution's {@code inputs} or {@code user_inputs} are stored: {@code
   * metadata/<project>/<domain>/<name>/<object>}, Flyte's layout.
   */
  DataReference dataReference(WorkflowExecutionIdentifier id, String object) {
    return StorageKeys.under(
        store.blobs().baseContainer(),
        "metadata",
        id.getProject(),
        id.getDomain(),
        id.getName(),
        object);
  }

  /** The caller's subject; empty without authentication, as in Flyte. */
  private static String principal() {
    return CallerIdentity.currentSubject();
  }

  private WorkflowClosure readClosure(WorkflowTarget workflow) {
    try {
      return store.read(
          DataReference.parse(workflow.remoteClosureIdentifier()), WorkflowClosure.parser());
    } catch (FlyteException e) {
      throw new FlyteException(
          ErrorCode.INTERNAL,
          String.format(
              "Unable to read WorkflowClosure from location %s : %s",
              workflow.remoteClosureIdentifier(), e.getMessage()),
          e);
    }
  }

  private static ExecutionRow row(
      WorkflowExecutionIdentifier id,
      Target target,
      ExecutionSpec spec,
      ExecutionClosure closure,
      Instant now,
      ParentExecutions.Parent parent,
      DataReference inputsUri,
      DataReference userInputsUri,
      boolean singleTask) {
    return new ExecutionRow(
        0,
        id,
        singleTask ? 0 : target.launchPlanRowId(),
        target.workflow().rowId(),
        target.taskRowId(),
        WorkflowExecution.Phase.UNDEFINED.name(),
        closure,
        spec,
        null,
        now,
        now,
        null,
        "",
        spec.getMetadata().getModeValue(),
        parent.sourceExecutionRowId(),
        parent.nodeExecutionRowId(),
        "",
        inputsUri.toString(),
        userInputsUri.toString(),
        null,
        null,
        spec.getMetadata().getPrincipal(),
        ExecutionState.EXECUTION_ACTIVE_VALUE,
        singleTask ? "task" : "launch_plan",
        null);
  }

  private static ExecutionClosure closure(
      Instant now, List<Notification> notifications, Identifier workflowId, String principal) {
    var created = ExecutionMessages.timestamp(now);
    return ExecutionClosure.newBuilder()
        .setPhase(WorkflowExecution.Phase.UNDEFINED)
        .setCreatedAt(created)
        .setUpdatedAt(created)
        .addAllNotifications(notifications)
        .setWorkflowId(workflowId.toBuilder().setResourceType(ResourceType.WORKFLOW))
        .setStateChangeDetails(
            ExecutionStateChangeDetails.newBuilder()
                .setState(ExecutionState.EXECUTION_ACTIVE)
                .setPrincipal(principal)
                .setOccurredAt(created))
        .build();
  }

  /** The request's notifications when it has any, none when it disables them, else the LP's. */
  private static List<Notification> notifications(ExecutionSpec spec, LaunchPlan launchPlan) {
    if (spec.getNotifications().getNotificationsCount() > 0) {
      return spec.getNotifications().getNotificationsList();
    }
    if (spec.getDisableAll()) {
      return List.of();
    }
    return launchPlan.getSpec().getEntityMetadata().getNotificationsList();
  }

  /** One tag per request label (key, value) and per deprecated tag (tag, ""). */
  private static List<ExecutionTag> tags(ExecutionSpec spec) {
    List<ExecutionTag> tags = new ArrayList<>();
    spec.getLabels().getValuesMap().forEach((k, v) -> tags.add(new ExecutionTag(k, v)));
    spec.getTagsList().forEach(t -> tags.add(new ExecutionTag(t, "")));
    return tags;
  }

  private static Map<String, String> preferred(
      Map<String, String> preferred, Map<String, String> fallback) {
    return preferred.isEmpty() ? fallback : preferred;
  }

  /** {@code validateMapSize}: 0 means unchecked. */
  private static void checkSize(Map<String, String> values, String name, int max) {
    if (max > 0 && values.size() > max) {
      throw FlyteException.invalidArgument(
          "%s has too many entries [%d > %d]", name, values.size(), max);
    }
  }

  /** The project's labels added for keys the execution does not set. */
  private Map<String, String> withProjectLabels(String project, Map<String, String> labels) {
    Map<String, String> merged = new LinkedHashMap<>(labels);
    projects
        .find(project)
        .ifPresent(p -> p.getLabels().getValuesMap().forEach(merged::putIfAbsent));
    return merged;
  }
}

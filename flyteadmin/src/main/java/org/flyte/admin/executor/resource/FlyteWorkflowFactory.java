package org.flyte.admin.executor.resource;

import flyteidl.admin.MatchableResourceOuterClass.PluginOverride;
import flyteidl.admin.MatchableResourceOuterClass.WorkflowExecutionConfig;
import flyteidl.core.Security.SecurityContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flyte.admin.executor.ExecutionData;
import org.flyte.admin.executor.ExecutionParameters;
import org.flyte.admin.executor.ExecutionParameters.ResourceSet;
import org.flyte.common.error.FlyteException;
import org.flyte.compiler.Quantity;
import org.flyte.compiler.errors.CompileException;
import org.flyte.compiler.k8s.FlyteWorkflowBuilder;
import org.flyte.compiler.k8s.model.ExecutionConfig;
import org.flyte.compiler.k8s.model.ExecutionConfig.TaskPluginOverride;
import org.flyte.compiler.k8s.model.ExecutionConfig.TaskResourceSpec;
import org.flyte.compiler.k8s.model.ExecutionConfig.TaskResources;
import org.flyte.compiler.k8s.model.FlyteWorkflow;
import org.flyte.compiler.k8s.model.FlyteWorkflow.WorkflowMeta;

/**
 * The {@code FlyteWorkflow} custom resource of an execution, ready to submit: built from the
 * compiled closure ({@link FlyteWorkflowBuilder}), then prepared as FlyteAdmin prepares it ({@code
 * PrepareFlyteWorkflow} of {@code flyteadmin/pkg/workflowengine/impl/prepare_execution.go}) and
 * offloaded as {@code k8s_executor.go} offloads it (v1.16.8). Independent of where the resource
 * goes: the Kubernetes executor submits it, the sandbox's runner runs it.
 */
public final class FlyteWorkflowFactory {

  /** Propeller's finalizer ({@code controller.Finalizer}). */
  public static final String FINALIZER = "flyte.org/finalizer";

  private final CustomResourceProperties properties;

  public FlyteWorkflowFactory(CustomResourceProperties properties) {
    this.properties = properties;
  }

  /**
   * The resource for {@code data}.
   *
   * @throws FlyteException {@code INTERNAL} when the closure does not build (as Flyte answers the
   *     compile errors) or the execution has no id
   */
  public FlyteWorkflow create(ExecutionData data) {
    FlyteWorkflow built;
    try {
      built =
          FlyteWorkflowBuilder.build(
              data.workflowClosure(),
              data.parameters().inputs(),
              data.executionId(),
              data.namespace());
    } catch (CompileException e) {
      throw FlyteException.internal("%s", e.text());
    }
    FlyteWorkflow.Builder wf = prepare(data, built).toBuilder();
    if (properties.useOffloadedWorkflowClosure()) {
      wf.workflowClosureReference(data.workflowClosureReference())
          .spec(null)
          .subWorkflows(null)
          .tasks(null);
    }
    if (properties.useOffloadedInputs()) {
      wf.offloadedInputs(data.offloadedInputsReference()).inputs(null);
    }
    if (!properties.consoleUrl().isEmpty()) {
      wf.consoleUrl(properties.consoleUrl());
    }
    return wf.build();
  }

  /**
   * {@code PrepareFlyteWorkflow}: the execution id, acceptance time, finalizer, identity, labels
   * and annotations (the execution's override the builder's), event version, execution config and
   * raw output config.
   */
  static FlyteWorkflow prepare(ExecutionData data, FlyteWorkflow wf) {
    if (data.executionId() == null) {
      throw FlyteException.internal("invalid execution id");
    }
    ExecutionParameters params = data.parameters();
    FlyteWorkflow.Builder out =
        wf.toBuilder().executionId(data.executionId()).acceptedAt(params.acceptedAt());
    List<String> finalizers = new ArrayList<>(wf.metadata().finalizers());
    if (!finalizers.contains(FINALIZER)) {
      finalizers.add(FINALIZER);
    }
    Map<String, String> labels = merged(wf.metadata().labels(), params.labels());
    Map<String, String> annotations = new TreeMap<>(wf.metadata().annotations());
    WorkflowExecutionConfig config = params.executionConfig();
    if (config != null && config.hasSecurityContext() && config.getSecurityContext().hasRunAs()) {
      SecurityContext context = config.getSecurityContext();
      out.securityContext(context);
      String role = context.getRunAs().getIamRole();
      if (!role.isEmpty() && params.roleNameKey() != null && !params.roleNameKey().isEmpty()) {
        annotations.put(params.roleNameKey(), role);
      }
      if (!context.getRunAs().getK8SServiceAccount().isEmpty()) {
        out.serviceAccountName(context.getRunAs().getK8SServiceAccount());
      }
    }
    annotations = merged(annotations, params.annotations());
    out.metadata(
        wf.metadata().withLabels(labels).withAnnotations(annotations).withFinalizers(finalizers));
    out.workflowMeta(new WorkflowMeta(params.eventVersion()));
    out.executionConfig(executionConfig(params));
    if (params.rawOutputDataConfig() != null) {
      out.rawOutputDataConfig(params.rawOutputDataConfig());
    }
    return out.build();
  }

  private static Map<String, String> merged(Map<String, String> base, Map<String, String> over) {
    Map<String, String> out = new TreeMap<>(base);
    if (over != null) {
      out.putAll(over);
    }
    return out;
  }

  /** {@code addExecutionOverrides}. */
  private static ExecutionConfig executionConfig(ExecutionParameters params) {
    Map<String, TaskPluginOverride> plugins = new TreeMap<>();
    if (params.taskPluginOverrides() != null) {
      for (PluginOverride override : params.taskPluginOverrides()) {
        plugins.put(
            override.getTaskType(),
            new TaskPluginOverride(
                override.getPluginIdList(), override.getMissingPluginBehavior()));
      }
    }
    WorkflowExecutionConfig config = params.executionConfig();
    long maxParallelism = 0;
    Boolean interruptible = null;
    boolean overwriteCache = false;
    Map<String, String> envs = null;
    if (config != null) {
      maxParallelism = Integer.toUnsignedLong(config.getMaxParallelism());
      if (config.hasInterruptible()) {
        interruptible = config.getInterruptible().getValue();
      }
      overwriteCache = config.getOverwriteCache();
      if (config.hasEnvs()) {
        envs = new HashMap<>();
        for (var pair : config.getEnvs().getValuesList()) {
          envs.put(pair.getKey(), pair.getValue());
        }
      }
    }
    TaskResources resources = null;
    if (params.taskResources() != null) {
      resources =
          new TaskResources(
              resourceSpec(params.taskResources().defaults()),
              resourceSpec(params.taskResources().limits()));
    }
    return new ExecutionConfig(
        plugins,
        maxParallelism,
        params.recoveryExecution(),
        resources,
        interruptible,
        overwriteCache,
        envs);
  }

  /** Non-zero quantities in canonical form; storage is never set, as in Flyte. */
  private static TaskResourceSpec resourceSpec(ResourceSet set) {
    if (set == null) {
      return TaskResourceSpec.ZERO;
    }
    return new TaskResourceSpec(
        quantity(set.cpu()),
        quantity(set.memory()),
        quantity(set.ephemeralStorage()),
        null,
        quantity(set.gpu()));
  }

  private static String quantity(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      Quantity quantity = Quantity.parse(text);
      return quantity.isZero() ? null : quantity.canonical();
    } catch (IllegalArgumentException e) {
      throw FlyteException.internal("invalid platform task resource %s: %s", text, e.getMessage());
    }
  }
}

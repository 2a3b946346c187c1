package org.flyte.compiler.k8s;

import flyteidl.core.Compiler.CompiledTask;
import flyteidl.core.Compiler.CompiledWorkflow;
import flyteidl.core.Compiler.CompiledWorkflowClosure;
import flyteidl.core.Compiler.ConnectionSet;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Workflow.WorkflowMetadata.OnFailurePolicy;
import flyteidl.core.Workflow.WorkflowTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flyte.compiler.errors.CompileError;
import org.flyte.compiler.errors.CompileErrors;
import org.flyte.compiler.errors.CompileException;
import org.flyte.compiler.graph.Identifiers;
import org.flyte.compiler.k8s.model.Connections;
import org.flyte.compiler.k8s.model.FlyteWorkflow;
import org.flyte.compiler.k8s.model.FlyteWorkflow.NodeDefaults;
import org.flyte.compiler.k8s.model.NodeSpec;
import org.flyte.compiler.k8s.model.ObjectMeta;
import org.flyte.compiler.k8s.model.WorkflowSpec;

/**
 * Builds the {@code FlyteWorkflow} custom resource of an execution from a compiled workflow
 * closure, as {@code BuildFlyteWorkflow} of {@code
 * flytepropeller/pkg/compiler/transformers/k8s/workflow.go} (v1.16.8) does: the inputs are checked
 * against the workflow's interface, interfaces lose their type metadata, every workflow becomes a
 * graph of node specs, tasks are keyed by their identifier's text form, and the metadata carries
 * the labels {@code execution-id}, {@code project}, {@code domain}, {@code workflow-name} and
 * {@code shard-key}. FlyteAdmin then prepares it for the execution ({@code
 * org.flyte.admin.executor} in FlyteAdmin).
 */
public final class FlyteWorkflowBuilder {

  /** The label holding the execution's name. */
  public static final String EXECUTION_ID_LABEL = "execution-id";

  /** The label holding the project. */
  public static final String PROJECT_LABEL = "project";

  /** The label holding the domain. */
  public static final String DOMAIN_LABEL = "domain";

  /** The label holding the sanitized workflow name. */
  public static final String WORKFLOW_NAME_LABEL = "workflow-name";

  /** The label propeller shards on. */
  public static final String SHARD_KEY_LABEL = "shard-key";

  private static final String START_NODE = "start-node";

  private FlyteWorkflowBuilder() {}

  /**
   * The custom resource for running {@code closure} with {@code inputs}.
   *
   * @param closure the compiled workflow with its tasks and sub-workflows
   * @param inputs the execution's inputs; null when none are given
   * @param executionId the execution; null to let Kubernetes generate a name from the workflow's
   * @param namespace the namespace to create it in
   * @throws CompileException with every problem found (inputs that do not match, missing tasks, bad
   *     quantities or timeouts, a graph without entry node)
   */
  public static FlyteWorkflow build(
      CompiledWorkflowClosure closure,
      LiteralMap inputs,
      WorkflowExecutionIdentifier executionId,
      String namespace) {
    CompileErrors errors = new CompileErrors();
    if (closure == null) {
      errors.collect(CompileError.valueRequired("root", "wfClosure"));
      throw new CompileException(errors);
    }
    WorkflowTemplate template = closure.getPrimary().getTemplate();
    if (inputs != null) {
      if (!WorkflowInputs.validate(START_NODE, template, inputs, errors)) {
        throw new CompileException(errors);
      }
    } else if (template.getInterface().getInputs().getVariablesCount() > 0) {
      errors.collect(CompileError.valueRequired("root", "inputs"));
      throw new CompileException(errors);
    }
    List<CompiledTask> tasks = new ArrayList<>();
    for (CompiledTask task : closure.getTasksList()) {
      tasks.add(stripped(task));
    }
    WorkflowSpec primary = spec(closure.getPrimary(), tasks, errors);
    Map<String, WorkflowSpec> subWorkflows = new TreeMap<>();
    for (CompiledWorkflow sub : closure.getSubWorkflowsList()) {
      WorkflowSpec spec = spec(sub, tasks, errors);
      if (spec != null) {
        subWorkflows.put(Identifiers.key(sub.getTemplate().getId()), spec);
      }
    }
    if (errors.hasErrors()) {
      throw new CompileException(errors);
    }
    Map<String, TaskTemplate> taskMap = new LinkedHashMap<>();
    for (CompiledTask task : tasks) {
      String key = Identifiers.key(task.getTemplate().getId());
      if (taskMap.containsKey(key)) {
        errors.collect(CompileError.valueCollision(key, "Id", key));
      }
      taskMap.put(key, task.getTemplate());
    }
    String name;
    String generateName;
    String label;
    String project;
    String domain;
    if (executionId != null) {
      name = executionId.getName();
      generateName = "";
      label = executionId.getName();
      project = executionId.getProject();
      domain = executionId.getDomain();
    } else {
      Identifier id = template.getId();
      String wid = withSeparator(id.getProject()) + withSeparator(id.getDomain()) + id.getName();
      wid = wid.substring(0, Math.min(32, wid.length()));
      name = "";
      generateName = wid + "-";
      label = wid;
      project = id.getProject();
      domain = id.getDomain();
    }
    Map<String, String> labels = new TreeMap<>();
    labels.put(EXECUTION_ID_LABEL, label);
    labels.put(PROJECT_LABEL, project);
    labels.put(DOMAIN_LABEL, domain);
    labels.put(WORKFLOW_NAME_LABEL, LabelValues.sanitize(workflowNameFromId(primary.id())));
    labels.put(SHARD_KEY_LABEL, LabelValues.shardKey(label));
    if (primary.nodes() == null || primary.edges().downstream() == null) {
      errors.collect(
          CompileError.workflowBuildError(
              "failed to build workflow for unknown reason. Make sure to pass this workflow through"
                  + " the compiler first"));
    } else if (primary.node(START_NODE) == null) {
      errors.collect(
          CompileError.workflowBuildError(
              "Bad Node ["
                  + START_NODE
                  + "], is not defined in the Workflow ["
                  + primary.id()
                  + "]"));
    } else if (primary.downstreamOf(START_NODE).isEmpty()) {
      errors.collect(CompileError.workflowHasNoEntryNode(Identifiers.key(template.getId())));
    }
    if (errors.hasErrors()) {
      throw new CompileException(errors);
    }
    return FlyteWorkflow.builder()
        .metadata(new ObjectMeta(name, generateName, namespace, labels, null, null, null))
        .inputs(inputs)
        .spec(primary)
        .subWorkflows(subWorkflows)
        .tasks(taskMap)
        .nodeDefaults(
            new NodeDefaults(
                template.hasMetadataDefaults()
                    && template.getMetadataDefaults().getInterruptible()))
        .build();
  }

  private static CompiledTask stripped(CompiledTask task) {
    if (!task.getTemplate().hasInterface()) {
      return task;
    }
    TaskTemplate template =
        task.getTemplate().toBuilder()
            .setInterface(TypeMetadataStripping.strip(task.getTemplate().getInterface()))
            .build();
    return task.toBuilder().setTemplate(template).build();
  }

  /** {@code buildFlyteWorkflowSpec}; null (with errors collected) when a node failed. */
  private static WorkflowSpec spec(
      CompiledWorkflow workflow, List<CompiledTask> tasks, CompileErrors errors) {
    WorkflowTemplate template = workflow.getTemplate();
    TypedInterface iface =
        template.hasInterface() ? TypeMetadataStripping.strip(template.getInterface()) : null;
    NodeSpecs nodeSpecs = new NodeSpecs(tasks, errors);
    NodeSpec onFailure = null;
    if (template.hasFailureNode()) {
      List<NodeSpec> failure = nodeSpecs.build(template.getFailureNode());
      if (failure == null) {
        return null;
      }
      onFailure = failure.get(0);
    }
    Map<String, NodeSpec> nodes = nodeSpecs.buildAll(template.getNodesList());
    if (errors.hasErrors()) {
      return null;
    }
    OnFailurePolicy policy =
        template.hasMetadata()
            ? template.getMetadata().getOnFailure()
            : OnFailurePolicy.FAIL_IMMEDIATELY;
    Map<String, List<String>> downstream =
        toMapOfLists(workflow.getConnections().getDownstreamMap());
    Map<String, List<String>> upstream = toMapOfLists(workflow.getConnections().getUpstreamMap());
    return new WorkflowSpec(
        workflowIdAsString(template.getId()),
        nodes,
        downstream,
        new Connections(downstream, upstream),
        onFailure,
        iface == null ? VariableMap.getDefaultInstance() : iface.getOutputs(),
        template.getOutputsList(),
        policy);
  }

  private static Map<String, List<String>> toMapOfLists(Map<String, ConnectionSet.IdList> lists) {
    Map<String, List<String>> out = new TreeMap<>();
    lists.forEach((k, v) -> out.put(k, v.getIdsCount() == 0 ? null : v.getIdsList()));
    return out;
  }

  /** {@code WorkflowIDAsString}: {@code project:domain:name}. */
  public static String workflowIdAsString(Identifier id) {
    return id.getProject() + ":" + id.getDomain() + ":" + id.getName();
  }

  /** {@code WorkflowNameFromID}: the name part of {@code project:domain:name}, else empty. */
  static String workflowNameFromId(String id) {
    String[] tokens = id.split(":", -1);
    return tokens.length == 3 ? tokens[2] : "";
  }

  private static String withSeparator(String value) {
    return value.isEmpty() ? "" : value + "-";
  }
}

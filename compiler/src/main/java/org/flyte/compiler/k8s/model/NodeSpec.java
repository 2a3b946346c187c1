package org.flyte.compiler.k8s.model;

import com.google.gson.JsonElement;
import flyteidl.core.Literals.Binding;
import flyteidl.core.Tasks.ExtendedResources;
import flyteidl.core.Tasks.K8sPod;
import flyteidl.core.Workflow.Alias;
import java.time.Duration;
import java.util.List;

/**
 * One node of a workflow ({@code v1alpha1.NodeSpec}). Kubernetes pod settings that FlyteAdmin never
 * sets ({@code config}, {@code securityContext}, {@code imagePullSecrets}, {@code affinity}, {@code
 * tolerations}) are kept as JSON.
 *
 * @param id the node id
 * @param name the node's display name; empty when none
 * @param resources resource overrides; null when absent
 * @param kind the kind
 * @param branch the branch, for {@link NodeKind#BRANCH}
 * @param taskRef the key of the task in {@link FlyteWorkflow#tasks()}, for {@link NodeKind#TASK}
 * @param workflow the launch plan or sub-workflow, for {@link NodeKind#WORKFLOW}
 * @param gate the gate, for {@link NodeKind#GATE}
 * @param array the array, for {@link NodeKind#ARRAY}
 * @param inputBindings the input bindings; null when none (empty becomes null)
 * @param config a config map as JSON; null when none
 * @param retry the retry strategy; null when the node is tried once
 * @param outputAliases output aliases; null when none (empty becomes null)
 * @param securityContext a pod security context as JSON; null when none
 * @param imagePullSecrets image pull secrets as JSON; null when none
 * @param hostname the pod's hostname; empty when none
 * @param subdomain the pod's subdomain; empty when none
 * @param affinity pod affinity as JSON; null when none
 * @param schedulerName the pod's scheduler; empty when none
 * @param extendedResources extended resource overrides; null when none
 * @param tolerations pod tolerations as JSON; null when none
 * @param executionDeadline the node's timeout; null when none
 * @param activeDeadline twice the timeout, counting retries and queueing; null when none
 * @param interruptible whether the node may be interrupted; null when not set on the node
 * @param containerImage a container image override; empty when none
 * @param podTemplate a pod template override; null when none
 */
public record NodeSpec(
    String id,
    String name,
    ResourceRequirements resources,
    NodeKind kind,
    BranchNodeSpec branch,
    String taskRef,
    WorkflowNodeSpec workflow,
    GateNodeSpec gate,
    ArrayNodeSpec array,
    List<Binding> inputBindings,
    JsonElement config,
    RetryStrategy retry,
    List<Alias> outputAliases,
    JsonElement securityContext,
    JsonElement imagePullSecrets,
    String hostname,
    String subdomain,
    JsonElement affinity,
    String schedulerName,
    ExtendedResources extendedResources,
    JsonElement tolerations,
    Duration executionDeadline,
    Duration activeDeadline,
    Boolean interruptible,
    String containerImage,
    K8sPod podTemplate) {

  public NodeSpec {
    name = name == null ? "" : name;
    hostname = hostname == null ? "" : hostname;
    subdomain = subdomain == null ? "" : subdomain;
    schedulerName = schedulerName == null ? "" : schedulerName;
    containerImage = containerImage == null ? "" : containerImage;
    inputBindings = Models.nonEmptyCopy(inputBindings);
    outputAliases = Models.nonEmptyCopy(outputAliases);
  }

  /** A builder for a node with id {@code id}. */
  public static Builder builder(String id) {
    return new Builder().id(id);
  }

  /** A builder starting from this node. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.name = name;
    b.resources = resources;
    b.kind = kind;
    b.branch = branch;
    b.taskRef = taskRef;
    b.workflow = workflow;
    b.gate = gate;
    b.array = array;
    b.inputBindings = inputBindings;
    b.config = config;
    b.retry = retry;
    b.outputAliases = outputAliases;
    b.securityContext = securityContext;
    b.imagePullSecrets = imagePullSecrets;
    b.hostname = hostname;
    b.subdomain = subdomain;
    b.affinity = affinity;
    b.schedulerName = schedulerName;
    b.extendedResources = extendedResources;
    b.tolerations = tolerations;
    b.executionDeadline = executionDeadline;
    b.activeDeadline = activeDeadline;
    b.interruptible = interruptible;
    b.containerImage = containerImage;
    b.podTemplate = podTemplate;
    return b;
  }

  /** Builds a {@link NodeSpec}; every field starts unset. */
  public static final class Builder {
    private String id;
    private String name;
    private ResourceRequirements resources;
    private NodeKind kind;
    private BranchNodeSpec branch;
    private String taskRef;
    private WorkflowNodeSpec workflow;
    private GateNodeSpec gate;
    private ArrayNodeSpec array;
    private List<Binding> inputBindings;
    private JsonElement config;
    private RetryStrategy retry;
    private List<Alias> outputAliases;
    private JsonElement securityContext;
    private JsonElement imagePullSecrets;
    private String hostname;
    private String subdomain;
    private JsonElement affinity;
    private String schedulerName;
    private ExtendedResources extendedResources;
    private JsonElement tolerations;
    private Duration executionDeadline;
    private Duration activeDeadline;
    private Boolean interruptible;
    private String containerImage;
    private K8sPod podTemplate;

    private Builder() {}

    public Builder id(String value) {
      id = value;
      return this;
    }

    public Builder name(String value) {
      name = value;
      return this;
    }

    public Builder resources(ResourceRequirements value) {
      resources = value;
      return this;
    }

    public Builder kind(NodeKind value) {
      kind = value;
      return this;
    }

    public Builder branch(BranchNodeSpec value) {
      branch = value;
      return this;
    }

    public Builder taskRef(String value) {
      taskRef = value;
      return this;
    }

    public Builder workflow(WorkflowNodeSpec value) {
      workflow = value;
      return this;
    }

    public Builder gate(GateNodeSpec value) {
      gate = value;
      return this;
    }

    public Builder array(ArrayNodeSpec value) {
      array = value;
      return this;
    }

    public Builder inputBindings(List<Binding> value) {
      inputBindings = value;
      return this;
    }

    public Builder config(JsonElement value) {
      config = value;
      return this;
    }

    public Builder retry(RetryStrategy value) {
      retry = value;
      return this;
    }

    public Builder outputAliases(List<Alias> value) {
      outputAliases = value;
      return this;
    }

    public Builder securityContext(JsonElement value) {
      securityContext = value;
      return this;
    }

    public Builder imagePullSecrets(JsonElement value) {
      imagePullSecrets = value;
      return this;
    }

    public Builder hostname(String value) {
      hostname = value;
      return this;
    }

    public Builder subdomain(String value) {
      subdomain = value;
      return this;
    }

    public Builder affinity(JsonElement value) {
      affinity = value;
      return this;
    }

    public Builder schedulerName(String value) {
      schedulerName = value;
      return this;
    }

    public Builder extendedResources(ExtendedResources value) {
      extendedResources = value;
      return this;
    }

    public Builder tolerations(JsonElement value) {
      tolerations = value;
      return this;
    }

    public Builder executionDeadline(Duration value) {
      executionDeadline = value;
      return this;
    }

    public Builder activeDeadline(Duration value) {
      activeDeadline = value;
      return this;
    }

    public Builder interruptible(Boolean value) {
      interruptible = value;
      return this;
    }

    public Builder containerImage(String value) {
      containerImage = value;
      return this;
    }

    public Builder podTemplate(K8sPod value) {
      podTemplate = value;
      return this;
    }

    public NodeSpec build() {
      return new NodeSpec(
          id,
          name,
          resources,
          kind,
          branch,
          taskRef,
          workflow,
          gate,
          array,
          inputBindings,
          config,
          retry,
          outputAliases,
          securityContext,
          imagePullSecrets,
          hostname,
          subdomain,
          affinity,
          schedulerName,
          extendedResources,
          tolerations,
          executionDeadline,
          activeDeadline,
          interruptible,
          containerImage,
          podTemplate);
    }
  }
}

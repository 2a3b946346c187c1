package org.flyte.compiler.k8s.model;

import flyteidl.admin.Common.RawOutputDataConfig;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Security.SecurityContext;
import flyteidl.core.Tasks.TaskTemplate;
import java.time.Instant;
import java.util.Map;

/**
 * The {@code FlyteWorkflow} custom resource ({@code flyte.lyft.com/v1alpha1}, Go type {@code
 * v1alpha1.FlyteWorkflow} of {@code flytepropeller/pkg/apis/flyteworkflow/v1alpha1}, v1.16.8): what
 * FlyteAdmin submits for an execution and FlytePropeller runs. {@link
 * org.flyte.compiler.k8s.json.FlyteWorkflowJson} writes and reads Flyte's exact JSON.
 *
 * @param apiVersion {@code flyte.lyft.com/v1alpha1}
 * @param kind {@code flyteworkflow}
 * @param metadata name, namespace, labels, annotations, finalizers
 * @param spec the primary workflow; null when the closure is offloaded ({@code
 *     workflowClosureReference})
 * @param workflowMeta the event version; null when unset
 * @param inputs the execution's inputs; null when offloaded ({@code offloadedInputs})
 * @param executionId the execution; the default instance when unset
 * @param tasks task key (the task identifier's text form) → task; null when offloaded
 * @param subWorkflows sub-workflow key → graph; null when none (an empty map becomes null: the JSON
 *     leaves both out)
 * @param activeDeadlineSeconds a deadline for the whole workflow; null when none
 * @param nodeDefaults defaults of every node (interruptible)
 * @param acceptedAt when FlyteAdmin accepted the execution; null when unset
 * @param serviceAccountName the deprecated service account; empty when none
 * @param securityContext the identity to run as and secrets
 * @param status the status, written by FlytePropeller
 * @param rawOutputDataConfig where raw outputs go
 * @param executionConfig execution-wide settings and overrides
 * @param workflowClosureReference where the offloaded compiled closure is stored; empty when inline
 * @param consoleUrl FlyteConsole's URL; empty when unset
 * @param offloadedInputs where the offloaded inputs are stored; empty when inline
 */
public record FlyteWorkflow(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    WorkflowSpec spec,
    WorkflowMeta workflowMeta,
    LiteralMap inputs,
    WorkflowExecutionIdentifier executionId,
    Map<String, TaskTemplate> tasks,
    Map<String, WorkflowSpec> subWorkflows,
    Long activeDeadlineSeconds,
    NodeDefaults nodeDefaults,
    Instant acceptedAt,
    String serviceAccountName,
    SecurityContext securityContext,
    WorkflowStatus status,
    RawOutputDataConfig rawOutputDataConfig,
    ExecutionConfig executionConfig,
    String workflowClosureReference,
    String consoleUrl,
    String offloadedInputs) {

  /** {@code flyte.lyft.com/v1alpha1}. */
  public static final String API_VERSION = "flyte.lyft.com/v1alpha1";

  /** The kind as Flyte writes it into the resource: {@code flyteworkflow}. */
  public static final String KIND = "flyteworkflow";

  public FlyteWorkflow {
    apiVersion = apiVersion == null ? "" : apiVersion;
    kind = kind == null ? "" : kind;
    metadata =
        metadata == null ? new ObjectMeta(null, null, null, null, null, null, null) : metadata;
    executionId =
        executionId == null ? WorkflowExecutionIdentifier.getDefaultInstance() : executionId;
    tasks = Models.sortedCopy(tasks, t -> t);
    subWorkflows =
        subWorkflows == null || subWorkflows.isEmpty()
            ? null
            : Models.sortedCopy(subWorkflows, w -> w);
    nodeDefaults = nodeDefaults == null ? NodeDefaults.NONE : nodeDefaults;
    serviceAccountName = serviceAccountName == null ? "" : serviceAccountName;
    securityContext =
        securityContext == null ? SecurityContext.getDefaultInstance() : securityContext;
    status = status == null ? WorkflowStatus.NEW : status;
    rawOutputDataConfig =
        rawOutputDataConfig == null
            ? RawOutputDataConfig.getDefaultInstance()
            : rawOutputDataConfig;
    executionConfig = executionConfig == null ? ExecutionConfig.NONE : executionConfig;
    workflowClosureReference = workflowClosureReference == null ? "" : workflowClosureReference;
    consoleUrl = consoleUrl == null ? "" : consoleUrl;
    offloadedInputs = offloadedInputs == null ? "" : offloadedInputs;
  }

  /**
   * The event version propeller reports with ({@code v1alpha1.EventVersion}).
   *
   * @param eventVersion 0, 1 or 2
   */
  public record WorkflowMeta(int eventVersion) {}

  /**
   * Defaults of every node.
   *
   * @param interruptible whether nodes are interruptible unless they say otherwise
   */
  public record NodeDefaults(boolean interruptible) {
    /** Nothing set. */
    public static final NodeDefaults NONE = new NodeDefaults(false);
  }

  /** A builder starting from this resource. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A builder of an empty resource of Flyte's kind and API version. */
  public static Builder builder() {
    return new Builder(
        new FlyteWorkflow(
            API_VERSION,
            KIND,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null));
  }

  /** Changes some fields of a {@link FlyteWorkflow}. */
  public static final class Builder {
    private String apiVersion;
    private String kind;
    private ObjectMeta metadata;
    private WorkflowSpec spec;
    private WorkflowMeta workflowMeta;
    private LiteralMap inputs;
    private WorkflowExecutionIdentifier executionId;
    private Map<String, TaskTemplate> tasks;
    private Map<String, WorkflowSpec> subWorkflows;
    private Long activeDeadlineSeconds;
    private NodeDefaults nodeDefaults;
    private Instant acceptedAt;
    private String serviceAccountName;
    private SecurityContext securityContext;
    private WorkflowStatus status;
    private RawOutputDataConfig rawOutputDataConfig;
    private ExecutionConfig executionConfig;
    private String workflowClosureReference;
    private String consoleUrl;
    private String offloadedInputs;

    private Builder(FlyteWorkflow from) {
      apiVersion = from.apiVersion;
      kind = from.kind;
      metadata = from.metadata;
      spec = from.spec;
      workflowMeta = from.workflowMeta;
      inputs = from.inputs;
      executionId = from.executionId;
      tasks = from.tasks;
      subWorkflows = from.subWorkflows;
      activeDeadlineSeconds = from.activeDeadlineSeconds;
      nodeDefaults = from.nodeDefaults;
      acceptedAt = from.acceptedAt;
      serviceAccountName = from.serviceAccountName;
      securityContext = from.securityContext;
      status = from.status;
      rawOutputDataConfig = from.rawOutputDataConfig;
      executionConfig = from.executionConfig;
      workflowClosureReference = from.workflowClosureReference;
      consoleUrl = from.consoleUrl;
      offloadedInputs = from.offloadedInputs;
    }

    public Builder apiVersion(String value) {
      apiVersion = value;
      return this;
    }

    public Builder kind(String value) {
      kind = value;
      return this;
    }

    public Builder metadata(ObjectMeta value) {
      metadata = value;
      return this;
    }

    public Builder spec(WorkflowSpec value) {
      spec = value;
      return this;
    }

    public Builder workflowMeta(WorkflowMeta value) {
      workflowMeta = value;
      return this;
    }

    public Builder inputs(LiteralMap value) {
      inputs = value;
      return this;
    }

    public Builder executionId(WorkflowExecutionIdentifier value) {
      executionId = value;
      return this;
    }

    public Builder tasks(Map<String, TaskTemplate> value) {
      tasks = value;
      return this;
    }

    public Builder subWorkflows(Map<String, WorkflowSpec> value) {
      subWorkflows = value;
      return this;
    }

    public Builder activeDeadlineSeconds(Long value) {
      activeDeadlineSeconds = value;
      return this;
    }

    public Builder nodeDefaults(NodeDefaults value) {
      nodeDefaults = value;
      return this;
    }

    public Builder acceptedAt(Instant value) {
      acceptedAt = value;
      return this;
    }

    public Builder serviceAccountName(String value) {
      serviceAccountName = value;
      return this;
    }

    public Builder securityContext(SecurityContext value) {
      securityContext = value;
      return this;
    }

    public Builder status(WorkflowStatus value) {
      status = value;
      return this;
    }

    public Builder rawOutputDataConfig(RawOutputDataConfig value) {
      rawOutputDataConfig = value;
      return this;
    }

    public Builder executionConfig(ExecutionConfig value) {
      executionConfig = value;
      return this;
    }

    public Builder workflowClosureReference(String value) {
      workflowClosureReference = value;
      return this;
    }

    public Builder consoleUrl(String value) {
      consoleUrl = value;
      return this;
    }

    public Builder offloadedInputs(String value) {
      offloadedInputs = value;
      return this;
    }

    public FlyteWorkflow build() {
      return new FlyteWorkflow(
          apiVersion,
          kind,
          metadata,
          spec,
          workflowMeta,
          inputs,
          executionId,
          tasks,
          subWorkflows,
          activeDeadlineSeconds,
          nodeDefaults,
          acceptedAt,
          serviceAccountName,
          securityContext,
          status,
          rawOutputDataConfig,
          executionConfig,
          workflowClosureReference,
          consoleUrl,
          offloadedInputs);
    }
  }
}

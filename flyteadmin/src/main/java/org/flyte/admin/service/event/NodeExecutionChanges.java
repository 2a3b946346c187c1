package org.flyte.admin.service.event;

import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionClosure;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionMetaData;
import flyteidl.admin.NodeExecutionOuterClass.TaskNodeMetadata;
import flyteidl.admin.NodeExecutionOuterClass.WorkflowNodeMetadata;
import flyteidl.core.Execution.NodeExecution;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.event.Event.NodeExecutionEvent;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.flyte.admin.repository.nodeexecution.NodeExecutionRow;
import org.jspecify.annotations.Nullable;

/**
 * How a node event becomes a {@code node_executions} row or changes one. Follows {@code
 * CreateNodeExecutionModel} and {@code UpdateNodeExecutionModel} of {@code
 * flyteadmin/pkg/repositories/transformers/node_execution.go} (Flyte v1.16.8), including its
 * quirks: {@code workflow_node_metadata} is ignored on the first event, the deck URI is overwritten
 * (even with an empty one) on RUNNING and terminal events, the parent / dynamic / array flags only
 * ever switch on, and the input URI is set once.
 */
final class NodeExecutionChanges {

  static final Set<NodeExecution.Phase> TERMINAL =
      EnumSet.of(
          NodeExecution.Phase.SUCCEEDED,
          NodeExecution.Phase.FAILED,
          NodeExecution.Phase.TIMED_OUT,
          NodeExecution.Phase.ABORTED,
          NodeExecution.Phase.SKIPPED,
          NodeExecution.Phase.RECOVERED);

  private final EventStorage storage;

  NodeExecutionChanges(EventStorage storage) {
    this.storage = storage;
  }

  /** A mutable copy of the columns an event changes. */
  private static final class Draft {
    String inputUri;
    NodeExecutionClosure.Builder closure;
    @Nullable Instant startedAt;
    @Nullable Long durationNanos;
    @Nullable String errorKind;
    @Nullable String errorCode;
    @Nullable String cacheStatus;

    Draft(
        String inputUri,
        NodeExecutionClosure.Builder closure,
        @Nullable Instant startedAt,
        @Nullable Long durationNanos,
        @Nullable String errorKind,
        @Nullable String errorCode,
        @Nullable String cacheStatus) {
      this.inputUri = inputUri;
      this.closure = closure;
      this.startedAt = startedAt;
      this.durationNanos = durationNanos;
      this.errorKind = errorKind;
      this.errorCode = errorCode;
      this.cacheStatus = cacheStatus;
    }
  }

  /** The row of a node's first event. */
  NodeExecutionRow created(
      NodeExecutionEvent event,
      Instant occurredAt,
      @Nullable Long parentTaskExecutionId,
      @Nullable Long parentId,
      String dynamicClosureReference) {
    var reportedAt =
        EventTimes.reportedAt(event.hasReportedAt(), event.getReportedAt(), event.getOccurredAt());
    Draft draft =
        new Draft(
            "",
            NodeExecutionClosure.newBuilder()
                .setPhase(event.getPhase())
                .setCreatedAt(event.getOccurredAt())
                .setUpdatedAt(reportedAt),
            null,
            null,
            null,
            null,
            null);
    apply(event, occurredAt, draft);
    NodeExecutionMetaData metadata =
        NodeExecutionMetaData.newBuilder()
            .setRetryGroup(event.getRetryGroup())
            .setSpecNodeId(event.getSpecNodeId())
            .setIsParentNode(event.getIsParent())
            .setIsDynamic(event.getIsDynamic())
            .setIsArray(event.getIsArray())
            .build();
    return new NodeExecutionRow(
        0,
        event.getId(),
        event.getPhase().name(),
        draft.inputUri,
        draft.closure.build(),
        draft.startedAt,
        occurredAt,
        EventTimes.instant(reportedAt),
        draft.durationNanos,
        event.hasParentTaskMetadata() ? parentTaskExecutionId : null,
        dynamicClosureReference,
        event.getEventVersion(),
        metadata,
        parentId,
        draft.errorKind,
        draft.errorCode,
        draft.cacheStatus);
  }

  /** The row after a later event. */
  NodeExecutionRow updated(
      NodeExecutionRow row,
      NodeExecutionEvent event,
      Instant occurredAt,
      @Nullable WorkflowExecutionIdentifier childExecution,
      String dynamicClosureReference) {
    var reportedAt =
        EventTimes.reportedAt(event.hasReportedAt(), event.getReportedAt(), event.getOccurredAt());
    Draft draft =
        new Draft(
            row.inputUri(),
            row.closure().toBuilder().setPhase(event.getPhase()).setUpdatedAt(reportedAt),
            row.startedAt(),
            row.durationNanos(),
            row.errorKind(),
            row.errorCode(),
            row.cacheStatus());
    apply(event, occurredAt, draft);
    if (childExecution != null && !draft.closure.hasWorkflowNodeMetadata()) {
      draft.closure.setWorkflowNodeMetadata(
          WorkflowNodeMetadata.newBuilder().setExecutionId(childExecution));
    }
    if (event.hasTaskNodeMetadata()
        && !event.getTaskNodeMetadata().getDynamicWorkflow().getDynamicJobSpecUri().isEmpty()) {
      draft.closure.setDynamicJobSpecUri(
          event.getTaskNodeMetadata().getDynamicWorkflow().getDynamicJobSpecUri());
    }
    NodeExecutionMetaData.Builder metadata = row.metadata().toBuilder();
    if (event.getIsParent()) {
      metadata.setIsParentNode(true);
    }
    if (event.getIsDynamic()) {
      metadata.setIsDynamic(true);
    }
    if (event.getIsArray()) {
      metadata.setIsArray(true);
    }
    return new NodeExecutionRow(
        row.rowId(),
        row.id(),
        event.getPhase().name(),
        draft.inputUri,
        draft.closure.build(),
        draft.startedAt,
        row.createdAt(),
        EventTimes.instant(reportedAt),
        draft.durationNanos,
        row.parentTaskExecutionId(),
        // Flyte's partial update keeps the stored reference when the event has none.
        dynamicClosureReference.isEmpty() ? row.dynamicClosureReference() : dynamicClosureReference,
        row.eventVersion(),
        metadata.build(),
        row.parentId(),
        draft.errorKind,
        draft.errorCode,
        draft.cacheStatus);
  }

  /** What creation and update share: inputs, RUNNING, terminal, task node metadata. */
  private void apply(NodeExecutionEvent event, Instant occurredAt, Draft draft) {
    if (draft.inputUri.isEmpty()) {
      if (event.getInputValueCase() == NodeExecutionEvent.InputValueCase.INPUT_URI) {
        draft.inputUri = event.getInputUri();
      } else if (event.getInputValueCase() == NodeExecutionEvent.InputValueCase.INPUT_DATA) {
        draft.inputUri = storage.offload(event.getId(), event.getInputData(), "offloaded_inputs");
      }
    }
    if (event.getPhase() == NodeExecution.Phase.RUNNING) {
      draft.startedAt = occurredAt;
      draft.closure.setStartedAt(event.getOccurredAt()).setDeckUri(event.getDeckUri());
    }
    if (TERMINAL.contains(event.getPhase())) {
      terminal(event, occurredAt, draft);
    }
    if (event.hasTaskNodeMetadata()) {
      var sent = event.getTaskNodeMetadata();
      TaskNodeMetadata.Builder target =
          TaskNodeMetadata.newBuilder().setCheckpointUri(sent.getCheckpointUri());
      if (sent.hasCatalogKey()) {
        target.setCacheStatus(sent.getCacheStatus()).setCatalogKey(sent.getCatalogKey());
        draft.cacheStatus = sent.getCacheStatus().name();
      }
      draft.closure.setTaskNodeMetadata(target);
    }
  }

  private void terminal(NodeExecutionEvent event, Instant occurredAt, Draft draft) {
    if (draft.closure.hasStartedAt() && draft.startedAt != null) {
      long nanos = EventTimes.nanosBetween(draft.startedAt, occurredAt);
      draft.durationNanos = nanos;
      draft.closure.setDuration(EventTimes.duration(nanos));
    }
    if (!event.getOutputUri().isEmpty()) {
      draft.closure.setOutputUri(event.getOutputUri());
    } else if (event.hasOutputData()) {
      if (storage.storeInline()) {
        draft.closure.setOutputData(event.getOutputData());
      } else {
        draft.closure.setOutputUri(
            storage.offload(event.getId(), event.getOutputData(), "offloaded_outputs"));
      }
    } else if (event.hasError()) {
      draft.closure.setError(event.getError());
      draft.errorKind = event.getError().getKind().name();
      draft.errorCode = event.getError().getCode();
    }
    draft.closure.setDeckUri(event.getDeckUri());
  }
}

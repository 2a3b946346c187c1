package org.flyte.admin.service.event;

import flyteidl.core.Compiler.CompiledWorkflowClosure;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.TaskExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Literals.LiteralMap;
import java.util.ArrayList;
import java.util.List;
import org.flyte.admin.config.AdminStorageProperties;
import org.flyte.admin.config.RemoteDataProperties;
import org.flyte.admin.config.RemoteDataProperties.InlineEventDataPolicy;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.common.storage.DataReference;
import org.flyte.common.storage.ProtoStore;
import org.flyte.common.storage.StorageKeys;
import org.springframework.stereotype.Component;

/**
 * What events put in and read from the blob store: inline inputs and outputs offloaded to Flyte's
 * deterministic paths ({@code OffloadLiteralMap} of {@code flyteadmin/pkg/common/data_store.go}),
 * and the compiled closures of dynamic workflows ({@code uploadDynamicWorkflowClosure} of {@code
 * node_execution_manager.go}, Flyte v1.16.8).
 */
@Component
public class EventStorage {

  private final ProtoStore store;
  private final RemoteDataProperties remoteData;
  private final DataReference closurePrefix;

  public EventStorage(
      ProtoStore store, RemoteDataProperties remoteData, AdminStorageProperties storage) {
    this.store = store;
    this.remoteData = remoteData;
    this.closurePrefix =
        store
            .blobs()
            .baseContainer()
            .resolve(storage.metadataStoragePrefix().toArray(String[]::new));
  }

  /** Whether inline event data stays in the closures ({@code StoreInline}). */
  public boolean storeInline() {
    return remoteData.inlineEventDataPolicy() == InlineEventDataPolicy.STORE_INLINE;
  }

  /** The largest inline output map an event may carry, in bytes. */
  public long maxSizeInBytes() {
    return remoteData.maxSizeInBytes().toBytes();
  }

  /** {@code ValidateOutputData}: RESOURCE_EXHAUSTED for inline outputs over the limit. */
  public void checkOutputSize(boolean present, LiteralMap outputs) {
    if (present && outputs.getSerializedSize() > maxSizeInBytes()) {
      throw new FlyteException(
          ErrorCode.RESOURCE_EXHAUSTED,
          String.format(
              "Output data size exceeds platform configured threshold (%d > %d)",
              outputs.getSerializedSize(), maxSizeInBytes()));
    }
  }

  /** Writes a workflow's inline outputs; returns their URI. */
  public String offload(WorkflowExecutionIdentifier id, LiteralMap data, String object) {
    return write(data, segments(id, object));
  }

  /** Writes a node's inline inputs or outputs; returns their URI. */
  public String offload(NodeExecutionIdentifier id, LiteralMap data, String object) {
    List<String> keys = segments(id.getExecutionId());
    keys.add(id.getNodeId());
    keys.add(object);
    return write(data, keys);
  }

  /** Writes a task attempt's inline inputs or outputs; returns their URI. */
  public String offload(TaskExecutionIdentifier id, LiteralMap data, String object) {
    NodeExecutionIdentifier node = id.getNodeExecutionId();
    Identifier task = id.getTaskId();
    List<String> keys = segments(node.getExecutionId());
    keys.addAll(
        List.of(
            node.getNodeId(),
            task.getProject(),
            task.getDomain(),
            task.getName(),
            task.getVersion(),
            Integer.toUnsignedString(id.getRetryAttempt()),
            object));
    return write(data, keys);
  }

  /** Stores a dynamic workflow's compiled closure; returns its URI. */
  public String writeDynamicClosure(
      NodeExecutionIdentifier node, Identifier workflow, CompiledWorkflowClosure closure) {
    WorkflowExecutionIdentifier execution = node.getExecutionId();
    DataReference reference =
        StorageKeys.under(
            closurePrefix,
            execution.getProject(),
            execution.getDomain(),
            execution.getName(),
            node.getNodeId(),
            workflow.getProject()
                + "_"
                + workflow.getDomain()
                + "_"
                + workflow.getName()
                + "_"
                + workflow.getVersion());
    store.write(reference, closure);
    return reference.toString();
  }

  /**
   * A stored dynamic workflow closure.
   *
   * @throws FlyteException INTERNAL when it cannot be read or has no primary template, as in Flyte
   */
  public CompiledWorkflowClosure readDynamicClosure(String uri) {
    CompiledWorkflowClosure closure;
    try {
      closure = store.read(DataReference.parse(uri), CompiledWorkflowClosure.parser());
    } catch (FlyteException e) {
      throw new FlyteException(
          ErrorCode.INTERNAL, "Unable to read WorkflowClosure from location " + uri, e);
    }
    if (!closure.hasPrimary() || !closure.getPrimary().hasTemplate()) {
      throw new FlyteException(
          ErrorCode.INTERNAL, "Empty primary workflow template in loaded dynamic workflow model.");
    }
    return closure;
  }

  private static List<String> segments(WorkflowExecutionIdentifier id, String... more) {
    List<String> keys =
        new ArrayList<>(List.of("metadata", id.getProject(), id.getDomain(), id.getName()));
    keys.addAll(List.of(more));
    return keys;
  }

  private String write(LiteralMap data, List<String> keys) {
    DataReference reference =
        StorageKeys.under(store.blobs().baseContainer(), keys.toArray(String[]::new));
    store.write(reference, data);
    return reference.toString();
  }
}

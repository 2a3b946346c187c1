package org.flyte.admin.service.nodeexecution;

import flyteidl.core.Literals.LiteralMap;
import org.flyte.admin.service.event.EventStorage;
import org.springframework.stereotype.Component;

/**
 * The inputs and outputs of a node or task execution as the Get*Data RPCs answer them. Follows
 * {@code GetInputs} / {@code GetOutputs} of {@code flyteadmin/pkg/manager/impl/util/data.go} (Flyte
 * v1.16.8): inline outputs only when smaller than {@code remoteData.maxSizeInBytes}, else the map
 * at the output URI; an object that cannot be read is an empty map.
 */
@Component
public class RecordData {

  private final EventStorage storage;

  public RecordData(EventStorage storage) {
    this.storage = storage;
  }

  /** The map at {@code uri}, or an empty map. */
  public LiteralMap inputs(String uri) {
    return storage.readLiteralMap(uri).orElse(LiteralMap.getDefaultInstance());
  }

  /** Inline outputs when small enough, else the map at {@code uri}, else an empty map. */
  public LiteralMap outputs(boolean hasInline, LiteralMap inline, String uri) {
    if (hasInline) {
      return inline.getSerializedSize() < storage.maxSizeInBytes()
          ? inline
          : LiteralMap.getDefaultInstance();
    }
    return inputs(uri);
  }
}

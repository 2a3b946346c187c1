package org.flyte.common.storage;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import java.util.Objects;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;

/**
 * Reads and writes protobuf messages as blobs, in the binary wire format (what Go's {@code
 * proto.Marshal} writes, so Flyte's Go components and this store read each other's objects).
 *
 * <p>Follows {@code flytestdlib/storage/protobuf_store.go} (v1.16.8). Read errors are those of
 * {@link BlobStore#read}; a blob that does not parse as the requested message fails with INTERNAL.
 */
public final class ProtoStore {

  private final BlobStore blobs;

  public ProtoStore(BlobStore blobs) {
    this.blobs = Objects.requireNonNull(blobs, "blobs");
  }

  /** The store underneath. */
  public BlobStore blobs() {
    return blobs;
  }

  /** Reads and parses the message at {@code reference}. */
  public <T extends MessageLite> T read(DataReference reference, Parser<T> parser) {
    byte[] raw = blobs.read(reference);
    try {
      return parser.parseFrom(raw);
    } catch (InvalidProtocolBufferException e) {
      throw new FlyteException(
          ErrorCode.INTERNAL,
          "object [" + reference + "] is not a valid protobuf message: " + e.getMessage(),
          e);
    }
  }

  /** Reads the message at {@code reference} as the type of {@code defaultInstance}. */
  @SuppressWarnings("unchecked")
  public <T extends Message> T read(DataReference reference, T defaultInstance) {
    return read(reference, (Parser<T>) defaultInstance.getParserForType());
  }

  /** Serializes and writes {@code message}. */
  public void write(DataReference reference, MessageLite message) {
    write(reference, message, WriteOptions.defaults());
  }

  /** Serializes and writes {@code message} with user metadata. */
  public void write(DataReference reference, MessageLite message, WriteOptions options) {
    blobs.write(reference, message.toByteArray(), options);
  }
}

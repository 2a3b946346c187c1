package org.flyte.admin.service.nodeexecution;

import flyteidl.admin.Common.UrlBlob;
import flyteidl.core.Literals.LiteralMap;
import java.util.Optional;
import org.flyte.admin.config.RemoteDataProperties;
import org.flyte.admin.service.dataproxy.LocalUrlSigner;
import org.flyte.common.error.FlyteException;
import org.flyte.common.storage.BlobMetadata;
import org.flyte.common.storage.BlobStore;
import org.flyte.common.storage.DataReference;
import org.flyte.common.storage.ProtoStore;
import org.flyte.common.storage.SignedUrl;
import org.flyte.common.storage.SignedUrlRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The inputs and outputs of an execution, a node execution or a task execution as the Get*Data RPCs
 * answer them. Follows {@code GetInputs} / {@code GetOutputs} of {@code
 * flyteadmin/pkg/manager/impl/util/data.go} (Flyte v1.16.8):
 *
 * <ul>
 *   <li>the full map is the closure's inline outputs when smaller than {@code
 *       remoteData.maxSizeInBytes} (else empty), or the map stored at the URI;
 *   <li>with {@code remoteData.signedUrls.enabled}, the deprecated {@code UrlBlob} carries a signed
 *       URL and the object's size, and an object of at least {@code maxSizeInBytes} is not read;
 *       otherwise it is an empty message;
 *   <li>an object that cannot be read is answered as an empty map (logged), as in Flyte.
 * </ul>
 */
@Component
public class RecordData {

  private static final Logger log = LoggerFactory.getLogger(RecordData.class);

  /** The deprecated URL blob and the full map of one side of a record. */
  public record Answer(UrlBlob blob, LiteralMap full) {}

  private final ProtoStore store;
  private final LocalUrlSigner localSigner;
  private final RemoteDataProperties remoteData;

  public RecordData(ProtoStore store, LocalUrlSigner localSigner, RemoteDataProperties remoteData) {
    this.store = store;
    this.localSigner = localSigner;
    this.remoteData = remoteData;
  }

  /** Inputs stored at {@code uri} (Flyte's {@code GetInputs}). */
  public Answer inputs(String uri) {
    if (uri.isEmpty()) {
      return new Answer(UrlBlob.getDefaultInstance(), LiteralMap.getDefaultInstance());
    }
    UrlBlob blob = urlBlob(uri);
    return new Answer(blob, shouldRead(blob) ? read(uri) : LiteralMap.getDefaultInstance());
  }

  /**
   * Outputs inline in a closure ({@code inline}, or null when there are none) or stored at {@code
   * uri} (Flyte's {@code GetOutputs}).
   */
  public Answer outputs(LiteralMap inline, String uri) {
    UrlBlob blob = uri.isEmpty() ? UrlBlob.getDefaultInstance() : urlBlob(uri);
    LiteralMap full = LiteralMap.getDefaultInstance();
    if (inline != null) {
      if (inline.getSerializedSize() < remoteData.maxSizeInBytes().toBytes()) {
        full = inline;
      }
    } else if (!uri.isEmpty() && shouldRead(blob)) {
      full = read(uri);
    }
    return new Answer(blob, full);
  }

  /** Flyte's {@code shouldFetchData}: always, unless signed URLs say the object is too large. */
  private boolean shouldRead(UrlBlob blob) {
    return !remoteData.signedUrls().enabled()
        || blob.getBytes() < remoteData.maxSizeInBytes().toBytes();
  }

  private LiteralMap read(String uri) {
    return readMap(uri).orElse(LiteralMap.getDefaultInstance());
  }

  private Optional<LiteralMap> readMap(String uri) {
    try {
      return Optional.of(store.read(DataReference.parse(uri), LiteralMap.parser()));
    } catch (FlyteException | IllegalArgumentException e) {
      log.warn("Failed to read data from URI [{}]: {}", uri, e.getMessage());
      return Optional.empty();
    }
  }

  /** The signed URL and size of an object, when signed URLs are enabled; else empty. */
  private UrlBlob urlBlob(String uri) {
    if (!remoteData.signedUrls().enabled()) {
      return UrlBlob.getDefaultInstance();
    }
    DataReference reference;
    try {
      reference = DataReference.parse(uri);
    } catch (IllegalArgumentException e) {
      log.warn("Cannot sign data URI [{}]: {}", uri, e.getMessage());
      return UrlBlob.getDefaultInstance();
    }
    BlobStore blobs = store.blobs();
    long size = blobs.head(reference).map(BlobMetadata::size).orElse(0L);
    SignedUrlRequest signing = SignedUrlRequest.get(remoteData.signedUrls().lifetime());
    SignedUrl signed =
        blobs.supportsSignedUrls()
            ? blobs.signedUrl(reference, signing)
            : localSigner.sign(reference, signing);
    return UrlBlob.newBuilder().setUrl(signed.url().toString()).setBytes(size).build();
  }
}

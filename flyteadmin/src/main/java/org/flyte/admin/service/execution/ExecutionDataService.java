package org.flyte.admin.service.execution;

import flyteidl.admin.Common.UrlBlob;
import flyteidl.admin.ExecutionOuterClass.ExecutionClosure;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetDataRequest;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetDataResponse;
import flyteidl.core.Literals.LiteralMap;
import java.time.Instant;
import java.util.Optional;
import org.flyte.admin.config.RemoteDataProperties;
import org.flyte.admin.repository.execution.ExecutionRepository;
import org.flyte.admin.repository.execution.ExecutionRow;
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
import org.springframework.stereotype.Service;

/**
 * GetExecutionData: an execution's inputs and outputs. Follows {@code GetExecutionData} of {@code
 * flyteadmin/pkg/manager/impl/execution_manager.go} and {@code util/data.go} (v1.16.8):
 *
 * <ul>
 *   <li>{@code full_inputs} is the computed input map at {@code inputs_uri} (a row written before
 *       inputs were offloaded has them offloaded now, from its closure);
 *   <li>{@code full_outputs} is the closure's inline output map when it is smaller than {@code
 *       remoteData.maxSizeInBytes} (else empty), or the map at the closure's output URI;
 *   <li>with {@code remoteData.signedUrls.enabled}, the deprecated {@code inputs} / {@code outputs}
 *       carry a signed URL and the object's size, and objects of at least {@code maxSizeInBytes}
 *       are not read; otherwise they are empty messages;
 *   <li>an object that cannot be read is answered as an empty map, as in Flyte.
 * </ul>
 */
@Service
public class ExecutionDataService {

  private static final Logger log = LoggerFactory.getLogger(ExecutionDataService.class);

  private final ExecutionRepository executions;
  private final ProtoStore store;
  private final LocalUrlSigner localSigner;
  private final RemoteDataProperties remoteData;
  private final ExecutionPlanner planner;

  public ExecutionDataService(
      ExecutionRepository executions,
      ProtoStore store,
      LocalUrlSigner localSigner,
      RemoteDataProperties remoteData,
      ExecutionPlanner planner) {
    this.executions = executions;
    this.store = store;
    this.localSigner = localSigner;
    this.remoteData = remoteData;
    this.planner = planner;
  }

  /** GetExecutionData. The id is not validated (a partial id is NOT_FOUND), as in Flyte. */
  public WorkflowExecutionGetDataResponse getData(WorkflowExecutionGetDataRequest request) {
    ExecutionRow row =
        executions
            .find(request.getId())
            .orElseThrow(() -> ExecutionService.missing(request.getId()));
    if (row.inputsUri().isEmpty()) {
      DataReference inputs = planner.dataReference(row.id(), "inputs");
      store.write(inputs, row.closure().getComputedInputs());
      row = row.toBuilder().inputsUri(inputs.toString()).build();
      executions.update(row);
    }
    WorkflowExecutionGetDataResponse.Builder response =
        WorkflowExecutionGetDataResponse.newBuilder();
    UrlBlob inputsBlob = urlBlob(row.inputsUri());
    response.setInputs(inputsBlob).setFullInputs(LiteralMap.getDefaultInstance());
    if (shouldRead(inputsBlob)) {
      read(row.inputsUri()).ifPresent(response::setFullInputs);
    }
    ExecutionClosure closure = row.closure();
    String outputUri = closure.getOutputs().getUri();
    UrlBlob outputsBlob = outputUri.isEmpty() ? UrlBlob.getDefaultInstance() : urlBlob(outputUri);
    response.setOutputs(outputsBlob).setFullOutputs(LiteralMap.getDefaultInstance());
    LiteralMap inline =
        closure.getOutputs().hasValues()
            ? closure.getOutputs().getValues()
            : closure.hasOutputData() ? closure.getOutputData() : null;
    if (inline != null) {
      if (inline.getSerializedSize() < remoteData.maxSizeInBytes().toBytes()) {
        response.setFullOutputs(inline);
      }
    } else if (!outputUri.isEmpty() && shouldRead(outputsBlob)) {
      read(outputUri).ifPresent(response::setFullOutputs);
    }
    return response.build();
  }

  /** Flyte's {@code shouldFetchData}: always, unless signed URLs say the object is too large. */
  private boolean shouldRead(UrlBlob blob) {
    return !remoteData.signedUrls().enabled()
        || blob.getBytes() < remoteData.maxSizeInBytes().toBytes();
  }

  private Optional<LiteralMap> read(String uri) {
    try {
      return Optional.of(store.read(DataReference.parse(uri), LiteralMap.parser()));
    } catch (FlyteException e) {
      log.warn("Failed to read data from URI [{}]: {}", uri, e.getMessage());
      return Optional.empty();
    }
  }

  /** The signed URL and size of an object, when signed URLs are enabled; else empty. */
  private UrlBlob urlBlob(String uri) {
    if (!remoteData.signedUrls().enabled() || uri.isEmpty()) {
      return UrlBlob.getDefaultInstance();
    }
    DataReference reference = DataReference.parse(uri);
    BlobStore blobs = store.blobs();
    long size = blobs.head(reference).map(BlobMetadata::size).orElse(0L);
    SignedUrlRequest signing = SignedUrlRequest.get(remoteData.signedUrls().lifetime());
    SignedUrl signed =
        blobs.supportsSignedUrls()
            ? blobs.signedUrl(reference, signing)
            : localSigner.sign(reference, signing, Instant.now());
    return UrlBlob.newBuilder().setUrl(signed.url().toString()).setBytes(size).build();
  }
}

package org.flyte.admin.service.dataproxy;

import com.google.common.io.BaseEncoding;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Durations;
import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.service.Dataproxy.ArtifactType;
import flyteidl.service.Dataproxy.CreateDownloadLinkRequest;
import flyteidl.service.Dataproxy.CreateDownloadLinkResponse;
import flyteidl.service.Dataproxy.CreateDownloadLocationRequest;
import flyteidl.service.Dataproxy.CreateDownloadLocationResponse;
import flyteidl.service.Dataproxy.CreateUploadLocationRequest;
import flyteidl.service.Dataproxy.CreateUploadLocationResponse;
import flyteidl.service.Dataproxy.PreSignedURLs;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.flyte.admin.config.DataProxyProperties;
import org.flyte.admin.repository.execution.NodeExecutionLookupRepository;
import org.flyte.admin.repository.execution.NodeExecutionLookupRepository.NodeExecutionReference;
import org.flyte.admin.service.project.ProjectDomainValidator;
import org.flyte.admin.service.validation.IdentifierValidator;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.common.storage.BlobMetadata;
import org.flyte.common.storage.BlobStore;
import org.flyte.common.storage.DataReference;
import org.flyte.common.storage.SignedUrl;
import org.flyte.common.storage.SignedUrlRequest;
import org.flyte.common.storage.StorageKeys;
import org.flyte.compiler.graph.ProtoText;
import org.springframework.stereotype.Service;

/**
 * Signed upload and download URLs: CreateUploadLocation, the deprecated CreateDownloadLocation, and
 * CreateDownloadLink (the Flyte Deck of a node execution).
 *
 * <p>Follows {@code flyteadmin/dataproxy/service.go} (v1.16.8): the same validations, their order,
 * codes and messages, the same storage path and the same existence rule for deterministic paths.
 * When the blob store cannot sign (local disk, memory), FlyteAdmin signs a URL to its own HTTP
 * server ({@link LocalUrlSigner}). Differences from Flyte:
 *
 * <ul>
 *   <li>a storage path that cannot be built (e.g. a colon in its first segment) and a signing
 *       request the store rejects as bad input (zero or negative lifetime, foreign container)
 *       answer INVALID_ARGUMENT / FAILED_PRECONDITION with Flyte's message prefix, not INTERNAL;
 *   <li>a path part that would leave its place (e.g. {@code filename: ../../x}) is refused with
 *       INVALID_ARGUMENT; Flyte resolves the dot segments and writes elsewhere in the bucket;
 *   <li>a {@code native_url} that is not a {@code <scheme>://<container>/<key>} reference fails
 *       validation (Go's {@code url.Parse} accepts nearly anything and fails later, as INTERNAL).
 * </ul>
 */
@Service
public class DataProxyService {

  /** The alphabet of Kubernetes' {@code rand.String}, which Flyte uses for file names. */
  private static final String FILE_NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private final BlobStore store;
  private final DataProxyProperties properties;
  private final LocalUrlSigner localSigner;
  private final ProjectDomainValidator projects;
  private final NodeExecutionLookupRepository nodeExecutions;
  private final SecureRandom random = new SecureRandom();

  public DataProxyService(
      BlobStore store,
      DataProxyProperties properties,
      LocalUrlSigner localSigner,
      ProjectDomainValidator projects,
      NodeExecutionLookupRepository nodeExecutions) {
    this.store = store;
    this.properties = properties;
    this.localSigner = localSigner;
    this.projects = projects;
    this.nodeExecutions = nodeExecutions;
  }

  public CreateUploadLocationResponse createUploadLocation(CreateUploadLocationRequest request) {
    if (request.getProject().isEmpty() || request.getDomain().isEmpty()) {
      throw FlyteException.invalidArgument("project and domain are required parameters");
    }
    if (request.getFilenameRoot().isEmpty() && request.getContentMd5().isEmpty()) {
      throw FlyteException.invalidArgument("content_md5 or filename_root is a required parameter");
    }
    IdentifierValidator.validatePart("project", request.getProject());
    IdentifierValidator.validatePart("domain", request.getDomain());
    if (!request.getOrg().isEmpty()) {
      IdentifierValidator.validatePart("org", request.getOrg());
    }
    projects.requireExists(request.getProject(), request.getDomain());
    byte[] md5 = request.getContentMd5().toByteArray();
    String base64Md5 = Base64.getEncoder().encodeToString(md5);
    if (!request.getFilename().isEmpty() && !request.getFilenameRoot().isEmpty()) {
      DataReference known =
          storageLocation(request, request.getFilenameRoot(), request.getFilename());
      Optional<BlobMetadata> existing;
      try {
        existing = store.head(known);
      } catch (FlyteException e) {
        throw wrap("failed to check if file exists at location [" + known + "]", e);
      }
      if (existing.isPresent() && !matches(existing.get(), md5, base64Md5)) {
        throw FlyteException.alreadyExists(
            "file already exists at location [%s], specify a matching hash if you wish to rewrite",
            known);
      }
    }

    Duration expiresIn = properties.upload().maxExpiresIn();
    if (request.hasExpiresIn()) {
      com.google.protobuf.Duration given = request.getExpiresIn();
      if (!Durations.isValid(given)) {
        throw FlyteException.invalidArgument("expiresIn [%s] is invalid", protoText(given));
      }
      expiresIn = Duration.ofSeconds(given.getSeconds(), given.getNanos());
      if (expiresIn.compareTo(properties.upload().maxExpiresIn()) > 0) {
        throw FlyteException.invalidArgument(
            "expiresIn [%s] cannot exceed max allowed expiration [%s]",
            GoDurations.format(expiresIn), GoDurations.format(properties.upload().maxExpiresIn()));
      }
      if (expiresIn.isNegative() || expiresIn.isZero()) {
        throw FlyteException.invalidArgument(
            "expiresIn [%s] must be positive and cannot exceed max allowed expiration [%s]",
            GoDurations.format(expiresIn), GoDurations.format(properties.upload().maxExpiresIn()));
      }
    }

    String filename =
        request.getFilename().isEmpty()
            ? randomFileName(properties.upload().defaultFileNameLength())
            : request.getFilename();
    String prefix =
        request.getFilenameRoot().isEmpty()
            ? BaseEncoding.base32().encode(md5)
            : request.getFilenameRoot();
    DataReference location = storageLocation(request, prefix, filename);

    Instant now = Instant.now();
    SignedUrl signed =
        sign(
            location,
            SignedUrlRequest.put(
                expiresIn,
                base64Md5.isEmpty() ? null : base64Md5,
                request.getAddContentMd5Metadata()),
            now);
    return CreateUploadLocationResponse.newBuilder()
        .setSignedUrl(signed.url().toString())
        .setNativeUrl(location.toString())
        .setExpiresAt(timestamp(now.plus(expiresIn)))
        .putAllHeaders(signed.headers())
        .build();
  }

  public CreateDownloadLocationResponse createDownloadLocation(
      CreateDownloadLocationRequest request) {
    Duration expiresIn =
        expiresIn(
            request.hasExpiresIn() ? request.getExpiresIn() : null,
            "error while validating" + " request: ");
    DataReference reference;
    try {
      reference = DataReference.parse(request.getNativeUrl());
    } catch (FlyteException e) {
      throw invalid(
          "error while validating request: ",
          "failed to parse native_url [%s]",
          request.getNativeUrl());
    }
    Instant now = Instant.now();
    SignedUrl signed = sign(reference, SignedUrlRequest.get(expiresIn), now);
    return CreateDownloadLocationResponse.newBuilder()
        .setSignedUrl(signed.url().toString())
        .setExpiresAt(timestamp(now.plus(expiresIn)))
        .build();
  }

  /**
   * CreateDownloadLink: a signed URL to an artifact of a node execution (its Flyte Deck, the only
   * artifact type), for FlyteConsole and FlyteRemote.
   */
  public CreateDownloadLinkResponse createDownloadLink(CreateDownloadLinkRequest request) {
    String prefix = "error while validating request. Error: ";
    Duration expiresIn = expiresIn(request.hasExpiresIn() ? request.getExpiresIn() : null, prefix);
    if (request.getArtifactType() == ArtifactType.ARTIFACT_TYPE_UNDEFINED) {
      throw FlyteException.invalidArgument(
          "%sinvalid artifact type [%s]", prefix, request.getArtifactType().name());
    }
    if (!request.hasNodeExecutionId()) {
      throw FlyteException.invalidArgument("%ssource is required. Provided nil", prefix);
    }
    NodeExecutionIdentifier node = request.getNodeExecutionId();
    NodeExecutionReference found =
        nodeExecutions
            .find(node)
            .orElseThrow(
                () ->
                    FlyteException.invalidArgument(
                        "failed to find node execution [%s]. Error: missing entity of type node"
                            + " execution with identifier %s",
                        ProtoText.render(node), ProtoText.render(node)));
    String deck = found.closure().getDeckUri();
    if (deck.isEmpty()) {
      throw FlyteException.notFound("no deckUrl found for request [%s]", ProtoText.render(request));
    }
    DataReference reference;
    Optional<BlobMetadata> head;
    try {
      reference = DataReference.parse(deck);
      head = store.head(reference);
    } catch (FlyteException e) {
      throw wrap("failed to head object before signing url", e);
    }
    if (head.isEmpty()) {
      throw FlyteException.notFound("object not found");
    }
    Instant now = Instant.now();
    SignedUrl signed = sign(reference, SignedUrlRequest.get(expiresIn), now);
    Timestamp expiresAt = timestamp(now.plus(expiresIn));
    return CreateDownloadLinkResponse.newBuilder()
        .addSignedUrl(signed.url().toString())
        .setExpiresAt(expiresAt)
        .setPreSignedUrls(
            PreSignedURLs.newBuilder()
                .addSignedUrl(signed.url().toString())
                .setExpiresAt(expiresAt))
        .build();
  }

  /** Flyte's {@code validateDuration}: the requested lifetime, default and at most the maximum. */
  private Duration expiresIn(com.google.protobuf.Duration given, String prefix) {
    Duration max = properties.download().maxExpiresIn();
    if (given == null) {
      return max;
    }
    if (!Durations.isValid(given)) {
      throw invalid(
          prefix, "expiresIn is invalid. Error: input duration [%s] is invalid", protoText(given));
    }
    Duration expiresIn = Duration.ofSeconds(given.getSeconds(), given.getNanos());
    if (expiresIn.isNegative()) {
      throw invalid(
          prefix,
          "expiresIn is invalid. Error: input duration [%s] should not less than 0",
          GoDurations.format(expiresIn));
    }
    if (expiresIn.compareTo(max) > 0) {
      throw invalid(
          prefix,
          "expiresIn is invalid. Error: input duration [%s] cannot exceed max allowed expiration"
              + " [%s]",
          GoDurations.format(expiresIn),
          GoDurations.format(max));
    }
    return expiresIn;
  }

  private static FlyteException invalid(String prefix, String format, Object... args) {
    return new FlyteException(ErrorCode.INVALID_ARGUMENT, prefix + String.format(format, args));
  }

  /**
   * Whether an existing object may be overwritten: its recorded Content-MD5 (base64) equals the
   * given one, or, without that metadata, its ETag equals the MD5 in hex, base32 or base64.
   */
  private static boolean matches(BlobMetadata existing, byte[] md5, String base64Md5) {
    if (md5.length == 0) {
      return false;
    }
    Optional<String> recorded = existing.contentMd5().filter(s -> !s.isEmpty());
    if (recorded.isPresent()) {
      return recorded.get().equals(base64Md5);
    }
    String etag = existing.etag();
    return HexFormat.of().formatHex(md5).equals(etag)
        || BaseEncoding.base32().encode(md5).equals(etag)
        || base64Md5.equals(etag);
  }

  /**
   * {@code {base}/{storagePrefix}/{org?}/{project}/{domain}/{prefix}/{filename}}, empty parts left
   * out. The prefix and the file name may hold {@code /} (flytekit uploads directories that way);
   * every other part, and every segment of those two, is one key segment ({@link StorageKeys}), so
   * the upload stays below its project and domain. A {@code .} or {@code ..} segment or a control
   * character is refused.
   */
  private DataReference storageLocation(
      CreateUploadLocationRequest request, String prefix, String filename) {
    String storagePrefix = properties.upload().storagePrefix();
    DataReference base =
        storagePrefix.isEmpty()
            ? store.baseContainer()
            : store.baseContainer().resolve(storagePrefix);
    List<String> directory = new ArrayList<>();
    if (!request.getOrg().isEmpty()) {
      directory.add(request.getOrg());
    }
    directory.add(request.getProject());
    directory.add(request.getDomain());
    DataReference below = StorageKeys.under(base, directory.toArray(String[]::new));
    List<String> file = new ArrayList<>();
    for (String part : List.of(prefix, filename)) {
      for (String segment : part.split("/", -1)) {
        if (segment.equals(".")
            || segment.equals("..")
            || segment.chars().anyMatch(Character::isISOControl)) {
          throw FlyteException.invalidArgument(
              "filename_root [%s] and filename [%s] must name a file below [%s]",
              prefix, filename, below);
        }
        if (!segment.isEmpty()) {
          file.add(segment);
        }
      }
    }
    directory.addAll(file);
    return StorageKeys.under(base, directory.toArray(String[]::new));
  }

  private SignedUrl sign(DataReference reference, SignedUrlRequest request, Instant now) {
    try {
      return store.supportsSignedUrls()
          ? store.signedUrl(reference, request)
          : localSigner.sign(reference, request, now);
    } catch (FlyteException e) {
      throw wrap("failed to create a signed url", e);
    }
  }

  private String randomFileName(int length) {
    StringBuilder name = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      name.append(FILE_NAME_ALPHABET.charAt(random.nextInt(FILE_NAME_ALPHABET.length())));
    }
    return name.toString();
  }

  /** Flyte's {@code "<what>, Error: <cause>"}; bad input keeps its code, the rest is INTERNAL. */
  private static FlyteException wrap(String what, FlyteException e) {
    ErrorCode code =
        switch (e.code()) {
          case INVALID_ARGUMENT, FAILED_PRECONDITION -> e.code();
          default -> ErrorCode.INTERNAL;
        };
    return new FlyteException(code, what + ", Error: " + e.getMessage(), e);
  }

  /** Go's {@code %v} of a {@code durationpb.Duration}. */
  private static String protoText(com.google.protobuf.Duration duration) {
    return "seconds:" + duration.getSeconds() + " nanos:" + duration.getNanos();
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }
}

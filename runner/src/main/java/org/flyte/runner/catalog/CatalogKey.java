package org.flyte.runner.catalog;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import datacatalog.Datacatalog.DatasetID;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralCollection;
import flyteidl.core.Literals.LiteralMap;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.flyte.common.hash.ObjectHash;

/**
 * A cacheable task execution as propeller keys it in DataCatalog: dataset {@code flyte_task-<name>}
 * at version {@code <cache version>-<input hash>-<output hash>} of the interface, artifact tag
 * {@code flyte_cached-<hash of the inputs>}. Follows {@code
 * flytepropeller/pkg/controller/nodes/catalog/datacatalog/transformer.go} and {@code
 * flyteplugins/go/tasks/pluginmachinery/catalog/hashing.go} (v1.16.8); hashes are objecthashes of
 * the protobuf JSON ({@code flytestdlib/pbhash}).
 *
 * @param task the task
 * @param taskInterface its interface
 * @param cacheVersion its {@code discovery_version}
 * @param inputs the inputs of this execution
 * @param cacheIgnoreInputVars inputs left out of the tag
 */
public record CatalogKey(
    Identifier task,
    TypedInterface taskInterface,
    String cacheVersion,
    LiteralMap inputs,
    List<String> cacheIgnoreInputVars) {

  private static final JsonFormat.Printer JSON = JsonFormat.printer();
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  public CatalogKey {
    cacheIgnoreInputVars = List.copyOf(cacheIgnoreInputVars);
  }

  /** The dataset of the task's cached outputs. */
  public DatasetID datasetId() {
    String version = cacheVersion.strip();
    if (version.isEmpty()) {
      throw new IllegalArgumentException(
          "task cannot have an empty discoveryVersion " + cacheVersion);
    }
    return DatasetID.newBuilder()
        .setProject(task.getProject())
        .setDomain(task.getDomain())
        .setName("flyte_task-" + task.getName())
        .setVersion(version + "-" + signature())
        .build();
  }

  /** The dataset as an identifier of kind {@code DATASET}, as events carry it. */
  public Identifier datasetIdentifier() {
    DatasetID id = datasetId();
    return Identifier.newBuilder()
        .setResourceType(ResourceType.DATASET)
        .setProject(id.getProject())
        .setDomain(id.getDomain())
        .setName(id.getName())
        .setVersion(id.getVersion())
        .build();
  }

  /** The artifact tag of these inputs. */
  public String tagName() {
    LiteralMap.Builder hashed = LiteralMap.newBuilder();
    inputs
        .getLiteralsMap()
        .forEach(
            (name, literal) -> {
              if (!cacheIgnoreInputVars.contains(name)) {
                hashed.putLiterals(name, hashify(literal));
              }
            });
    return "flyte_cached-" + URL.encodeToString(hash(hashed.build()));
  }

  private String signature() {
    return short8(hash(present(taskInterface.hasInputs(), taskInterface.getInputs())))
        + "-"
        + short8(hash(present(taskInterface.hasOutputs(), taskInterface.getOutputs())));
  }

  private static VariableMap present(boolean present, VariableMap map) {
    return present ? map : VariableMap.getDefaultInstance();
  }

  private static Literal hashify(Literal literal) {
    if (!literal.getHash().isEmpty()) {
      return Literal.newBuilder().setHash(literal.getHash()).build();
    }
    if (literal.hasCollection()) {
      LiteralCollection.Builder items = LiteralCollection.newBuilder();
      literal.getCollection().getLiteralsList().forEach(l -> items.addLiterals(hashify(l)));
      return Literal.newBuilder().setCollection(items).build();
    }
    if (literal.hasMap()) {
      LiteralMap.Builder entries = LiteralMap.newBuilder();
      for (Map.Entry<String, Literal> e : literal.getMap().getLiteralsMap().entrySet()) {
        entries.putLiterals(e.getKey(), hashify(e.getValue()));
      }
      return Literal.newBuilder().setMap(entries).build();
    }
    return literal;
  }

  private static byte[] hash(MessageOrBuilder message) {
    try {
      return ObjectHash.ofJson(JSON.print(message));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static String short8(byte[] hash) {
    String text = URL.encodeToString(hash);
    return text.length() > 8 ? text.substring(0, 8) : text;
  }
}

package org.flyte.datacatalog.propeller;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import datacatalog.Datacatalog.DatasetID;
import flyteidl.core.IdentifierOuterClass.Identifier;
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
 * A cacheable task execution as FlytePropeller keys it in DataCatalog, after {@code
 * flytepropeller/pkg/controller/nodes/catalog/datacatalog/transformer.go} and {@code
 * flyteplugins/go/tasks/pluginmachinery/catalog/hashing.go} (v1.16.8).
 */
record CacheKey(
    Identifier task,
    TypedInterface taskInterface,
    String cacheVersion,
    LiteralMap inputs,
    List<String> cacheIgnoreInputVars) {

  private static final JsonFormat.Printer JSON = JsonFormat.printer();
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  /** {@code project/domain} of the task, {@code flyte_task-<name>}, version from the interface. */
  DatasetID datasetId() {
    String version = cacheVersion.strip();
    if (version.isEmpty()) {
      throw new IllegalArgumentException("task cannot have an empty discoveryVersion");
    }
    return DatasetID.newBuilder()
        .setProject(task.getProject())
        .setDomain(task.getDomain())
        .setName("flyte_task-" + task.getName())
        .setVersion(version + "-" + signature(taskInterface))
        .build();
  }

  /** {@code flyte_cached-<hash of the inputs>}. */
  String tagName() {
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

  static String signature(TypedInterface taskInterface) {
    return short8(hash(variables(taskInterface.hasInputs(), taskInterface.getInputs())))
        + "-"
        + short8(hash(variables(taskInterface.hasOutputs(), taskInterface.getOutputs())));
  }

  private static VariableMap variables(boolean present, VariableMap map) {
    return present ? map : VariableMap.getDefaultInstance();
  }

  /** A literal that carries a hash is replaced by one with only that hash, recursively. */
  static Literal hashify(Literal literal) {
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

  static byte[] hash(MessageOrBuilder message) {
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

package org.flyte.runner.engine;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import flyteidl.core.Literals.Binding;
import flyteidl.core.Literals.BindingData;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralCollection;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Literals.Union;
import flyteidl.core.Types.OutputReference;
import flyteidl.core.Types.PromiseAttribute;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves a node's input bindings against the outputs of the nodes before it ({@code
 * flytepropeller/pkg/controller/nodes/resolve.go}, v1.16.8): literals as they are, promises read
 * from the node they name, collections and maps item by item, union targets wrapped.
 */
final class Bindings {

  private Bindings() {}

  /**
   * The literal map of {@code bindings}.
   *
   * @param outputs node id → its outputs; null when the node has none (yet)
   */
  static LiteralMap resolve(List<Binding> bindings, Function<String, LiteralMap> outputs)
      throws NodeFailure.Raised {
    LiteralMap.Builder out = LiteralMap.newBuilder();
    if (bindings != null) {
      for (Binding b : bindings) {
        out.putLiterals(b.getVar(), resolve(b.getBinding(), outputs));
      }
    }
    return out.build();
  }

  private static Literal resolve(BindingData data, Function<String, LiteralMap> outputs)
      throws NodeFailure.Raised {
    Literal literal =
        switch (data.getValueCase()) {
          case SCALAR -> Literal.newBuilder().setScalar(data.getScalar()).build();
          case COLLECTION -> {
            LiteralCollection.Builder items = LiteralCollection.newBuilder();
            for (BindingData item : data.getCollection().getBindingsList()) {
              items.addLiterals(resolve(item, outputs));
            }
            yield Literal.newBuilder().setCollection(items).build();
          }
          case MAP -> {
            LiteralMap.Builder entries = LiteralMap.newBuilder();
            for (Map.Entry<String, BindingData> e : data.getMap().getBindingsMap().entrySet()) {
              entries.putLiterals(e.getKey(), resolve(e.getValue(), outputs));
            }
            yield Literal.newBuilder().setMap(entries).build();
          }
          case PROMISE -> promise(data.getPromise(), outputs);
          case OFFLOADED_METADATA ->
              Literal.newBuilder().setOffloadedMetadata(data.getOffloadedMetadata()).build();
          case VALUE_NOT_SET -> Literal.getDefaultInstance();
        };
    if (data.hasUnion()) {
      literal =
          Literal.newBuilder()
              .setScalar(
                  Scalar.newBuilder()
                      .setUnion(
                          Union.newBuilder()
                              .setValue(literal)
                              .setType(data.getUnion().getTargetType())))
              .build();
    }
    return literal;
  }

  private static Literal promise(OutputReference ref, Function<String, LiteralMap> outputs)
      throws NodeFailure.Raised {
    LiteralMap map = outputs.apply(ref.getNodeId());
    if (map == null || !map.containsLiterals(ref.getVar())) {
      throw NodeFailure.system(
              "OutputsNotFound",
              "failed to resolve the binding: node ["
                  + ref.getNodeId()
                  + "] has no output ["
                  + ref.getVar()
                  + "]",
              false)
          .raise();
    }
    Literal literal = map.getLiteralsOrThrow(ref.getVar());
    for (PromiseAttribute attr : ref.getAttrPathList()) {
      literal = attribute(literal, attr, ref);
    }
    return literal;
  }

  private static Literal attribute(Literal literal, PromiseAttribute attr, OutputReference ref)
      throws NodeFailure.Raised {
    if (literal.hasCollection() && attr.hasIntValue()) {
      List<Literal> items = literal.getCollection().getLiteralsList();
      if (attr.getIntValue() >= 0 && attr.getIntValue() < items.size()) {
        return items.get(attr.getIntValue());
      }
    } else if (literal.hasMap() && attr.hasStringValue()) {
      Literal value = literal.getMap().getLiteralsMap().get(attr.getStringValue());
      if (value != null) {
        return value;
      }
    } else if (literal.hasScalar() && literal.getScalar().hasGeneric()) {
      Value value = structValue(literal.getScalar().getGeneric(), attr);
      if (value != null) {
        return JsonLiterals.fromValue(value);
      }
    }
    throw NodeFailure.user(
            "PromiseAttributeResolveError",
            "cannot resolve the attribute "
                + (attr.hasIntValue() ? attr.getIntValue() : attr.getStringValue())
                + " of output ["
                + ref.getVar()
                + "] of node ["
                + ref.getNodeId()
                + "]",
            false)
        .raise();
  }

  private static Value structValue(Struct struct, PromiseAttribute attr) {
    return attr.hasStringValue() ? struct.getFieldsMap().get(attr.getStringValue()) : null;
  }
}

package org.flyte.compiler.validators;

import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.Binding;
import flyteidl.core.Literals.BindingData;
import flyteidl.core.Literals.BindingDataMap;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.flyte.compiler.errors.CompileError;
import org.flyte.compiler.errors.CompileErrors;
import org.flyte.compiler.graph.CompilingNode;
import org.flyte.compiler.graph.EdgeDirection;
import org.flyte.compiler.graph.NodeIds;
import org.flyte.compiler.graph.ProtoText;
import org.flyte.compiler.graph.WorkflowScope;
import org.flyte.compiler.typing.Castability;
import org.flyte.compiler.typing.LiteralTypeInference;

/**
 * Input bindings of nodes and of the end node (Go: {@code validators/bindings.go}, v1.16.8).
 *
 * <p>Each binding must name an input of the node, be set, and be bound once; its value must fit the
 * input's type: a promise names an existing node and one of its (alias-aware) outputs, optionally
 * an element index and an attribute path into collections, maps and dataclass fields, and the
 * resulting type must be castable; a scalar's inferred type must be castable (and a string bound to
 * an enum one of its values); collections and maps need collection and map types and check every
 * element; a collection or map bound to a union must fit exactly one variant. Every input not bound
 * is an error unless optional. Promises record edges from the producing node, and an empty producer
 * id is rewritten to {@code start-node}.
 *
 * <p>In discovery mode ({@code validateParamTypes} false, used for branch and approve-gate inputs)
 * the names are not checked against an interface: the bindings define the inputs.
 */
public final class BindingValidator {

  private static final Variable DISCOVERED =
      Variable.newBuilder().setType(LiteralType.newBuilder().setSimple(SimpleType.NONE)).build();

  private BindingValidator() {}

  /** What a binding resolved to: its type, the nodes it reads from, and whether it is valid. */
  record Resolved(LiteralType type, List<String> upstream, boolean ok) {
    static Resolved failed() {
      return new Resolved(null, List.of(), false);
    }
  }

  /**
   * Validates {@code bindings} against {@code params} (the node's inputs) and records edges in
   * {@code direction}; returns the variables the bindings resolved to.
   */
  public static VariableMap validateBindings(
      WorkflowScope scope,
      CompilingNode node,
      List<Binding.Builder> bindings,
      VariableMap params,
      boolean validateParamTypes,
      EdgeDirection direction,
      CompileErrors errs) {
    VariableMap.Builder resolved = VariableMap.newBuilder();
    Set<String> provided = new HashSet<>();
    Map<String, Variable> expected = params == null ? Map.of() : params.getVariablesMap();
    for (Binding.Builder binding : bindings) {
      String name = binding.getVar();
      Variable param = expected.get(name);
      if (param == null && validateParamTypes) {
        errs.collect(CompileError.variableNameNotFound(node.id(), node.id(), name));
      } else if (!binding.hasBinding()) {
        errs.collect(CompileError.valueRequired(node.id(), "Binding"));
      } else if (provided.contains(name)) {
        errs.collect(CompileError.parameterBoundMoreThanOnce(node.id(), name));
      } else {
        if (param == null) {
          param = DISCOVERED;
        }
        provided.add(name);
        Resolved r =
            validateBinding(
                scope,
                node,
                name,
                binding.getBindingBuilder(),
                param.hasType() ? param.getType() : null,
                errs,
                validateParamTypes);
        if (r.ok()) {
          for (String upstream : r.upstream()) {
            scope.edges().add(upstream, node.id(), direction);
          }
          Variable.Builder variable = Variable.newBuilder();
          if (r.type() != null) {
            variable.setType(r.type());
          }
          resolved.putVariables(name, variable.build());
        }
      }
    }
    if (params != null) {
      new TreeMap<>(params.getVariablesMap())
          .forEach(
              (name, variable) -> {
                if (!provided.contains(name) && !Variables.isOptional(variable)) {
                  errs.collect(CompileError.parameterNotBound(node.id(), name));
                }
              });
    }
    return resolved.build();
  }

  private static Resolved validateBinding(
      WorkflowScope scope,
      CompilingNode node,
      String param,
      BindingData.Builder binding,
      LiteralType expected,
      CompileErrors errs,
      boolean validateParamTypes) {
    int mark = errs.mark();
    BindingData.ValueCase kind = binding.getValueCase();
    if (kind != BindingData.ValueCase.SCALAR
        && kind != BindingData.ValueCase.PROMISE
        && expected != null
        && expected.hasUnionType()) {
      return validateUnionBinding(scope, node, param, binding, expected, errs, validateParamTypes);
    }
    switch (kind) {
      case COLLECTION -> {
        if (expected != null && expected.hasCollectionType()) {
          List<String> upstream = new ArrayList<>();
          LiteralType elementType = null;
          for (BindingData.Builder element :
              binding.getCollectionBuilder().getBindingsBuilderList()) {
            Resolved r =
                validateBinding(
                    scope,
                    node,
                    param,
                    element,
                    expected.getCollectionType(),
                    errs,
                    validateParamTypes);
            if (r.ok()) {
              upstream.addAll(r.upstream());
              elementType = r.type();
            }
          }
          LiteralType type =
              LiteralType.newBuilder()
                  .setCollectionType(
                      elementType == null ? LiteralType.getDefaultInstance() : elementType)
                  .build();
          return new Resolved(type, upstream, !errs.hasErrorsSince(mark));
        }
        errs.collect(
            CompileError.mismatchingBindings(
                node.id(),
                param,
                ProtoText.render(expected),
                ProtoText.render(binding.getCollection())));
      }
      case MAP -> {
        if (expected != null && expected.hasMapValueType()) {
          List<String> upstream = new ArrayList<>();
          LiteralType valueType = null;
          BindingDataMap.Builder map = binding.getMapBuilder();
          for (String key : new TreeMap<>(map.getBindingsMap()).keySet()) {
            BindingData.Builder value = map.getBindingsMap().get(key).toBuilder();
            Resolved r =
                validateBinding(
                    scope,
                    node,
                    param,
                    value,
                    expected.getMapValueType(),
                    errs,
                    validateParamTypes);
            map.putBindings(key, value.build());
            if (r.ok()) {
              upstream.addAll(r.upstream());
              valueType = r.type();
            }
          }
          LiteralType type =
              LiteralType.newBuilder()
                  .setMapValueType(valueType == null ? LiteralType.getDefaultInstance() : valueType)
                  .build();
          return new Resolved(type, upstream, !errs.hasErrorsSince(mark));
        }
        errs.collect(
            CompileError.mismatchingBindings(
                node.id(), param, ProtoText.render(expected), ProtoText.render(binding.getMap())));
      }
      case PROMISE -> {
        return PromiseValidator.validatePromise(
            scope, node, param, binding.getPromiseBuilder(), expected, errs, validateParamTypes);
      }
      case SCALAR -> {
        return validateScalar(node, param, binding.getScalar(), expected, errs, validateParamTypes);
      }
      default ->
          errs.collect(
              CompileError.mismatchingBindings(
                  node.id(),
                  param,
                  ProtoText.render(expected),
                  kind == BindingData.ValueCase.VALUE_NOT_SET
                      ? ""
                      : "*core.BindingData_OffloadedMetadata"));
    }
    return Resolved.failed();
  }

  private static Resolved validateUnionBinding(
      WorkflowScope scope,
      CompilingNode node,
      String param,
      BindingData.Builder binding,
      LiteralType expected,
      CompileErrors errs,
      boolean validateParamTypes) {
    LiteralType matchingType = null;
    Resolved match = null;
    for (LiteralType variant : expected.getUnionType().getVariantsList()) {
      Resolved r =
          validateBinding(
              scope, node, param, binding, variant, new CompileErrors(), validateParamTypes);
      if (r.ok()) {
        if (match != null) {
          errs.collect(
              CompileError.ambiguousBindingUnionValue(
                  node.id(),
                  param,
                  ProtoText.render(expected),
                  ProtoText.render(binding),
                  ProtoText.render(matchingType),
                  ProtoText.render(variant)));
          return Resolved.failed();
        }
        matchingType = variant;
        match = r;
      }
    }
    if (match != null) {
      return match;
    }
    errs.collect(
        CompileError.incompatibleBindingUnionValue(
            node.id(), param, ProtoText.render(expected), ProtoText.render(binding)));
    return Resolved.failed();
  }

  private static Resolved validateScalar(
      CompilingNode node,
      String param,
      Scalar scalar,
      LiteralType expected,
      CompileErrors errs,
      boolean validateParamTypes) {
    int mark = errs.mark();
    LiteralType type = LiteralTypeInference.forScalar(scalar);
    if (type == null) {
      errs.collect(CompileError.unrecognizedValue(node.id(), goTypeName(scalar)));
    } else if (validateParamTypes && !Castability.isCastable(type, expected)) {
      errs.collect(
          CompileError.mismatchingTypes(
              node.id(), param, ProtoText.literalType(type), ProtoText.literalType(expected)));
    }
    if (expected != null && expected.hasEnumType()) {
      String value = scalar.getPrimitive().getStringValue();
      if (!expected.getEnumType().getValuesList().contains(value)) {
        errs.collect(
            CompileError.illegalEnumValue(
                node.id(), param, value, expected.getEnumType().getValuesList()));
      }
    }
    return new Resolved(type, List.of(), !errs.hasErrorsSince(mark));
  }

  /** How Go names the type of a scalar's value in "Unrecognized value" errors. */
  private static String goTypeName(Scalar scalar) {
    if (scalar.getValueCase() == Scalar.ValueCase.VALUE_NOT_SET) {
      return "<nil>";
    }
    StringBuilder name = new StringBuilder("*core.Scalar_");
    for (String part : scalar.getValueCase().name().split("_")) {
      name.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
    }
    return name.toString();
  }

  /** Resolves the node a promise names ({@code start-node} for an empty id); null when missing. */
  static CompilingNode producer(WorkflowScope scope, String nodeId, CompileErrors errs) {
    if (nodeId.isEmpty()) {
      return scope.node(NodeIds.START_NODE);
    }
    CompilingNode node = scope.node(nodeId);
    if (node == null) {
      errs.collect(CompileError.nodeReferenceNotFound(nodeId, nodeId));
    }
    return node;
  }
}

package org.flyte.compiler.validators;

import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.Binding;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flyte.compiler.errors.CompileError;
import org.flyte.compiler.errors.CompileErrors;
import org.flyte.compiler.graph.CompilingNode;
import org.flyte.compiler.graph.ProtoText;

/**
 * Variable lookups shared by the validators (Go: {@code validators/vars.go} and the helpers of
 * {@code validators/utils.go}, v1.16.8): a node's outputs after its aliases, its inputs, and
 * whether an input is optional.
 */
public final class Variables {

  static final VariableMap EMPTY = VariableMap.getDefaultInstance();

  private Variables() {}

  /**
   * Whether an unbound input of this type is acceptable: a union with a variant whose simple type
   * reads as {@code NONE}. As in Flyte, a variant that is not a simple type at all (a list, a
   * map...) also reads as {@code NONE}, so such unions count as optional too.
   */
  public static boolean isOptional(Variable variable) {
    if (!variable.getType().hasUnionType()) {
      return false;
    }
    for (LiteralType variant : variable.getType().getUnionType().getVariantsList()) {
      if (variant.getSimple() == SimpleType.NONE) {
        return true;
      }
    }
    return false;
  }

  static boolean containsBinding(List<? extends Binding.Builder> bindings, String name) {
    for (Binding.Builder binding : bindings) {
      if (binding.getVar().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The outputs a node exposes once its aliases apply (Go: {@code
   * validateEffectiveOutputParameters}): an aliased output is visible under its alias only. Null
   * when the node's interface is unknown. A repeated alias or an alias of a missing output is an
   * error.
   */
  static Map<String, Variable> effectiveOutputs(CompilingNode node, CompileErrors errs) {
    Map<String, String> aliases = new LinkedHashMap<>();
    node.node()
        .getOutputAliasesList()
        .forEach(
            alias -> {
              if (aliases.containsKey(alias.getVar())) {
                errs.collect(CompileError.duplicateAlias(node.id(), alias.getAlias()));
              } else {
                aliases.put(alias.getVar(), alias.getAlias());
              }
            });
    TypedInterface iface = node.iface();
    if (iface == null) {
      return null;
    }
    Map<String, Variable> outputs = iface.getOutputs().getVariablesMap();
    if (aliases.isEmpty()) {
      return outputs;
    }
    Map<String, Variable> effective = new HashMap<>();
    new TreeMap<>(outputs)
        .forEach(
            (name, variable) -> {
              String alias = aliases.remove(name);
              effective.put(alias == null ? name : alias, variable);
            });
    aliases
        .values()
        .forEach(alias -> errs.collect(CompileError.parameterNotBound(node.id(), alias)));
    return effective;
  }

  /**
   * The output {@code name} of {@code node} (Go: {@code validateOutputVar}); null, with an error
   * collected, when the node does not expose it.
   */
  static Variable outputVariable(CompilingNode node, String name, CompileErrors errs) {
    int mark = errs.mark();
    Map<String, Variable> outputs = effectiveOutputs(node, errs);
    if (errs.hasErrorsSince(mark)) {
      return null;
    }
    Variable variable = outputs == null ? null : outputs.get(name);
    if (variable == null) {
      errs.collect(CompileError.variableNameNotFound(node.id(), node.id(), name));
    }
    return variable;
  }

  /**
   * The input {@code name} of {@code node} (Go: {@code validateInputVar}). Null when missing;
   * missing is an error unless {@code requireParamType} is false and the node binds that name.
   */
  static Variable inputVariable(
      CompilingNode node, String name, boolean requireParamType, CompileErrors errs) {
    if (node.iface() == null) {
      return null;
    }
    Variable variable = node.iface().getInputs().getVariablesMap().get(name);
    if (variable != null) {
      return variable;
    }
    if (!requireParamType && containsBinding(node.node().getInputsBuilderList(), name)) {
      return null;
    }
    errs.collect(CompileError.variableNameNotFound(node.id(), node.id(), name));
    return null;
  }

  /**
   * Checks that a variable has exactly the expected type (Go: {@code validateVarType}); used for
   * the outputs of branch cases. True when it does.
   */
  static boolean hasType(
      String nodeId, String name, Variable variable, LiteralType expected, CompileErrors errs) {
    if (!variable.getType().equals(expected)) {
      errs.collect(
          CompileError.mismatchingTypes(
              nodeId,
              name,
              ProtoText.literalType(variable.getType()),
              ProtoText.literalType(expected)));
      return false;
    }
    return true;
  }

  /** A variable map with these variables. */
  static VariableMap map(Map<String, Variable> variables) {
    return VariableMap.newBuilder().putAllVariables(variables).build();
  }
}

package org.flyte.compiler.k8s;

import flyteidl.core.Interface.Variable;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Workflow.WorkflowTemplate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.flyte.compiler.errors.CompileError;
import org.flyte.compiler.errors.CompileErrors;
import org.flyte.compiler.graph.ProtoText;
import org.flyte.compiler.typing.Castability;
import org.flyte.compiler.typing.LiteralTypeInference;

/**
 * Checks an execution's inputs against its workflow's interface before the custom resource is
 * built, as {@code validateInputs} of {@code
 * flytepropeller/pkg/compiler/transformers/k8s/inputs.go} (v1.16.8): every input must be a declared
 * variable of a castable type, and every declared variable must be given.
 */
final class WorkflowInputs {

  private WorkflowInputs() {}

  static boolean validate(
      String nodeId, WorkflowTemplate template, LiteralMap inputs, CompileErrors errors) {
    if (!template.hasInterface()) {
      errors.collect(CompileError.valueRequired(nodeId, "interface"));
      return false;
    }
    if (!template.getInterface().hasInputs()) {
      errors.collect(CompileError.valueRequired(nodeId, "interface.InputsRef"));
      return false;
    }
    int mark = errors.mark();
    Map<String, Variable> variables = template.getInterface().getInputs().getVariablesMap();
    Set<String> bound = new TreeSet<>();
    for (Map.Entry<String, Literal> input :
        new java.util.TreeMap<>(inputs.getLiteralsMap()).entrySet()) {
      Variable variable = variables.get(input.getKey());
      if (variable == null) {
        errors.collect(CompileError.variableNameNotFound(nodeId, "", input.getKey()));
        continue;
      }
      Optional<LiteralType> type = LiteralTypeInference.inferType(input.getValue());
      if (type.isEmpty()) {
        errors.collect(
            CompileError.invalidLiteralType(
                nodeId, input.getKey(), LiteralTypeInference.UNKNOWN_LITERAL_TYPE));
        continue;
      }
      if (!Castability.isCastable(type.get(), variable.getType())) {
        errors.collect(
            CompileError.mismatchingTypes(
                nodeId,
                input.getKey(),
                ProtoText.literalType(variable.getType()),
                ProtoText.literalType(type.get())));
        continue;
      }
      bound.add(input.getKey());
    }
    for (String name : new TreeSet<>(variables.keySet())) {
      if (!bound.contains(name)) {
        errors.collect(CompileError.parameterNotBound(nodeId, name));
      }
    }
    return !errors.hasErrorsSince(mark);
  }
}

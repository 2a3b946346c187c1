package org.flyte.admin.service.execution;

import flyteidl.core.Interface.Parameter;
import flyteidl.core.Interface.ParameterMap;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Types.LiteralType;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.flyte.common.error.FlyteException;
import org.flyte.compiler.graph.ProtoText;
import org.flyte.compiler.typing.Castability;
import org.flyte.compiler.typing.LiteralTypeInference;

/**
 * The inputs an execution runs with: the caller's inputs checked against the launch plan's expected
 * inputs with the compiler's type rules, its defaults for what the caller left out, and its fixed
 * inputs. Follows {@code CheckAndFetchInputsForExecution} in {@code
 * flyteadmin/pkg/manager/impl/validation/execution_validator.go} (v1.16.8); inputs are visited in
 * name order, so that of several problems the same one is always reported (Go's map order is
 * random).
 */
final class ExecutionInputs {

  private ExecutionInputs() {}

  /**
   * The computed inputs.
   *
   * @throws FlyteException INVALID_ARGUMENT for an input that is not expected, a required input
   *     left out, an input of the wrong type, or a fixed input given by the caller
   */
  static LiteralMap compute(LiteralMap userInputs, LiteralMap fixedInputs, ParameterMap expected) {
    Map<String, Parameter> expectedInputs = expected.getParametersMap();
    Map<String, Literal> computed = new TreeMap<>();
    for (Map.Entry<String, Literal> input : new TreeMap<>(userInputs.getLiteralsMap()).entrySet()) {
      if (!expectedInputs.containsKey(input.getKey())) {
        throw FlyteException.invalidArgument("invalid input %s", input.getKey());
      }
      computed.put(input.getKey(), input.getValue());
    }
    for (Map.Entry<String, Parameter> input : new TreeMap<>(expectedInputs).entrySet()) {
      String name = input.getKey();
      Parameter parameter = input.getValue();
      Literal given = computed.get(name);
      if (given == null) {
        if (parameter.getRequired()) {
          throw FlyteException.invalidArgument("expected_inputs %s missing", name);
        }
        computed.put(name, parameter.getDefault());
        continue;
      }
      Optional<LiteralType> inferred = LiteralTypeInference.inferType(given);
      if (inferred.isEmpty()) {
        throw FlyteException.invalidArgument(
            "Failed to validate literal type for [%s] with err: %s",
            name, LiteralTypeInference.UNKNOWN_LITERAL_TYPE);
      }
      LiteralType declared = parameter.getVar().getType();
      if (!Castability.isCastable(inferred.get(), declared)) {
        throw FlyteException.invalidArgument(
            "invalid %s input wrong type. Expected %s, but got %s",
            name, ProtoText.render(declared), ProtoText.render(inferred.get()));
      }
    }
    for (Map.Entry<String, Literal> fixed :
        new TreeMap<>(fixedInputs.getLiteralsMap()).entrySet()) {
      if (computed.containsKey(fixed.getKey())) {
        throw FlyteException.invalidArgument(
            "fixed_inputs %s cannot be overridden", fixed.getKey());
      }
      computed.put(fixed.getKey(), fixed.getValue());
    }
    return LiteralMap.newBuilder().putAllLiterals(computed).build();
  }
}

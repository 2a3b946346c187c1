package org.flyte.compiler.graph;

import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.Interface.ParameterMap;
import flyteidl.core.Interface.VariableMap;
import java.util.Objects;

/**
 * What the compiler needs to know about a launch plan a workflow node calls (Go: {@code
 * common.InterfaceProvider} and {@code compiler/admin.go}, v1.16.8): its id and the expected inputs
 * and outputs of its closure. Either map may be null, which the compiler reports as a missing value
 * on the node that calls the launch plan.
 *
 * @param id the launch plan id the node refers to
 * @param expectedInputs the launch plan's expected inputs (required or defaulted parameters)
 * @param expectedOutputs the launch plan's expected outputs
 */
public record LaunchPlanInterface(
    Identifier id, ParameterMap expectedInputs, VariableMap expectedOutputs) {

  public LaunchPlanInterface {
    Objects.requireNonNull(id, "id");
  }

  /** The interface of a stored launch plan, as FlyteAdmin builds it before compiling. */
  public static LaunchPlanInterface of(LaunchPlan launchPlan) {
    return new LaunchPlanInterface(
        launchPlan.getId(),
        launchPlan.getClosure().hasExpectedInputs()
            ? launchPlan.getClosure().getExpectedInputs()
            : null,
        launchPlan.getClosure().hasExpectedOutputs()
            ? launchPlan.getClosure().getExpectedOutputs()
            : null);
  }
}

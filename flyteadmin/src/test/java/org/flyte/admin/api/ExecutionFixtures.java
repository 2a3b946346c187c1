package org.flyte.admin.api;

import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionSpec;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanCreateRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanSpec;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateRequest;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Interface.Parameter;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import java.util.Map;
import org.flyte.admin.executor.RecordingWorkflowExecutor;
import org.flyte.admin.repository.execution.ExecutionRepository;
import org.flyte.admin.repository.execution.ExecutionRow;
import org.flyte.common.storage.ProtoStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The base of the execution tests: in each test's fresh project, a registered task {@code t} {@code
 * (x: int) -> (o0: int)}, a workflow {@code wf} running it once, and two launch plans of it: {@code
 * lp} with {@code x} defaulting to 3, {@code lp-required} without a default.
 */
abstract class ExecutionFixtures extends RegistrationFixtures {

  @Autowired protected RecordingWorkflowExecutor executor;
  @Autowired protected ExecutionRepository executionRows;
  @Autowired protected ProtoStore store;

  protected Identifier task;
  protected Identifier workflow;
  protected Identifier launchPlan;
  protected Identifier requiredLaunchPlan;

  @BeforeEach
  void registerEntities() {
    task = registerTask("t", "v1");
    workflow = id(ResourceType.WORKFLOW, "wf", "v1");
    admin.createWorkflow(
        WorkflowCreateRequest.newBuilder()
            .setId(workflow)
            .setSpec(WorkflowSpec.newBuilder().setTemplate(WorkflowApiTest.chain(task, 1)))
            .build());
    launchPlan = registerLaunchPlan("lp", Map.of("x", integerLiteral(3)));
    requiredLaunchPlan = registerLaunchPlan("lp-required", Map.of());
  }

  protected Identifier registerLaunchPlan(String name, Map<String, Literal> defaults) {
    return registerLaunchPlan(name, defaults, LaunchPlanSpec.newBuilder());
  }

  protected Identifier registerLaunchPlan(
      String name, Map<String, Literal> defaults, LaunchPlanSpec.Builder spec) {
    Identifier id = id(ResourceType.LAUNCH_PLAN, name, "v1");
    spec.setWorkflowId(workflow);
    defaults.forEach(
        (input, value) ->
            spec.getDefaultInputsBuilder()
                .putParameters(
                    input,
                    Parameter.newBuilder()
                        .setVar(Variable.newBuilder().setType(integer()))
                        .setDefault(value)
                        .build()));
    admin.createLaunchPlan(LaunchPlanCreateRequest.newBuilder().setId(id).setSpec(spec).build());
    return id;
  }

  /** A request to run {@code launched} in the test's project with the given inputs. */
  protected ExecutionCreateRequest.Builder request(
      Identifier launched, Map<String, Literal> inputs) {
    return ExecutionCreateRequest.newBuilder()
        .setProject(project)
        .setDomain(DOMAIN)
        .setSpec(ExecutionSpec.newBuilder().setLaunchPlan(launched))
        .setInputs(LiteralMap.newBuilder().putAllLiterals(inputs));
  }

  protected WorkflowExecutionIdentifier create(ExecutionCreateRequest.Builder request) {
    return admin.createExecution(request.build()).getId();
  }

  protected Execution get(WorkflowExecutionIdentifier id) {
    return admin.getExecution(WorkflowExecutionGetRequest.newBuilder().setId(id).build());
  }

  protected ExecutionRow row(WorkflowExecutionIdentifier id) {
    return executionRows.find(id).orElseThrow();
  }

  protected WorkflowExecutionIdentifier executionId(String name) {
    return WorkflowExecutionIdentifier.newBuilder()
        .setProject(project)
        .setDomain(DOMAIN)
        .setName(name)
        .build();
  }

  static Literal integerLiteral(long value) {
    return Literal.newBuilder()
        .setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setInteger(value)))
        .build();
  }

  static Literal stringLiteral(String value) {
    return Literal.newBuilder()
        .setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setStringValue(value)))
        .build();
  }
}

package org.flyte.admin.warmup;

import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.Interface.Parameter;
import flyteidl.core.Interface.ParameterMap;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.Binding;
import flyteidl.core.Literals.BindingData;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Tasks.Container;
import flyteidl.core.Tasks.RuntimeMetadata;
import flyteidl.core.Tasks.TaskMetadata;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.OutputReference;
import flyteidl.core.Types.SimpleType;
import flyteidl.core.Workflow.Node;
import flyteidl.core.Workflow.TaskNode;
import flyteidl.core.Workflow.WorkflowMetadata;
import flyteidl.core.Workflow.WorkflowTemplate;

/**
 * What the self-warm registers: what flytekit makes of a one-line Python task, a workflow of it and
 * a launch plan's default inputs. The benchmarks in {@code bench/} register the same entities.
 */
public final class WarmupEntities {

  private static final LiteralType INTEGER =
      LiteralType.newBuilder().setSimple(SimpleType.INTEGER).build();
  private static final TypedInterface INTERFACE =
      TypedInterface.newBuilder()
          .setInputs(VariableMap.newBuilder().putVariables("x", variable("x")))
          .setOutputs(VariableMap.newBuilder().putVariables("o0", variable("o0")))
          .build();

  private WarmupEntities() {}

  public static TaskSpec task(Identifier id) {
    return TaskSpec.newBuilder()
        .setTemplate(
            TaskTemplate.newBuilder()
                .setId(id)
                .setType("python-task")
                .setMetadata(
                    TaskMetadata.newBuilder()
                        .setRuntime(
                            RuntimeMetadata.newBuilder()
                                .setType(RuntimeMetadata.RuntimeType.FLYTE_SDK)
                                .setVersion("1.16.8")
                                .setFlavor("python")))
                .setInterface(INTERFACE)
                .setContainer(
                    Container.newBuilder()
                        .setImage("flyte-warmup:0")
                        .addArgs("pyflyte-execute")
                        .addArgs("--inputs")
                        .addArgs("{{.input}}")
                        .addArgs("--output-prefix")
                        .addArgs("{{.outputPrefix}}")
                        .addArgs("--raw-output-data-prefix")
                        .addArgs("{{.rawOutputDataPrefix}}")
                        .addArgs("--resolver")
                        .addArgs("flytekit.core.python_auto_container.default_task_resolver")
                        .addArgs("--")
                        .addArgs("task-module")
                        .addArgs("warmup")
                        .addArgs("task-name")
                        .addArgs(id.getName())))
        .build();
  }

  public static WorkflowSpec workflow(Identifier id, Identifier task) {
    Node node =
        Node.newBuilder()
            .setId("n0")
            .addInputs(binding("x", "start-node", "x"))
            .setTaskNode(TaskNode.newBuilder().setReferenceId(task))
            .build();
    return WorkflowSpec.newBuilder()
        .setTemplate(
            WorkflowTemplate.newBuilder()
                .setId(id)
                .setMetadata(WorkflowMetadata.getDefaultInstance())
                .setInterface(INTERFACE)
                .addNodes(node)
                .addOutputs(binding("o0", "n0", "o0")))
        .build();
  }

  public static ParameterMap defaultInputs() {
    Literal three =
        Literal.newBuilder()
            .setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setInteger(3)))
            .build();
    return ParameterMap.newBuilder()
        .putParameters("x", Parameter.newBuilder().setVar(variable("x")).setDefault(three).build())
        .build();
  }

  private static Binding binding(String var, String node, String output) {
    return Binding.newBuilder()
        .setVar(var)
        .setBinding(
            BindingData.newBuilder()
                .setPromise(OutputReference.newBuilder().setNodeId(node).setVar(output)))
        .build();
  }

  private static Variable variable(String name) {
    return Variable.newBuilder().setType(INTEGER).setDescription(name).build();
  }
}

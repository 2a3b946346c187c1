package org.flyte.bench.admin;

import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.Binding;
import flyteidl.core.Literals.BindingData;
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

/** The entities the benchmark registers: what flytekit makes of a one-line Python task. */
public final class BenchEntities {

  private static final LiteralType INTEGER =
      LiteralType.newBuilder().setSimple(SimpleType.INTEGER).build();
  private static final TypedInterface INTERFACE =
      TypedInterface.newBuilder()
          .setInputs(VariableMap.newBuilder().putVariables("x", variable("x")))
          .setOutputs(VariableMap.newBuilder().putVariables("o0", variable("o0")))
          .build();

  private BenchEntities() {}

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
                                .setVersion("1.16.31")
                                .setFlavor("python")))
                .setInterface(INTERFACE)
                .setContainer(
                    Container.newBuilder()
                        .setImage("bench:1")
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
                        .addArgs("bench")
                        .addArgs("task-name")
                        .addArgs(id.getName())))
        .build();
  }

  public static WorkflowSpec workflow(Identifier id, Identifier task) {
    Node node =
        Node.newBuilder()
            .setId("n0")
            .addInputs(
                Binding.newBuilder()
                    .setVar("x")
                    .setBinding(
                        BindingData.newBuilder()
                            .setPromise(
                                OutputReference.newBuilder().setNodeId("start-node").setVar("x"))))
            .setTaskNode(TaskNode.newBuilder().setReferenceId(task))
            .build();
    return WorkflowSpec.newBuilder()
        .setTemplate(
            WorkflowTemplate.newBuilder()
                .setId(id)
                .setMetadata(WorkflowMetadata.getDefaultInstance())
                .setInterface(INTERFACE)
                .addNodes(node)
                .addOutputs(
                    Binding.newBuilder()
                        .setVar("o0")
                        .setBinding(
                            BindingData.newBuilder()
                                .setPromise(
                                    OutputReference.newBuilder().setNodeId("n0").setVar("o0")))))
        .build();
  }

  private static Variable variable(String name) {
    return Variable.newBuilder().setType(INTEGER).setDescription(name).build();
  }
}

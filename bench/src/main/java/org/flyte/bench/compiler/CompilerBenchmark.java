package org.flyte.bench.compiler;

import flyteidl.core.Compiler.CompiledTask;
import flyteidl.core.Compiler.CompiledWorkflowClosure;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.Binding;
import flyteidl.core.Literals.BindingData;
import flyteidl.core.Tasks.Container;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.OutputReference;
import flyteidl.core.Types.SimpleType;
import flyteidl.core.Workflow.Node;
import flyteidl.core.Workflow.NodeMetadata;
import flyteidl.core.Workflow.TaskNode;
import flyteidl.core.Workflow.WorkflowTemplate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flyte.compiler.WorkflowCompiler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to compile one workflow of {@code nodes} task nodes, shaped as a linear chain (each node
 * consumes the previous node's output; the last feeds the workflow output) or as a wide fan-out
 * (every node consumes the workflow input; none feeds another, so every node gets an edge to {@code
 * end-node}). Each call compiles from the protobuf template, as FlyteAdmin does at registration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xms1g", "-Xmx1g"})
public class CompilerBenchmark {

  @Param({"10", "100", "1000", "5000"})
  public int nodes;

  @Param({"chain", "fanout"})
  public String shape;

  private WorkflowTemplate workflow;
  private List<CompiledTask> tasks;

  @Setup
  public void build() {
    LiteralType integer = LiteralType.newBuilder().setSimple(SimpleType.INTEGER).build();
    VariableMap one =
        VariableMap.newBuilder()
            .putVariables("x", Variable.newBuilder().setType(integer).build())
            .build();
    VariableMap out =
        VariableMap.newBuilder()
            .putVariables("o", Variable.newBuilder().setType(integer).build())
            .build();
    Identifier taskId = id(ResourceType.TASK, "inc");
    tasks =
        List.of(
            CompiledTask.newBuilder()
                .setTemplate(
                    TaskTemplate.newBuilder()
                        .setId(taskId)
                        .setType("python-task")
                        .setInterface(TypedInterface.newBuilder().setInputs(one).setOutputs(out))
                        .setContainer(Container.newBuilder().setImage("image").addArgs("run")))
                .build());
    WorkflowTemplate.Builder wf =
        WorkflowTemplate.newBuilder()
            .setId(id(ResourceType.WORKFLOW, shape + "-" + nodes))
            .setInterface(
                TypedInterface.newBuilder()
                    .setInputs(
                        VariableMap.newBuilder()
                            .putVariables("a", Variable.newBuilder().setType(integer).build()))
                    .setOutputs(out));
    for (int i = 0; i < nodes; i++) {
      boolean fromInput = shape.equals("fanout") || i == 0;
      Node.Builder node =
          Node.newBuilder()
              .setId("n" + i)
              .setMetadata(NodeMetadata.newBuilder().setName("inc"))
              .setTaskNode(TaskNode.newBuilder().setReferenceId(taskId))
              .addInputs(promise("x", fromInput ? "" : "n" + (i - 1), fromInput ? "a" : "o"));
      if (!fromInput) {
        node.addUpstreamNodeIds("n" + (i - 1));
      }
      wf.addNodes(node);
    }
    wf.addOutputs(promise("o", "n" + (nodes - 1), "o"));
    workflow = wf.build();
  }

  @Benchmark
  public CompiledWorkflowClosure compile() {
    return WorkflowCompiler.compileWorkflow(workflow, List.of(), tasks, List.of());
  }

  private static Binding promise(String var, String node, String output) {
    return Binding.newBuilder()
        .setVar(var)
        .setBinding(
            BindingData.newBuilder()
                .setPromise(OutputReference.newBuilder().setNodeId(node).setVar(output)))
        .build();
  }

  private static Identifier id(ResourceType type, String name) {
    return Identifier.newBuilder()
        .setResourceType(type)
        .setProject("bench")
        .setDomain("development")
        .setName(name)
        .setVersion("1")
        .build();
  }
}

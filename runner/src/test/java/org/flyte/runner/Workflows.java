package org.flyte.runner;

import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.Binding;
import flyteidl.core.Literals.BindingData;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Tasks.Container;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.OutputReference;
import flyteidl.core.Types.SimpleType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.flyte.compiler.k8s.model.Connections;
import org.flyte.compiler.k8s.model.FlyteWorkflow;
import org.flyte.compiler.k8s.model.NodeKind;
import org.flyte.compiler.k8s.model.NodeSpec;
import org.flyte.compiler.k8s.model.WorkflowSpec;

/** Small custom resources built in code: integer tasks, chains, sub-workflows. */
final class Workflows {

  private Workflows() {}

  static WorkflowExecutionIdentifier newId() {
    return WorkflowExecutionIdentifier.newBuilder()
        .setProject("p")
        .setDomain("d")
        .setName("x" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
        .build();
  }

  static final LiteralType INT = LiteralType.newBuilder().setSimple(SimpleType.INTEGER).build();

  static Literal integer(long v) {
    return Literal.newBuilder()
        .setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setInteger(v)))
        .build();
  }

  static VariableMap ints(String... names) {
    VariableMap.Builder m = VariableMap.newBuilder();
    for (String n : names) {
      m.putVariables(n, Variable.newBuilder().setType(INT).build());
    }
    return m.build();
  }

  /** A python task {@code module.name} of integers {@code inputs} → {@code o0}. */
  static TaskTemplate pythonTask(String module, String name, String... inputs) {
    return TaskTemplate.newBuilder()
        .setId(
            Identifier.newBuilder()
                .setResourceType(ResourceType.TASK)
                .setProject("p")
                .setDomain("d")
                .setName(module + "." + name)
                .setVersion("v1"))
        .setType("python-task")
        .setInterface(TypedInterface.newBuilder().setInputs(ints(inputs)).setOutputs(ints("o0")))
        .setContainer(
            Container.newBuilder()
                .setImage("example/image:1")
                .addAllArgs(
                    List.of(
                        "pyflyte-execute",
                        "--inputs",
                        "{{.input}}",
                        "--output-prefix",
                        "{{.outputPrefix}}",
                        "--raw-output-data-prefix",
                        "{{.rawOutputDataPrefix}}",
                        "--checkpoint-path",
                        "{{.checkpointOutputPrefix}}",
                        "--prev-checkpoint",
                        "{{.prevCheckpointPrefix}}",
                        "--resolver",
                        "flytekit.core.python_auto_container.default_task_resolver",
                        "--",
                        "task-module",
                        module,
                        "task-name",
                        name)))
        .build();
  }

  static String key(TaskTemplate task) {
    return "resource_type:TASK project:\"p\" domain:\"d\" name:\""
        + task.getId().getName()
        + "\" version:\"v1\"";
  }

  static Binding promise(String var, String node, String outputVar) {
    return Binding.newBuilder()
        .setVar(var)
        .setBinding(
            BindingData.newBuilder()
                .setPromise(OutputReference.newBuilder().setNodeId(node).setVar(outputVar)))
        .build();
  }

  static NodeSpec node(String id, NodeKind kind, List<Binding> inputs) {
    return NodeSpec.builder(id).name(id).kind(kind).inputBindings(inputs).build();
  }

  /**
   * A graph whose nodes run in the order given ({@code start-node} before the first, each after the
   * previous, {@code end-node} after the last), outputs {@code o0} of the last node.
   */
  static WorkflowSpec chain(String id, List<NodeSpec> nodes) {
    Map<String, NodeSpec> all = new LinkedHashMap<>();
    all.put("start-node", NodeSpec.builder("start-node").kind(NodeKind.START).build());
    all.put("end-node", NodeSpec.builder("end-node").kind(NodeKind.END).build());
    Map<String, List<String>> down = new TreeMap<>();
    Map<String, List<String>> up = new TreeMap<>();
    String prev = "start-node";
    for (NodeSpec n : nodes) {
      all.put(n.id(), n);
      down.computeIfAbsent(prev, k -> new ArrayList<>()).add(n.id());
      up.computeIfAbsent(n.id(), k -> new ArrayList<>()).add(prev);
      prev = n.id();
    }
    down.computeIfAbsent(prev, k -> new ArrayList<>()).add("end-node");
    up.computeIfAbsent("end-node", k -> new ArrayList<>()).add(prev);
    return new WorkflowSpec(
        id,
        all,
        null,
        new Connections(down, up),
        null,
        ints("o0"),
        List.of(promise("o0", prev, "o0")),
        null);
  }

  static FlyteWorkflow resource(
      WorkflowExecutionIdentifier id,
      WorkflowSpec spec,
      Map<String, TaskTemplate> tasks,
      Map<String, WorkflowSpec> subWorkflows,
      LiteralMap inputs) {
    return FlyteWorkflow.builder()
        .executionId(id)
        .spec(spec)
        .tasks(tasks)
        .subWorkflows(subWorkflows)
        .inputs(inputs)
        .build();
  }
}

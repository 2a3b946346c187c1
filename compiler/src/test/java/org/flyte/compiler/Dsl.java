package org.flyte.compiler;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import flyteidl.core.Compiler.CompiledTask;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Interface.Parameter;
import flyteidl.core.Interface.ParameterMap;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.Binding;
import flyteidl.core.Literals.BindingData;
import flyteidl.core.Literals.BindingDataCollection;
import flyteidl.core.Literals.BindingDataMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Tasks.Container;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Types.EnumType;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.OutputReference;
import flyteidl.core.Types.PromiseAttribute;
import flyteidl.core.Types.SimpleType;
import flyteidl.core.Types.TypeStructure;
import flyteidl.core.Types.UnionType;
import flyteidl.core.Workflow.Node;
import flyteidl.core.Workflow.TaskNode;
import flyteidl.core.Workflow.WorkflowNode;
import flyteidl.core.Workflow.WorkflowTemplate;
import java.util.Map;
import org.flyte.compiler.graph.LaunchPlanInterface;

/** Small builders for compiler inputs, so that a test reads like the workflow it describes. */
public final class Dsl {

  public static final LiteralType INT = simple(SimpleType.INTEGER);
  public static final LiteralType FLOAT = simple(SimpleType.FLOAT);
  public static final LiteralType STRING = simple(SimpleType.STRING);
  public static final LiteralType BOOL = simple(SimpleType.BOOLEAN);
  public static final LiteralType NONE = simple(SimpleType.NONE);

  private Dsl() {}

  public static LiteralType simple(SimpleType type) {
    return LiteralType.newBuilder().setSimple(type).build();
  }

  public static LiteralType list(LiteralType element) {
    return LiteralType.newBuilder().setCollectionType(element).build();
  }

  public static LiteralType map(LiteralType value) {
    return LiteralType.newBuilder().setMapValueType(value).build();
  }

  public static LiteralType union(LiteralType... variants) {
    return LiteralType.newBuilder()
        .setUnionType(UnionType.newBuilder().addAllVariants(java.util.List.of(variants)))
        .build();
  }

  public static LiteralType enumOf(String... values) {
    return LiteralType.newBuilder()
        .setEnumType(EnumType.newBuilder().addAllValues(java.util.List.of(values)))
        .build();
  }

  /** A dataclass type: {@code STRUCT} with its fields' types. */
  public static LiteralType dataclass(Map<String, LiteralType> fields) {
    return LiteralType.newBuilder()
        .setSimple(SimpleType.STRUCT)
        .setStructure(TypeStructure.newBuilder().putAllDataclassType(fields))
        .build();
  }

  public static Identifier id(ResourceType type, String name) {
    return Identifier.newBuilder()
        .setResourceType(type)
        .setProject("p")
        .setDomain("d")
        .setName(name)
        .setVersion("v")
        .build();
  }

  public static Identifier taskId(String name) {
    return id(ResourceType.TASK, name);
  }

  public static Identifier workflowId(String name) {
    return id(ResourceType.WORKFLOW, name);
  }

  public static Identifier launchPlanId(String name) {
    return id(ResourceType.LAUNCH_PLAN, name);
  }

  /** Variables from alternating names and types: {@code vars("a", INT, "b", STRING)}. */
  public static VariableMap vars(Object... namesAndTypes) {
    VariableMap.Builder map = VariableMap.newBuilder();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      map.putVariables(
          (String) namesAndTypes[i],
          Variable.newBuilder().setType((LiteralType) namesAndTypes[i + 1]).build());
    }
    return map.build();
  }

  public static TypedInterface iface(VariableMap inputs, VariableMap outputs) {
    return TypedInterface.newBuilder().setInputs(inputs).setOutputs(outputs).build();
  }

  /** A container task with this interface. */
  public static TaskTemplate taskTemplate(String name, VariableMap inputs, VariableMap outputs) {
    return TaskTemplate.newBuilder()
        .setId(taskId(name))
        .setType("python-task")
        .setInterface(iface(inputs, outputs))
        .setContainer(Container.newBuilder().setImage("image").addArgs("run"))
        .build();
  }

  public static CompiledTask task(String name, VariableMap inputs, VariableMap outputs) {
    return CompiledTask.newBuilder().setTemplate(taskTemplate(name, inputs, outputs)).build();
  }

  public static Node.Builder taskNode(String id, String task, Binding... inputs) {
    return Node.newBuilder()
        .setId(id)
        .setTaskNode(TaskNode.newBuilder().setReferenceId(taskId(task)))
        .addAllInputs(java.util.List.of(inputs));
  }

  public static Node.Builder launchPlanNode(String id, String launchPlan, Binding... inputs) {
    return Node.newBuilder()
        .setId(id)
        .setWorkflowNode(WorkflowNode.newBuilder().setLaunchplanRef(launchPlanId(launchPlan)))
        .addAllInputs(java.util.List.of(inputs));
  }

  public static Node.Builder subWorkflowNode(String id, String workflow, Binding... inputs) {
    return Node.newBuilder()
        .setId(id)
        .setWorkflowNode(WorkflowNode.newBuilder().setSubWorkflowRef(workflowId(workflow)))
        .addAllInputs(java.util.List.of(inputs));
  }

  public static WorkflowTemplate.Builder workflow(
      String name, VariableMap inputs, VariableMap outputs) {
    return WorkflowTemplate.newBuilder()
        .setId(workflowId(name))
        .setInterface(iface(inputs, outputs));
  }

  public static Binding bind(String var, BindingData data) {
    return Binding.newBuilder().setVar(var).setBinding(data).build();
  }

  /** {@code var} bound to output {@code output} of node {@code node} ("" = workflow input). */
  public static Binding promise(String var, String node, String output, String... attrPath) {
    return bind(var, promiseData(node, output, attrPath));
  }

  public static BindingData promiseData(String node, String output, String... attrPath) {
    OutputReference.Builder ref = OutputReference.newBuilder().setNodeId(node).setVar(output);
    for (String attr : attrPath) {
      ref.addAttrPath(PromiseAttribute.newBuilder().setStringValue(attr));
    }
    return BindingData.newBuilder().setPromise(ref).build();
  }

  public static BindingData intData(long value) {
    return scalarData(
        Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setInteger(value)).build());
  }

  public static BindingData stringData(String value) {
    return scalarData(
        Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setStringValue(value)).build());
  }

  public static BindingData scalarData(Scalar scalar) {
    return BindingData.newBuilder().setScalar(scalar).build();
  }

  public static BindingData collectionData(BindingData... elements) {
    return BindingData.newBuilder()
        .setCollection(
            BindingDataCollection.newBuilder().addAllBindings(java.util.List.of(elements)))
        .build();
  }

  public static BindingData mapData(Map<String, BindingData> entries) {
    return BindingData.newBuilder()
        .setMap(BindingDataMap.newBuilder().putAllBindings(entries))
        .build();
  }

  /** A launch plan interface: every input required. */
  public static LaunchPlanInterface launchPlan(
      String name, VariableMap inputs, VariableMap outputs) {
    ParameterMap.Builder params = ParameterMap.newBuilder();
    inputs
        .getVariablesMap()
        .forEach(
            (k, v) ->
                params.putParameters(
                    k, Parameter.newBuilder().setVar(v).setRequired(true).build()));
    return new LaunchPlanInterface(launchPlanId(name), params.build(), outputs);
  }

  /** A JSON-like {@code Struct} from alternating keys and values (strings, numbers, lists...). */
  public static Struct struct(Object... keysAndValues) {
    Struct.Builder s = Struct.newBuilder();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      s.putFields((String) keysAndValues[i], value(keysAndValues[i + 1]));
    }
    return s.build();
  }

  public static Value value(Object v) {
    if (v instanceof String s) {
      return Value.newBuilder().setStringValue(s).build();
    }
    if (v instanceof Number n) {
      return Value.newBuilder().setNumberValue(n.doubleValue()).build();
    }
    if (v instanceof Boolean b) {
      return Value.newBuilder().setBoolValue(b).build();
    }
    if (v instanceof Struct s) {
      return Value.newBuilder().setStructValue(s).build();
    }
    if (v instanceof java.util.List<?> l) {
      com.google.protobuf.ListValue.Builder list = com.google.protobuf.ListValue.newBuilder();
      l.forEach(x -> list.addValues(value(x)));
      return Value.newBuilder().setListValue(list).build();
    }
    return Value.newBuilder().setNullValue(com.google.protobuf.NullValue.NULL_VALUE).build();
  }
}

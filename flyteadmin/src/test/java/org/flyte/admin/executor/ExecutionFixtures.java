package org.flyte.admin.executor;

import com.google.protobuf.BoolValue;
import flyteidl.admin.ClusterAssignmentOuterClass.ClusterAssignment;
import flyteidl.admin.Common.Envs;
import flyteidl.admin.Common.RawOutputDataConfig;
import flyteidl.admin.MatchableResourceOuterClass.ExecutionClusterLabel;
import flyteidl.admin.MatchableResourceOuterClass.PluginOverride;
import flyteidl.admin.MatchableResourceOuterClass.WorkflowExecutionConfig;
import flyteidl.core.Compiler.CompiledTask;
import flyteidl.core.Compiler.CompiledWorkflowClosure;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.Binding;
import flyteidl.core.Literals.BindingData;
import flyteidl.core.Literals.KeyValuePair;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Security.Identity;
import flyteidl.core.Security.SecurityContext;
import flyteidl.core.Tasks.Container;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.OutputReference;
import flyteidl.core.Types.SimpleType;
import flyteidl.core.Workflow.Node;
import flyteidl.core.Workflow.TaskNode;
import flyteidl.core.Workflow.WorkflowTemplate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flyte.admin.executor.ExecutionParameters.ResourceSet;
import org.flyte.admin.executor.ExecutionParameters.TaskResources;
import org.flyte.compiler.TaskCompiler;
import org.flyte.compiler.WorkflowCompiler;

/** A small compiled workflow and the execution data of running it. */
public final class ExecutionFixtures {

  public static final Instant ACCEPTED_AT = Instant.parse("2024-03-04T05:06:07Z");

  private ExecutionFixtures() {}

  private static Identifier id(ResourceType type, String name) {
    return Identifier.newBuilder()
        .setResourceType(type)
        .setProject("flytesnacks")
        .setDomain("development")
        .setName(name)
        .setVersion("v1")
        .build();
  }

  private static VariableMap ints(String name) {
    return VariableMap.newBuilder()
        .putVariables(
            name,
            Variable.newBuilder()
                .setType(LiteralType.newBuilder().setSimple(SimpleType.INTEGER))
                .setDescription("an integer")
                .build())
        .build();
  }

  /** {@code wf.double}: one task node doubling the input {@code a}. */
  public static CompiledWorkflowClosure closure() {
    TaskTemplate task =
        TaskTemplate.newBuilder()
            .setId(id(ResourceType.TASK, "wf.double"))
            .setType("python-task")
            .setInterface(TypedInterface.newBuilder().setInputs(ints("x")).setOutputs(ints("y")))
            .setContainer(Container.newBuilder().setImage("image:1").addArgs("pyflyte-execute"))
            .build();
    CompiledTask compiled = TaskCompiler.compileTask(task);
    WorkflowTemplate workflow =
        WorkflowTemplate.newBuilder()
            .setId(id(ResourceType.WORKFLOW, "wf.my_wf"))
            .setInterface(TypedInterface.newBuilder().setInputs(ints("a")).setOutputs(ints("o")))
            .addNodes(
                Node.newBuilder()
                    .setId("n0")
                    .setTaskNode(TaskNode.newBuilder().setReferenceId(task.getId()))
                    .addInputs(binding("x", "start-node", "a")))
            .addOutputs(binding("o", "n0", "y"))
            .build();
    return WorkflowCompiler.compileWorkflow(workflow, List.of(), List.of(compiled), List.of());
  }

  private static Binding binding(String var, String node, String output) {
    return Binding.newBuilder()
        .setVar(var)
        .setBinding(
            BindingData.newBuilder()
                .setPromise(OutputReference.newBuilder().setNodeId(node).setVar(output)))
        .build();
  }

  public static LiteralMap inputs(long a) {
    return LiteralMap.newBuilder()
        .putLiterals(
            "a",
            Literal.newBuilder()
                .setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setInteger(a)))
                .build())
        .build();
  }

  public static WorkflowExecutionIdentifier executionId(String name) {
    return WorkflowExecutionIdentifier.newBuilder()
        .setProject("flytesnacks")
        .setDomain("development")
        .setName(name)
        .build();
  }

  /** Parameters with every field FlyteAdmin fills set. */
  public static ExecutionParameters fullParameters() {
    return new ExecutionParameters(
        inputs(3),
        ACCEPTED_AT,
        Map.of("team", "ml", "project", "overridden"),
        Map.of("note", "hello"),
        List.of(
            PluginOverride.newBuilder()
                .setTaskType("spark")
                .addPluginId("k8s-spark")
                .setMissingPluginBehavior(PluginOverride.MissingPluginBehavior.USE_DEFAULT)
                .build()),
        WorkflowExecutionConfig.newBuilder()
            .setMaxParallelism(25)
            .setInterruptible(BoolValue.of(true))
            .setOverwriteCache(true)
            .setEnvs(
                Envs.newBuilder().addValues(KeyValuePair.newBuilder().setKey("K").setValue("V")))
            .setSecurityContext(
                SecurityContext.newBuilder()
                    .setRunAs(
                        Identity.newBuilder()
                            .setIamRole("arn:aws:iam::1:role/flyte")
                            .setK8SServiceAccount("flyte-sa")))
            .build(),
        executionId("previous"),
        new TaskResources(
            new ResourceSet("0.5", null, "1024Mi", null), new ResourceSet("2", "1", "4Gi", "0")),
        2,
        "eks.amazonaws.com/role-arn",
        RawOutputDataConfig.newBuilder().setOutputLocationPrefix("s3://raw").build(),
        ClusterAssignment.getDefaultInstance(),
        null);
  }

  /** Parameters as a bare execution has them. */
  public static ExecutionParameters plainParameters(String clusterLabel) {
    return new ExecutionParameters(
        inputs(1),
        ACCEPTED_AT,
        Map.of(),
        Map.of(),
        List.of(),
        WorkflowExecutionConfig.getDefaultInstance(),
        null,
        null,
        2,
        "",
        null,
        null,
        clusterLabel == null
            ? null
            : ExecutionClusterLabel.newBuilder().setValue(clusterLabel).build());
  }

  public static ExecutionData data(String name, ExecutionParameters parameters) {
    return new ExecutionData(
        "flytesnacks-development",
        executionId(name),
        "wf.my_wf",
        "wf.my_wf",
        closure(),
        "s3://bucket/metadata/admin/flytesnacks/development/wf.my_wf/v1",
        parameters,
        "s3://bucket/metadata/flytesnacks/development/" + name + "/inputs");
  }
}

package org.flyte.compiler.k8s.json;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import flyteidl.core.Condition.BooleanExpression;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.Binding;
import flyteidl.core.Tasks.ExtendedResources;
import flyteidl.core.Tasks.K8sPod;
import flyteidl.core.Types;
import flyteidl.core.Workflow.Alias;
import flyteidl.core.Workflow.ApproveCondition;
import flyteidl.core.Workflow.SignalCondition;
import flyteidl.core.Workflow.SleepCondition;
import flyteidl.core.Workflow.WorkflowMetadata.OnFailurePolicy;
import java.time.Duration;
import java.util.List;
import org.flyte.compiler.k8s.model.ArrayNodeSpec;
import org.flyte.compiler.k8s.model.BranchNodeSpec;
import org.flyte.compiler.k8s.model.Connections;
import org.flyte.compiler.k8s.model.GateNodeSpec;
import org.flyte.compiler.k8s.model.IfBlock;
import org.flyte.compiler.k8s.model.NodeKind;
import org.flyte.compiler.k8s.model.NodeSpec;
import org.flyte.compiler.k8s.model.ResourceRequirements;
import org.flyte.compiler.k8s.model.RetryStrategy;
import org.flyte.compiler.k8s.model.WorkflowNodeSpec;
import org.flyte.compiler.k8s.model.WorkflowSpec;

/**
 * Workflow graphs and their nodes in Flyte's JSON: the keys and {@code omitempty} rules of {@code
 * v1alpha1.WorkflowSpec}, {@code NodeSpec}, {@code BranchNodeSpec}, {@code WorkflowNodeSpec},
 * {@code GateNodeSpec} and {@code ArrayNodeSpec} (v1.16.8).
 */
final class WorkflowSpecJson {

  private WorkflowSpecJson() {}

  static JsonObject write(WorkflowSpec spec) {
    JsonObject out = new JsonObject();
    out.addProperty("id", spec.id());
    if (spec.nodes() == null) {
      out.add("nodes", JsonNull.INSTANCE);
    } else {
      JsonObject nodes = new JsonObject();
      spec.nodes().forEach((id, node) -> nodes.add(id, writeNode(node)));
      out.add("nodes", nodes);
    }
    out.add("connections", Json.stringListMap(spec.connections()));
    JsonObject edges = new JsonObject();
    Connections connections = spec.edges() == null ? new Connections(null, null) : spec.edges();
    edges.add("downstream", Json.stringListMap(connections.downstream()));
    edges.add("upstream", Json.stringListMap(connections.upstream()));
    out.add("edges", edges);
    if (spec.onFailure() != null) {
      out.add("onFailure", writeNode(spec.onFailure()));
    }
    if (spec.outputs() != null) {
      out.add("outputs", ProtoJson.write(spec.outputs()));
    }
    if (spec.outputBindings() != null && !spec.outputBindings().isEmpty()) {
      out.add("outputBindings", Json.list(spec.outputBindings(), ProtoJson::write));
    }
    if (spec.onFailurePolicy().getNumber() != 0) {
      out.addProperty("onFailurePolicy", spec.onFailurePolicy().getNumber());
    }
    return out;
  }

  static WorkflowSpec read(JsonObject in) {
    JsonObject edges = Json.object(in, "edges");
    JsonElement policy = Json.get(in, "onFailurePolicy");
    OnFailurePolicy onFailurePolicy =
        policy == null ? null : OnFailurePolicy.forNumber(policy.getAsInt());
    if (policy != null && onFailurePolicy == null) {
      throw new IllegalArgumentException("unknown onFailurePolicy " + policy);
    }
    return new WorkflowSpec(
        Json.string(in, "id"),
        Json.map(in, "nodes", e -> readNode(e.getAsJsonObject())),
        Json.stringListMap(in, "connections"),
        edges == null
            ? null
            : new Connections(
                Json.stringListMap(edges, "downstream"), Json.stringListMap(edges, "upstream")),
        Json.object(in, "onFailure") == null ? null : readNode(Json.object(in, "onFailure")),
        Json.get(in, "outputs") == null
            ? null
            : ProtoJson.read(in.get("outputs"), VariableMap.newBuilder()).build(),
        Json.list(in, "outputBindings", e -> ProtoJson.read(e, Binding.newBuilder()).build()),
        onFailurePolicy);
  }

  static JsonObject writeNode(NodeSpec node) {
    JsonObject out = new JsonObject();
    out.addProperty("id", node.id());
    Json.putIfNotEmpty(out, "name", node.name());
    if (node.resources() != null) {
      out.add("resources", writeResources(node.resources()));
    }
    out.addProperty("kind", node.kind() == null ? "" : node.kind().json());
    if (node.branch() != null) {
      out.add("branch", writeBranch(node.branch()));
    }
    if (node.taskRef() != null) {
      out.addProperty("task", node.taskRef());
    }
    if (node.workflow() != null) {
      JsonObject workflow = new JsonObject();
      if (node.workflow().launchPlanRefId() != null) {
        workflow.add("launchPlanRefId", ProtoJson.write(node.workflow().launchPlanRefId()));
      }
      if (node.workflow().subWorkflowRef() != null) {
        workflow.addProperty("subWorkflowRef", node.workflow().subWorkflowRef());
      }
      out.add("workflow", workflow);
    }
    if (node.gate() != null) {
      out.add("gate", writeGate(node.gate()));
    }
    if (node.array() != null) {
      out.add("array", writeArray(node.array()));
    }
    if (node.inputBindings() != null && !node.inputBindings().isEmpty()) {
      out.add("inputBindings", Json.list(node.inputBindings(), ProtoJson::write));
    }
    Json.putIfNotNull(out, "config", node.config());
    if (node.retry() != null) {
      JsonObject retry = new JsonObject();
      Integer attempts = node.retry().minAttempts();
      retry.add(
          "minAttempts",
          attempts == null ? JsonNull.INSTANCE : JsonParser.parseString("" + attempts));
      out.add("retry", retry);
    }
    if (node.outputAliases() != null && !node.outputAliases().isEmpty()) {
      out.add("outputAlias", Json.list(node.outputAliases(), GoStructJson::write));
    }
    Json.putIfNotNull(out, "securityContext", node.securityContext());
    Json.putIfNotNull(out, "imagePullSecrets", node.imagePullSecrets());
    Json.putIfNotEmpty(out, "hostname", node.hostname());
    Json.putIfNotEmpty(out, "subdomain", node.subdomain());
    Json.putIfNotNull(out, "affinity", node.affinity());
    Json.putIfNotEmpty(out, "schedulerName", node.schedulerName());
    if (node.extendedResources() != null) {
      out.add("extendedResources", ProtoJson.write(node.extendedResources()));
    }
    Json.putIfNotNull(out, "tolerations", node.tolerations());
    if (node.executionDeadline() != null) {
      out.addProperty("executionDeadline", GoDuration.format(node.executionDeadline()));
    }
    if (node.activeDeadline() != null) {
      out.addProperty("activeDeadline", GoDuration.format(node.activeDeadline()));
    }
    if (node.interruptible() != null) {
      out.addProperty("interruptible", node.interruptible());
    }
    Json.putIfNotEmpty(out, "containerImage", node.containerImage());
    if (node.podTemplate() != null) {
      out.add("podTemplate", GoStructJson.write(node.podTemplate()));
    }
    return out;
  }

  static NodeSpec readNode(JsonObject in) {
    String kind = Json.string(in, "kind");
    JsonObject workflow = Json.object(in, "workflow");
    JsonObject retry = Json.object(in, "retry");
    JsonObject podTemplate = Json.object(in, "podTemplate");
    return NodeSpec.builder(Json.string(in, "id"))
        .name(Json.string(in, "name"))
        .resources(readResources(Json.object(in, "resources")))
        .kind(kind == null || kind.isEmpty() ? null : NodeKind.fromJson(kind))
        .branch(readBranch(Json.object(in, "branch")))
        .taskRef(Json.string(in, "task"))
        .workflow(
            workflow == null
                ? null
                : new WorkflowNodeSpec(
                    Json.get(workflow, "launchPlanRefId") == null
                        ? null
                        : ProtoJson.read(workflow.get("launchPlanRefId"), Identifier.newBuilder())
                            .build(),
                    Json.string(workflow, "subWorkflowRef")))
        .gate(readGate(Json.object(in, "gate")))
        .array(readArray(Json.object(in, "array")))
        .inputBindings(
            Json.list(in, "inputBindings", e -> ProtoJson.read(e, Binding.newBuilder()).build()))
        .config(Json.get(in, "config"))
        .retry(
            retry == null
                ? null
                : new RetryStrategy(
                    Json.get(retry, "minAttempts") == null
                        ? null
                        : retry.get("minAttempts").getAsInt()))
        .outputAliases(
            Json.list(in, "outputAlias", e -> GoStructJson.read(e, Alias.newBuilder()).build()))
        .securityContext(Json.get(in, "securityContext"))
        .imagePullSecrets(Json.get(in, "imagePullSecrets"))
        .hostname(Json.string(in, "hostname"))
        .subdomain(Json.string(in, "subdomain"))
        .affinity(Json.get(in, "affinity"))
        .schedulerName(Json.string(in, "schedulerName"))
        .extendedResources(
            Json.get(in, "extendedResources") == null
                ? null
                : ProtoJson.read(in.get("extendedResources"), ExtendedResources.newBuilder())
                    .build())
        .tolerations(Json.get(in, "tolerations"))
        .executionDeadline(duration(Json.string(in, "executionDeadline")))
        .activeDeadline(duration(Json.string(in, "activeDeadline")))
        .interruptible(Json.boolOrNull(in, "interruptible"))
        .containerImage(Json.string(in, "containerImage"))
        .podTemplate(
            podTemplate == null
                ? null
                : GoStructJson.read(podTemplate, K8sPod.newBuilder()).build())
        .build();
  }

  private static Duration duration(String text) {
    return text == null ? null : GoDuration.parse(text);
  }

  private static JsonObject writeResources(ResourceRequirements resources) {
    JsonObject out = new JsonObject();
    if (!resources.limits().isEmpty()) {
      out.add("limits", Json.stringMap(resources.limits()));
    }
    if (!resources.requests().isEmpty()) {
      out.add("requests", Json.stringMap(resources.requests()));
    }
    Json.putIfNotNull(out, "claims", resources.claims());
    return out;
  }

  private static ResourceRequirements readResources(JsonObject in) {
    return in == null
        ? null
        : new ResourceRequirements(
            Json.stringMap(in, "limits"), Json.stringMap(in, "requests"), Json.get(in, "claims"));
  }

  private static JsonObject writeBranch(BranchNodeSpec branch) {
    JsonObject out = new JsonObject();
    out.add("if", writeIf(branch.ifBlock()));
    if (!branch.elseIf().isEmpty()) {
      out.add("elseIf", Json.list(branch.elseIf(), WorkflowSpecJson::writeIf));
    }
    if (branch.elseNode() != null) {
      out.addProperty("else", branch.elseNode());
    }
    if (branch.elseFail() != null) {
      out.add("elseFail", GoStructJson.write(branch.elseFail()));
    }
    return out;
  }

  private static JsonElement writeIf(IfBlock block) {
    if (block == null) {
      return JsonNull.INSTANCE;
    }
    JsonObject out = new JsonObject();
    out.add(
        "condition",
        ProtoJson.write(
            block.condition() == null
                ? BooleanExpression.getDefaultInstance()
                : block.condition()));
    out.add("then", Json.stringOrNull(block.thenNode()));
    return out;
  }

  private static BranchNodeSpec readBranch(JsonObject in) {
    if (in == null) {
      return null;
    }
    List<IfBlock> elseIf = Json.list(in, "elseIf", e -> readIf(e.getAsJsonObject()));
    JsonObject elseFail = Json.object(in, "elseFail");
    return new BranchNodeSpec(
        readIf(Json.object(in, "if")),
        elseIf,
        Json.string(in, "else"),
        elseFail == null ? null : GoStructJson.read(elseFail, Types.Error.newBuilder()).build());
  }

  private static IfBlock readIf(JsonObject in) {
    if (in == null) {
      return null;
    }
    JsonElement condition = Json.get(in, "condition");
    return new IfBlock(
        condition == null
            ? null
            : ProtoJson.read(condition, BooleanExpression.newBuilder()).build(),
        Json.string(in, "then"));
  }

  private static JsonObject writeGate(GateNodeSpec gate) {
    JsonObject out = new JsonObject();
    out.addProperty("kind", gate.kind() == null ? "" : gate.kind());
    if (gate.approve() != null) {
      out.add("approve", ProtoJson.write(gate.approve()));
    }
    if (gate.signal() != null) {
      out.add("signal", ProtoJson.write(gate.signal()));
    }
    if (gate.sleep() != null) {
      out.add("sleep", ProtoJson.write(gate.sleep()));
    }
    return out;
  }

  private static GateNodeSpec readGate(JsonObject in) {
    if (in == null) {
      return null;
    }
    return new GateNodeSpec(
        Json.string(in, "kind"),
        Json.get(in, "approve") == null
            ? null
            : ProtoJson.read(in.get("approve"), ApproveCondition.newBuilder()).build(),
        Json.get(in, "signal") == null
            ? null
            : ProtoJson.read(in.get("signal"), SignalCondition.newBuilder()).build(),
        Json.get(in, "sleep") == null
            ? null
            : ProtoJson.read(in.get("sleep"), SleepCondition.newBuilder()).build());
  }

  private static JsonObject writeArray(ArrayNodeSpec array) {
    JsonObject out = new JsonObject();
    out.add(
        "SubNodeSpec",
        array.subNodeSpec() == null ? JsonNull.INSTANCE : writeNode(array.subNodeSpec()));
    out.add("Parallelism", number(array.parallelism()));
    out.add("MinSuccesses", number(array.minSuccesses()));
    out.add(
        "MinSuccessRatio",
        array.minSuccessRatio() == null
            ? JsonNull.INSTANCE
            : JsonParser.parseString(GoValues.formatFloat(array.minSuccessRatio().toString())));
    out.add("BoundInputs", Json.stringList(array.boundInputs()));
    return out;
  }

  private static JsonElement number(Long value) {
    return value == null ? JsonNull.INSTANCE : JsonParser.parseString(value.toString());
  }

  private static ArrayNodeSpec readArray(JsonObject in) {
    if (in == null) {
      return null;
    }
    JsonObject sub = Json.object(in, "SubNodeSpec");
    JsonElement ratio = Json.get(in, "MinSuccessRatio");
    return new ArrayNodeSpec(
        sub == null ? null : readNode(sub),
        Json.longOrNull(in, "Parallelism"),
        Json.longOrNull(in, "MinSuccesses"),
        ratio == null ? null : ratio.getAsFloat(),
        Json.stringList(in, "BoundInputs"));
  }
}

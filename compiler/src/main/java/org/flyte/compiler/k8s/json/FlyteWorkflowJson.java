package org.flyte.compiler.k8s.json;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import flyteidl.admin.Common.RawOutputDataConfig;
import flyteidl.admin.MatchableResourceOuterClass.PluginOverride.MissingPluginBehavior;
import flyteidl.core.Execution.ExecutionError;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Security.SecurityContext;
import flyteidl.core.Tasks.TaskTemplate;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.flyte.compiler.k8s.model.ExecutionConfig;
import org.flyte.compiler.k8s.model.ExecutionConfig.TaskPluginOverride;
import org.flyte.compiler.k8s.model.ExecutionConfig.TaskResourceSpec;
import org.flyte.compiler.k8s.model.ExecutionConfig.TaskResources;
import org.flyte.compiler.k8s.model.FlyteWorkflow;
import org.flyte.compiler.k8s.model.FlyteWorkflow.NodeDefaults;
import org.flyte.compiler.k8s.model.FlyteWorkflow.WorkflowMeta;
import org.flyte.compiler.k8s.model.ObjectMeta;
import org.flyte.compiler.k8s.model.WorkflowStatus;

/**
 * The {@code FlyteWorkflow} custom resource as Flyte's JSON, both ways: what Go's {@code
 * encoding/json} writes for {@code v1alpha1.FlyteWorkflow} (v1.16.8), key for key, with its {@code
 * omitempty} rules, {@code null}s and embedded protobuf values ({@link ProtoJson} where the Go type
 * has a JSON method, {@link GoStructJson} where it does not).
 */
public final class FlyteWorkflowJson {

  private static final Set<String> METADATA_KEYS =
      Set.of("name", "generateName", "namespace", "labels", "annotations", "finalizers");

  private FlyteWorkflowJson() {}

  /** The resource as JSON text. */
  public static String write(FlyteWorkflow workflow) {
    return toJson(workflow).toString();
  }

  /** The resource as a JSON tree. */
  public static JsonObject toJson(FlyteWorkflow wf) {
    JsonObject out = new JsonObject();
    Json.putIfNotEmpty(out, "kind", wf.kind());
    Json.putIfNotEmpty(out, "apiVersion", wf.apiVersion());
    out.add("metadata", writeMetadata(wf.metadata()));
    out.add("spec", wf.spec() == null ? JsonNull.INSTANCE : WorkflowSpecJson.write(wf.spec()));
    if (wf.workflowMeta() != null) {
      JsonObject meta = new JsonObject();
      if (wf.workflowMeta().eventVersion() != 0) {
        meta.addProperty("eventVersion", wf.workflowMeta().eventVersion());
      }
      out.add("workflowMeta", meta);
    }
    if (wf.inputs() != null) {
      out.add("inputs", ProtoJson.write(wf.inputs()));
    }
    out.add("executionId", GoStructJson.write(wf.executionId()));
    if (wf.tasks() == null) {
      out.add("tasks", JsonNull.INSTANCE);
    } else {
      JsonObject tasks = new JsonObject();
      wf.tasks().forEach((key, task) -> tasks.add(key, ProtoJson.write(task)));
      out.add("tasks", tasks);
    }
    if (wf.subWorkflows() != null && !wf.subWorkflows().isEmpty()) {
      JsonObject subWorkflows = new JsonObject();
      wf.subWorkflows().forEach((key, spec) -> subWorkflows.add(key, WorkflowSpecJson.write(spec)));
      out.add("subWorkflows", subWorkflows);
    }
    if (wf.activeDeadlineSeconds() != null) {
      out.addProperty("activeDeadlineSeconds", wf.activeDeadlineSeconds());
    }
    JsonObject nodeDefaults = new JsonObject();
    if (wf.nodeDefaults().interruptible()) {
      nodeDefaults.addProperty("interruptible", true);
    }
    out.add("node-defaults", nodeDefaults);
    if (wf.acceptedAt() != null) {
      out.addProperty("acceptedAt", GoValues.formatTime(wf.acceptedAt()));
    }
    Json.putIfNotEmpty(out, "serviceAccountName", wf.serviceAccountName());
    out.add("securityContext", GoStructJson.write(wf.securityContext()));
    out.add("status", writeStatus(wf.status()));
    out.add("rawOutputDataConfig", GoStructJson.write(wf.rawOutputDataConfig()));
    out.add("executionConfig", writeExecutionConfig(wf.executionConfig()));
    Json.putIfNotEmpty(out, "workflowClosureReference", wf.workflowClosureReference());
    Json.putIfNotEmpty(out, "consoleUrl", wf.consoleUrl());
    Json.putIfNotEmpty(out, "offloadedInputs", wf.offloadedInputs());
    return out;
  }

  /**
   * Reads a resource from JSON text.
   *
   * @throws IllegalArgumentException when the text is not a FlyteWorkflow
   */
  public static FlyteWorkflow read(String json) {
    try {
      JsonElement tree = JsonParser.parseString(json);
      if (!tree.isJsonObject()) {
        throw new IllegalArgumentException("a FlyteWorkflow is a JSON object");
      }
      return fromJson(tree.getAsJsonObject());
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a resource from a JSON tree; unknown keys are ignored, as Go ignores them.
   *
   * @throws IllegalArgumentException when a value does not fit
   */
  public static FlyteWorkflow fromJson(JsonObject in) {
    try {
      JsonObject meta = Json.object(in, "workflowMeta");
      JsonObject nodeDefaults = Json.object(in, "node-defaults");
      JsonObject spec = Json.object(in, "spec");
      String acceptedAt = Json.string(in, "acceptedAt");
      return FlyteWorkflow.builder()
          .kind(Json.string(in, "kind"))
          .apiVersion(Json.string(in, "apiVersion"))
          .metadata(readMetadata(Json.object(in, "metadata")))
          .spec(spec == null ? null : WorkflowSpecJson.read(spec))
          .workflowMeta(
              meta == null
                  ? null
                  : new WorkflowMeta(
                      Json.get(meta, "eventVersion") == null
                          ? 0
                          : meta.get("eventVersion").getAsInt()))
          .inputs(
              Json.get(in, "inputs") == null
                  ? null
                  : ProtoJson.read(in.get("inputs"), LiteralMap.newBuilder()).build())
          .executionId(
              GoStructJson.read(in.get("executionId"), WorkflowExecutionIdentifier.newBuilder())
                  .build())
          .tasks(Json.map(in, "tasks", e -> ProtoJson.read(e, TaskTemplate.newBuilder()).build()))
          .subWorkflows(
              Json.map(in, "subWorkflows", e -> WorkflowSpecJson.read(e.getAsJsonObject())))
          .activeDeadlineSeconds(Json.longOrNull(in, "activeDeadlineSeconds"))
          .nodeDefaults(
              new NodeDefaults(
                  nodeDefaults != null
                      && Boolean.TRUE.equals(Json.boolOrNull(nodeDefaults, "interruptible"))))
          .acceptedAt(acceptedAt == null ? null : GoValues.parseTime(acceptedAt))
          .serviceAccountName(Json.string(in, "serviceAccountName"))
          .securityContext(
              GoStructJson.read(in.get("securityContext"), SecurityContext.newBuilder()).build())
          .status(readStatus(Json.object(in, "status")))
          .rawOutputDataConfig(
              GoStructJson.read(in.get("rawOutputDataConfig"), RawOutputDataConfig.newBuilder())
                  .build())
          .executionConfig(readExecutionConfig(Json.object(in, "executionConfig")))
          .workflowClosureReference(Json.string(in, "workflowClosureReference"))
          .consoleUrl(Json.string(in, "consoleUrl"))
          .offloadedInputs(Json.string(in, "offloadedInputs"))
          .build();
    } catch (IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
      throw new IllegalArgumentException("not a FlyteWorkflow: " + e.getMessage(), e);
    }
  }

  private static JsonObject writeMetadata(ObjectMeta meta) {
    JsonObject out = new JsonObject();
    Json.putIfNotEmpty(out, "name", meta.name());
    Json.putIfNotEmpty(out, "generateName", meta.generateName());
    Json.putIfNotEmpty(out, "namespace", meta.namespace());
    meta.other().entrySet().forEach(e -> out.add(e.getKey(), e.getValue().deepCopy()));
    if (!meta.labels().isEmpty()) {
      out.add("labels", Json.stringMap(meta.labels()));
    }
    if (!meta.annotations().isEmpty()) {
      out.add("annotations", Json.stringMap(meta.annotations()));
    }
    if (!meta.finalizers().isEmpty()) {
      out.add("finalizers", Json.stringList(meta.finalizers()));
    }
    return out;
  }

  private static ObjectMeta readMetadata(JsonObject in) {
    if (in == null) {
      return null;
    }
    JsonObject other = new JsonObject();
    in.entrySet().stream()
        .filter(e -> !METADATA_KEYS.contains(e.getKey()))
        .forEach(e -> other.add(e.getKey(), e.getValue()));
    return new ObjectMeta(
        Json.string(in, "name"),
        Json.string(in, "generateName"),
        Json.string(in, "namespace"),
        Json.stringMap(in, "labels"),
        Json.stringMap(in, "annotations"),
        Json.stringList(in, "finalizers"),
        other);
  }

  private static JsonObject writeStatus(WorkflowStatus status) {
    JsonObject out = new JsonObject();
    out.addProperty("phase", status.phase());
    putTime(out, "startedAt", status.startedAt());
    putTime(out, "stoppedAt", status.stoppedAt());
    putTime(out, "lastUpdatedAt", status.lastUpdatedAt());
    Json.putIfNotEmpty(out, "message", status.message());
    Json.putIfNotEmpty(out, "dataDir", status.dataDir());
    Json.putIfNotEmpty(out, "outputRef", status.outputRef());
    if (status.nodeStatus() != null && !status.nodeStatus().isEmpty()) {
      out.add("nodeStatus", status.nodeStatus().deepCopy());
    }
    if (status.failedAttempts() != 0) {
      out.addProperty("failedAttempts", status.failedAttempts());
    }
    if (status.error() != null) {
      out.add("error", ProtoJson.write(status.error()));
    }
    if (status.definitionVersion() != null) {
      out.addProperty("defVersion", status.definitionVersion());
    }
    return out;
  }

  private static void putTime(JsonObject out, String key, Instant time) {
    if (time != null) {
      out.addProperty(key, GoValues.formatTime(time));
    }
  }

  private static WorkflowStatus readStatus(JsonObject in) {
    if (in == null) {
      return null;
    }
    Long phase = Json.longOrNull(in, "phase");
    Long failed = Json.longOrNull(in, "failedAttempts");
    Long version = Json.longOrNull(in, "defVersion");
    return new WorkflowStatus(
        phase == null ? 0 : phase.intValue(),
        time(in, "startedAt"),
        time(in, "stoppedAt"),
        time(in, "lastUpdatedAt"),
        Json.string(in, "message"),
        Json.string(in, "dataDir"),
        Json.string(in, "outputRef"),
        Json.object(in, "nodeStatus"),
        failed == null ? 0 : failed,
        Json.get(in, "error") == null
            ? null
            : ProtoJson.read(in.get("error"), ExecutionError.newBuilder()).build(),
        version == null ? null : version.intValue());
  }

  private static Instant time(JsonObject in, String key) {
    String text = Json.string(in, key);
    return text == null ? null : GoValues.parseTime(text);
  }

  private static JsonObject writeExecutionConfig(ExecutionConfig config) {
    JsonObject out = new JsonObject();
    if (config.taskPluginImpls() == null) {
      out.add("TaskPluginImpls", JsonNull.INSTANCE);
    } else {
      JsonObject impls = new JsonObject();
      config
          .taskPluginImpls()
          .forEach(
              (type, override) -> {
                JsonObject o = new JsonObject();
                o.add("PluginIDs", Json.stringList(override.pluginIds()));
                o.addProperty(
                    "MissingPluginBehavior", override.missingPluginBehavior().getNumber());
                impls.add(type, o);
              });
      out.add("TaskPluginImpls", impls);
    }
    out.addProperty("MaxParallelism", config.maxParallelism());
    out.add("RecoveryExecution", GoStructJson.write(config.recoveryExecution()));
    JsonObject resources = new JsonObject();
    resources.add("Requests", writeResourceSpec(config.taskResources().requests()));
    resources.add("Limits", writeResourceSpec(config.taskResources().limits()));
    out.add("TaskResources", resources);
    if (config.interruptible() == null) {
      out.add("Interruptible", JsonNull.INSTANCE);
    } else {
      out.addProperty("Interruptible", config.interruptible());
    }
    out.addProperty("OverwriteCache", config.overwriteCache());
    out.add(
        "EnvironmentVariables",
        config.environmentVariables() == null
            ? JsonNull.INSTANCE
            : Json.stringMap(config.environmentVariables()));
    return out;
  }

  private static JsonObject writeResourceSpec(TaskResourceSpec spec) {
    JsonObject out = new JsonObject();
    out.addProperty("CPU", spec.cpu());
    out.addProperty("Memory", spec.memory());
    out.addProperty("EphemeralStorage", spec.ephemeralStorage());
    out.addProperty("Storage", spec.storage());
    out.addProperty("GPU", spec.gpu());
    return out;
  }

  private static ExecutionConfig readExecutionConfig(JsonObject in) {
    if (in == null) {
      return null;
    }
    Map<String, TaskPluginOverride> impls =
        Json.map(
            in,
            "TaskPluginImpls",
            e -> {
              JsonObject o = e.getAsJsonObject();
              Long behaviour = Json.longOrNull(o, "MissingPluginBehavior");
              MissingPluginBehavior missing =
                  MissingPluginBehavior.forNumber(behaviour == null ? 0 : behaviour.intValue());
              if (missing == null) {
                throw new IllegalArgumentException("unknown MissingPluginBehavior " + behaviour);
              }
              return new TaskPluginOverride(Json.stringList(o, "PluginIDs"), missing);
            });
    JsonObject resources = Json.object(in, "TaskResources");
    Long parallelism = Json.longOrNull(in, "MaxParallelism");
    return new ExecutionConfig(
        impls,
        parallelism == null ? 0 : parallelism,
        GoStructJson.read(in.get("RecoveryExecution"), WorkflowExecutionIdentifier.newBuilder())
            .build(),
        resources == null
            ? null
            : new TaskResources(
                readResourceSpec(Json.object(resources, "Requests")),
                readResourceSpec(Json.object(resources, "Limits"))),
        Json.boolOrNull(in, "Interruptible"),
        Boolean.TRUE.equals(Json.boolOrNull(in, "OverwriteCache")),
        Json.stringMap(in, "EnvironmentVariables"));
  }

  private static TaskResourceSpec readResourceSpec(JsonObject in) {
    if (in == null) {
      return null;
    }
    return new TaskResourceSpec(
        Json.string(in, "CPU"),
        Json.string(in, "Memory"),
        Json.string(in, "EphemeralStorage"),
        Json.string(in, "Storage"),
        Json.string(in, "GPU"));
  }
}

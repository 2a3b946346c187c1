package org.flyte.runner.engine;

import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flyte.common.storage.DataReference;

/**
 * The command line and environment of a task attempt's process, as propeller fills a pod's
 * container ({@code flyteplugins/go/tasks/pluginmachinery/flytek8s/container_helper.go} and {@code
 * k8s_resource_adds.go}, {@code flytepropeller/pkg/controller/nodes/task/taskexec_context.go},
 * v1.16.8): the container's command and arguments with their template variables filled, the program
 * taken from the configured Python environment; the runner's environment, then the container's
 * variables, propeller's {@code FLYTE_INTERNAL_*}, the execution's and the runner's.
 */
final class ContainerLaunch {

  private final RunContext ctx;
  private final NodeRef ref;
  private final TaskTemplate task;
  private final int attempt;
  private final String generatedName;
  private final DataReference outputDir;
  private final Map<String, String> extraEnvironment;

  ContainerLaunch(
      RunContext ctx,
      NodeRef ref,
      TaskTemplate task,
      int attempt,
      String generatedName,
      DataReference outputDir,
      Map<String, String> extraEnvironment) {
    this.ctx = ctx;
    this.ref = ref;
    this.task = task;
    this.attempt = attempt;
    this.generatedName = generatedName;
    this.outputDir = outputDir;
    this.extraEnvironment = extraEnvironment;
  }

  List<String> command(LiteralMap inputs) throws NodeFailure.Raised {
    List<String> raw = new ArrayList<>(task.getContainer().getCommandList());
    raw.addAll(task.getContainer().getArgsList());
    String rawPrefix = rawPrefix(attempt);
    ArgsTemplate template =
        new ArgsTemplate(
            ref.inputs().toString(),
            ref.dataDir().toString(),
            outputDir.toString(),
            rawPrefix,
            attempt == 0 ? "" : rawPrefix(attempt - 1) + "/_flytecheckpoints",
            rawPrefix + "/_flytecheckpoints",
            generatedName,
            ctx.cr.metadata().namespace() == null ? "" : ctx.cr.metadata().namespace(),
            inputs);
    List<String> args = template.render(raw);
    args.set(0, Python.program(ctx.settings.python(), args.get(0)));
    return args;
  }

  /**
   * {@code args} with the directories that {@code pyflyte-fast-execute} unpacks the code into
   * ({@code --dest-dir}, {@code --dynamic-dest-dir}; flytekit writes {@code /root} or {@code .})
   * moved to the attempt's own {@code work} directory: in a pod each container has its own {@code
   * /root}, here every process shares the machine's, which parallel attempts would unpack into at
   * once (and which a user other than root cannot write).
   */
  static List<String> ownDestinations(List<String> args, Path work) {
    List<String> moved = new ArrayList<>(args.size());
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (DESTINATIONS.contains(arg) && i + 1 < args.size()) {
        moved.add(arg);
        moved.add(work.toString());
        i++;
      } else if (arg.contains("=") && DESTINATIONS.contains(arg.substring(0, arg.indexOf('=')))) {
        moved.add(arg.substring(0, arg.indexOf('=') + 1) + work);
      } else {
        moved.add(arg);
      }
    }
    return moved;
  }

  private static final Set<String> DESTINATIONS = Set.of("--dest-dir", "--dynamic-dest-dir");

  /**
   * Where an attempt writes raw data ({@code ComputeRawOutputPrefix} of {@code
   * nodes/task/taskexec_context.go}): {@code <raw output prefix>/<shard>/<attempt name>}.
   */
  String rawPrefix(int attemptNumber) {
    String name =
        UniqueIds.forParts(
            UniqueIds.TASK_NAME_LENGTH,
            ctx.executionId().getName(),
            ref.uniqueId(),
            Integer.toString(attemptNumber));
    String base =
        ctx.rawOutputPrefix.endsWith("/")
            ? ctx.rawOutputPrefix.substring(0, ctx.rawOutputPrefix.length() - 1)
            : ctx.rawOutputPrefix;
    return base + "/" + UniqueIds.shard(name) + "/" + name;
  }

  /**
   * The task process's environment: this JVM's, the Python environment first on the {@code PATH},
   * {@code TMPDIR} set to the attempt's working directory {@code scratch} (removed when the attempt
   * ends, as a pod's {@code /tmp} ends with its container: flytekit makes a {@code flyte-*}
   * directory there at every start), then the task's own variables, Flyte's, the execution's and
   * the runner's.
   */
  Map<String, String> environment(Path scratch) {
    Map<String, String> env = new HashMap<>(System.getenv());
    Python.prependPath(ctx.settings.python(), env);
    env.put("TMPDIR", scratch.toString());
    task.getContainer().getEnvList().forEach(kv -> env.put(kv.getKey(), kv.getValue()));
    if (ctx.cr.spec() != null && ctx.cr.spec().id() != null) {
      env.put("FLYTE_INTERNAL_EXECUTION_WORKFLOW", ctx.cr.spec().id());
    }
    var exec = ctx.executionId();
    env.put("FLYTE_INTERNAL_EXECUTION_ID", exec.getName());
    env.put("FLYTE_INTERNAL_EXECUTION_PROJECT", exec.getProject());
    env.put("FLYTE_INTERNAL_EXECUTION_DOMAIN", exec.getDomain());
    env.put("FLYTE_ATTEMPT_NUMBER", Integer.toString(attempt));
    env.put("FLYTE_INTERNAL_TASK_PROJECT", task.getId().getProject());
    env.put("FLYTE_INTERNAL_TASK_DOMAIN", task.getId().getDomain());
    env.put("FLYTE_INTERNAL_TASK_NAME", task.getId().getName());
    env.put("FLYTE_INTERNAL_TASK_VERSION", task.getId().getVersion());
    if (ctx.cr.executionConfig().environmentVariables() != null) {
      env.putAll(ctx.cr.executionConfig().environmentVariables());
    }
    env.putAll(extraEnvironment);
    env.putAll(ctx.settings.taskEnvironment());
    return env;
  }
}

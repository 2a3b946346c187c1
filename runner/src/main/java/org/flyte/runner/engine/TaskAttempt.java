package org.flyte.runner.engine;

import flyteidl.core.Errors.ContainerError;
import flyteidl.core.Errors.ErrorDocument;
import flyteidl.core.Execution.ExecutionError;
import flyteidl.core.Execution.TaskExecution;
import flyteidl.core.Execution.TaskLog;
import flyteidl.core.IdentifierOuterClass.TaskExecutionIdentifier;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.event.Event.EventReason;
import flyteidl.event.Event.TaskExecutionEvent;
import flyteidl.event.Event.TaskExecutionMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.common.storage.DataReference;
import org.flyte.compiler.k8s.json.GoDuration;
import org.flyte.runner.process.LaunchedProcess;
import org.flyte.runner.process.ProcessSpec;

/**
 * One attempt of a container task as a local process: where a pod would run ({@code
 * flyteplugins/go/tasks/plugins/k8s/pod/plugin.go} and {@code
 * pluginmachinery/flytek8s/container_helper.go}, v1.16.8). Reports the attempt's task events,
 * stores its standard output and error and links them as its logs, and reads its outputs or its
 * error document.
 */
final class TaskAttempt {

  private final RunContext ctx;
  private final NodeRef ref;
  private final TaskTemplate task;
  private final int attempt;
  private final Cancellation cancel;
  final TaskExecutionIdentifier id;
  final String generatedName;
  final DataReference outputDir;
  private final Map<String, String> extraEnvironment;
  private final boolean reported;

  TaskAttempt(RunContext ctx, NodeRef ref, TaskTemplate task, int attempt, Cancellation cancel) {
    this(ctx, ref, task, attempt, cancel, Map.of(), true);
  }

  /**
   * An attempt whose task events are sent ({@code reported}) or left to its caller (the sub-tasks
   * of an array node, which it reports as external resources of its own task event).
   */
  TaskAttempt(
      RunContext ctx,
      NodeRef ref,
      TaskTemplate task,
      int attempt,
      Cancellation cancel,
      Map<String, String> extraEnvironment,
      boolean reported) {
    this.extraEnvironment = extraEnvironment;
    this.reported = reported;
    this.ctx = ctx;
    this.ref = ref;
    this.task = task;
    this.attempt = attempt;
    this.cancel = cancel;
    this.id =
        TaskExecutionIdentifier.newBuilder()
            .setTaskId(task.getId())
            .setNodeExecutionId(ctx.events.nodeExecutionId(ref))
            .setRetryAttempt(attempt)
            .build();
    this.generatedName =
        UniqueIds.forParts(
            UniqueIds.TASK_NAME_LENGTH,
            ctx.executionId().getName(),
            ref.uniqueId(),
            Integer.toString(attempt));
    this.outputDir = ref.outputDir(attempt);
  }

  /** The outcome of a process that ended: outputs (null when it wrote a dynamic spec instead). */
  record Result(LiteralMap outputs, DataReference futures) {}

  Result run(LiteralMap inputs, Duration timeout, Runnable onRunning)
      throws NodeFailure.Raised, InterruptedException {
    ContainerLaunch launch =
        new ContainerLaunch(ctx, ref, task, attempt, generatedName, outputDir, extraEnvironment);
    Path work = ctx.settings.workDirectory().resolve(generatedName + "-" + System.nanoTime());
    List<String> args = ContainerLaunch.ownDestinations(launch.command(inputs), work);
    Path stdout = work.resolve("stdout.log");
    Path stderr = work.resolve("stderr.log");
    List<TaskLog> logs =
        List.of(
            log("stdout", outputDir.resolve("stdout.log")),
            log("stderr", outputDir.resolve("stderr.log")));
    RunContext.acquire(ctx.taskSlots, cancel);
    LaunchedProcess process = null;
    try {
      task(TaskExecution.Phase.QUEUED, 0, e -> {});
      try {
        process =
            ctx.services
                .launcher()
                .launch(new ProcessSpec(args, launch.environment(work), work, stdout, stderr));
      } catch (IOException e) {
        throw fail(
            NodeFailure.system(
                "ProcessStartFailed",
                "cannot start [" + args.get(0) + "]: " + e.getMessage(),
                false));
      }
      cancel.register(process);
      String image = task.getContainer().getImage();
      task(
          TaskExecution.Phase.RUNNING,
          1,
          e ->
              e.addAllLogs(logs)
                  .setReason(
                      "running locally as process "
                          + args.get(0)
                          + (image.isEmpty() ? "" : "; image [" + image + "] ignored")));
      onRunning.run();
      Integer exit = await(process, timeout);
      upload(stdout, stderr);
      if (exit == null) {
        throw fail(
            new NodeFailure(
                NodeFailure.error(
                    ExecutionError.ErrorKind.USER,
                    "TimeoutExpired",
                    "task execution timeout [" + GoDuration.format(timeout) + "] expired"),
                true,
                false));
      }
      if (exit != 0) {
        throw fail(errorOf(exit, stderr));
      }
      DataReference outputsFile = outputDir.resolve("outputs.pb");
      LiteralMap outputs = readIfPresent(outputsFile);
      if (outputs != null) {
        // the common case first: one read
      } else if (ctx.services.store().head(outputDir.resolve("error.pb")).isPresent()) {
        // flytekit writes the user's error and exits 0 (propeller reads error.pb after a success)
        throw fail(errorOf(0, stderr));
      } else if (ctx.services.store().head(outputDir.resolve("futures.pb")).isPresent()) {
        task(TaskExecution.Phase.SUCCEEDED, 2, e -> e.addAllLogs(logs));
        return new Result(null, outputDir.resolve("futures.pb"));
      } else if (task.getInterface().getOutputs().getVariablesCount() == 0) {
        outputs = LiteralMap.getDefaultInstance();
      } else {
        throw fail(
            NodeFailure.system(
                "OutputsNotFound",
                "the task ended without writing outputs to " + outputsFile,
                true));
      }
      task(
          TaskExecution.Phase.SUCCEEDED,
          2,
          e -> e.addAllLogs(logs).setOutputUri(outputsFile.toString()));
      return new Result(outputs, null);
    } catch (Cancellation.Cancelled e) {
      if (process != null) {
        process.kill();
        upload(stdout, stderr);
      }
      task(TaskExecution.Phase.ABORTED, 3, ev -> ev.addAllLogs(logs).setReason(e.getMessage()));
      throw e;
    } finally {
      if (process != null) {
        cancel.unregister(process);
      }
      ctx.taskSlots.release();
      deleteQuietly(work);
    }
  }

  private LiteralMap readIfPresent(DataReference file) {
    try {
      return ctx.protos.read(file, LiteralMap.getDefaultInstance());
    } catch (FlyteException e) {
      if (e.code() == ErrorCode.NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }

  private Integer await(LaunchedProcess process, Duration timeout) throws InterruptedException {
    long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    while (true) {
      cancel.check();
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        process.kill();
        return null;
      }
      Integer exit = process.waitFor(Duration.ofNanos(Math.min(left, 200_000_000L)));
      if (exit != null) {
        cancel.check();
        return exit;
      }
    }
  }

  private NodeFailure errorOf(int exit, Path stderr) {
    DataReference errorFile = outputDir.resolve("error.pb");
    if (ctx.services.store().head(errorFile).isPresent()) {
      ContainerError err =
          ctx.protos.read(errorFile, ErrorDocument.getDefaultInstance()).getError();
      ExecutionError.ErrorKind kind =
          err.getOrigin() == ExecutionError.ErrorKind.SYSTEM
              ? ExecutionError.ErrorKind.SYSTEM
              : ExecutionError.ErrorKind.USER;
      return new NodeFailure(
          ExecutionError.newBuilder()
              .setKind(kind)
              .setCode(err.getCode())
              .setMessage(err.getMessage())
              .setErrorUri(errorFile.toString())
              .setTimestamp(err.getTimestamp())
              .setWorker(err.getWorker())
              .build(),
          err.getKind() == ContainerError.Kind.RECOVERABLE,
          false);
    }
    return NodeFailure.user(
        "ProcessExited", "the task's process exited with code " + exit + tail(stderr), true);
  }

  private static String tail(Path file) {
    try {
      String text = Files.readString(file);
      text = text.length() > 2000 ? text.substring(text.length() - 2000) : text;
      return text.isBlank() ? "" : ":\n" + text.strip();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private NodeFailure.Raised fail(NodeFailure failure) {
    task(
        TaskExecution.Phase.FAILED,
        2,
        e -> {
          e.setError(failure.error());
          e.addReasons(
              EventReason.newBuilder()
                  .setReason(failure.error().getMessage())
                  .setOccurredAt(ctx.events.now()));
        });
    return failure.raise();
  }

  /** The links to this attempt's standard output and error. */
  List<TaskLog> logs() {
    return List.of(
        log("stdout", outputDir.resolve("stdout.log")),
        log("stderr", outputDir.resolve("stderr.log")));
  }

  private void task(
      TaskExecution.Phase phase, int version, Consumer<TaskExecutionEvent.Builder> more) {
    if (!reported) {
      return;
    }
    ctx.events.task(
        phase,
        e -> {
          e.setTaskId(id.getTaskId())
              .setParentNodeExecutionId(id.getNodeExecutionId())
              .setRetryAttempt(attempt)
              .setPhaseVersion(version)
              .setTaskType(task.getType())
              .setInputUri(ref.inputs().toString())
              .setMetadata(
                  TaskExecutionMetadata.newBuilder()
                      .setGeneratedName(generatedName)
                      .setPluginIdentifier("container")
                      .setInstanceClass(TaskExecutionMetadata.InstanceClass.DEFAULT));
          more.accept(e);
        });
  }

  private TaskLog log(String name, DataReference where) {
    String template = ctx.settings.logLinkTemplate();
    String uri =
        template == null
            ? where.toString()
            : template.replace("{uri}", where.toString()).replace("{key}", where.key());
    return TaskLog.newBuilder()
        .setName(name)
        .setUri(uri)
        .setMessageFormat(TaskLog.MessageFormat.UNKNOWN)
        .build();
  }

  /** Stores the logs in the background: read now (the work directory goes), written meanwhile. */
  private void upload(Path stdout, Path stderr) {
    for (Path p : List.of(stdout, stderr)) {
      byte[] data;
      try {
        data = Files.exists(p) ? Files.readAllBytes(p) : new byte[0];
      } catch (IOException | RuntimeException e) {
        continue;
      }
      DataReference where = outputDir.resolve(p.getFileName().toString());
      Runnable write =
          () -> {
            try {
              ctx.services.store().write(where, data);
            } catch (RuntimeException e) {
              // logs are best effort; the attempt's outcome does not depend on them
            }
          };
      try {
        ctx.threads.execute(write);
      } catch (RejectedExecutionException e) {
        write.run(); // the runner is shutting down
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // scratch space; nothing depends on its removal
    }
  }
}

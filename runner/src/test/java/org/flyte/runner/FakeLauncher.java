package org.flyte.runner;

import flyteidl.core.Errors.ContainerError;
import flyteidl.core.Errors.ErrorDocument;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Tasks.TaskTemplate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.flyte.common.storage.DataReference;
import org.flyte.common.storage.ProtoStore;
import org.flyte.runner.process.LaunchedProcess;
import org.flyte.runner.process.ProcessLauncher;
import org.flyte.runner.process.ProcessSpec;

/**
 * Plays pyflyte-execute: writes outputs of the task's interface (a default value per type) to the
 * {@code --output-prefix} given, or an error document, or hangs until killed.
 */
public final class FakeLauncher implements ProcessLauncher {

  /** What a launch does. */
  public enum Behaviour {
    SUCCEED,
    FAIL_RECOVERABLE,
    FAIL_PERMANENT,
    HANG,
    SLOW
  }

  /** Futures written instead of outputs, per task name (dynamic tasks). */
  public final Map<String, flyteidl.core.DynamicJob.DynamicJobSpec> futures =
      new ConcurrentHashMap<>();

  /** How many processes ran at once, at most. */
  public final AtomicInteger maxConcurrent = new AtomicInteger();

  private final AtomicInteger concurrent = new AtomicInteger();

  private final ProtoStore store;
  private final Map<String, TaskTemplate> tasksByName;
  public final List<ProcessSpec> launched = new CopyOnWriteArrayList<>();
  public final Map<String, List<Behaviour>> script = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  public final AtomicInteger killed = new AtomicInteger();

  public FakeLauncher(ProtoStore store, Map<String, TaskTemplate> tasksByName) {
    this.store = store;
    this.tasksByName = tasksByName;
  }

  @Override
  public LaunchedProcess launch(ProcessSpec spec) {
    launched.add(spec);
    String name = spec.environment().get("FLYTE_INTERNAL_TASK_NAME");
    List<Behaviour> plan = script.getOrDefault(name, List.of(Behaviour.SUCCEED));
    int call = calls.computeIfAbsent(name, k -> new AtomicInteger()).getAndIncrement();
    Behaviour b = plan.get(Math.min(call, plan.size() - 1));
    DataReference out = DataReference.parse(arg(spec.command(), "--output-prefix"));
    CountDownLatch killLatch = new CountDownLatch(1);
    int exit =
        switch (b) {
          case SUCCEED, SLOW -> {
            if (futures.containsKey(name)) {
              store.write(out.resolve("futures.pb"), futures.get(name));
            } else {
              store.write(out.resolve("outputs.pb"), outputs(tasksByName.get(name)));
            }
            yield b == Behaviour.SLOW ? -2 : 0;
          }
          case FAIL_RECOVERABLE, FAIL_PERMANENT -> {
            store.write(
                out.resolve("error.pb"),
                ErrorDocument.newBuilder()
                    .setError(
                        ContainerError.newBuilder()
                            .setCode("USER:ValueError")
                            .setMessage("boom in " + name)
                            .setKind(
                                b == Behaviour.FAIL_RECOVERABLE
                                    ? ContainerError.Kind.RECOVERABLE
                                    : ContainerError.Kind.NON_RECOVERABLE))
                    .build());
            // flytekit exits 0 after writing error.pb (FLYTE_FAIL_ON_ERROR unset); older ones 1
            yield b == Behaviour.FAIL_PERMANENT ? 0 : 1;
          }
          case HANG -> -1;
        };
    int now = concurrent.incrementAndGet();
    maxConcurrent.accumulateAndGet(now, Math::max);
    long slowUntil = System.nanoTime() + 300_000_000L;
    return new LaunchedProcess() {
      private boolean ended;

      private Integer end(Integer code) {
        if (code != null && !ended) {
          ended = true;
          concurrent.decrementAndGet();
        }
        return code;
      }

      @Override
      public Integer waitFor(Duration timeout) throws InterruptedException {
        if (exit >= 0) {
          return end(exit);
        }
        if (exit == -2) {
          long left = slowUntil - System.nanoTime();
          if (left > timeout.toNanos()) {
            Thread.sleep(timeout.toMillis());
            return null;
          }
          Thread.sleep(Math.max(0, left / 1_000_000));
          return end(0);
        }
        return end(killLatch.await(timeout.toMillis(), TimeUnit.MILLISECONDS) ? 137 : null);
      }

      @Override
      public void kill() {
        if (killLatch.getCount() > 0) {
          killed.incrementAndGet();
        }
        killLatch.countDown();
      }
    };
  }

  static String arg(List<String> command, String flag) {
    int i = command.indexOf(flag);
    return i < 0 ? null : command.get(i + 1);
  }

  private static LiteralMap outputs(TaskTemplate task) {
    LiteralMap.Builder out = LiteralMap.newBuilder();
    for (Map.Entry<String, Variable> v :
        task.getInterface().getOutputs().getVariablesMap().entrySet()) {
      Primitive.Builder p = Primitive.newBuilder();
      switch (v.getValue().getType().getSimple()) {
        case INTEGER -> p.setInteger(7);
        case FLOAT -> p.setFloatValue(0.5);
        case BOOLEAN -> p.setBoolean(true);
        default -> p.setStringValue("x");
      }
      out.putLiterals(
          v.getKey(), Literal.newBuilder().setScalar(Scalar.newBuilder().setPrimitive(p)).build());
    }
    return out.build();
  }
}

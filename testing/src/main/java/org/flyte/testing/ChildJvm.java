package org.flyte.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM on this test's classpath, running a main class of the test: what a user's {@code
 * kill -9} or Ctrl-C hits. Its output (stdout and stderr) is collected line by line for the test to
 * wait on. Closing it sends SIGTERM and waits for the exit.
 */
public final class ChildJvm implements AutoCloseable {

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> all = new ArrayList<>();
  private final Thread reader;

  private ChildJvm(Process process) {
    this.process = process;
    reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  lines.add(line);
                  synchronized (all) {
                    all.add(line);
                  }
                }
              } catch (IOException e) {
                // The child is gone.
              }
            },
            "child-jvm-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code main} with {@code args} in a JVM with at most {@code maxHeapMb} of heap.
   *
   * @param environment variables added to this JVM's environment for the child
   */
  public static ChildJvm start(
      Class<?> main, int maxHeapMb, Map<String, String> environment, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx" + maxHeapMb + "m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    return new ChildJvm(builder.start());
  }

  /** {@link #start(Class, int, Map, String...)} with 128 MB of heap and no extra variables. */
  public static ChildJvm start(Class<?> main, String... args) throws IOException {
    return start(main, 128, Map.of(), args);
  }

  /** The first line that starts with {@code prefix}, waiting up to {@code timeout}. */
  public String await(String prefix, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null && line.startsWith(prefix)) {
        return line;
      }
      if (line == null && !reader.isAlive() && lines.isEmpty()) {
        break; // the child closed its output: nothing more will come
      }
    }
    throw new AssertionError("no line starting with '" + prefix + "' from the child:\n" + output());
  }

  /** Everything the child printed so far. */
  public String output() {
    synchronized (all) {
      return String.join("\n", all);
    }
  }

  public Process process() {
    return process;
  }

  /** SIGTERM, keeping the output readable ({@link Process#destroy()} would close it). */
  public void terminate() {
    process.toHandle().destroy();
  }

  /** Waits for the child to exit; true if it did within {@code timeout}. */
  public boolean awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}

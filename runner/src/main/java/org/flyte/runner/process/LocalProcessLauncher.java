package org.flyte.runner.process;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts task processes on this machine with {@link ProcessBuilder}: the environment given and
 * nothing inherited, output to files. Killing ends the process's descendants first, then the
 * process (what deleting a pod does to its containers).
 */
public final class LocalProcessLauncher implements ProcessLauncher {

  @Override
  public LaunchedProcess launch(ProcessSpec spec) throws IOException {
    Files.createDirectories(spec.workDirectory());
    Files.createDirectories(spec.stdout().getParent());
    Files.createDirectories(spec.stderr().getParent());
    ProcessBuilder builder = new ProcessBuilder(spec.command());
    builder.environment().clear();
    builder.environment().putAll(spec.environment());
    builder.directory(spec.workDirectory().toFile());
    builder.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    builder.redirectOutput(spec.stdout().toFile());
    builder.redirectError(spec.stderr().toFile());
    Process process = builder.start();
    return new Local(process);
  }

  private static java.io.File nullDevice() {
    return new java.io.File(
        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  private record Local(Process process) implements LaunchedProcess {

    @Override
    public Integer waitFor(Duration timeout) throws InterruptedException {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
          ? process.exitValue()
          : null;
    }

    @Override
    public void kill() {
      List<ProcessHandle> descendants = process.descendants().toList();
      descendants.forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      try {
        process.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

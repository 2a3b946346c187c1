package org.flyte.runner.process;

import java.io.IOException;

/**
 * Starts task processes: {@link LocalProcessLauncher} on this machine, a fake in tests. Stands
 * where propeller creates a pod ({@code flyteplugins/go/tasks/pluginmachinery/k8s}, v1.16.8).
 */
public interface ProcessLauncher {

  /**
   * Starts {@code spec}; its standard output and error go to {@link ProcessSpec#stdout()} and
   * {@link ProcessSpec#stderr()}.
   *
   * @throws IOException when the program cannot be started
   */
  LaunchedProcess launch(ProcessSpec spec) throws IOException;
}

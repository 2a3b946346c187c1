package org.flyte.runner.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A task process to start.
 *
 * @param command the program and its arguments, template variables already filled in
 * @param environment the complete environment of the process
 * @param workDirectory its working directory
 * @param stdout the file its standard output goes to
 * @param stderr the file its standard error goes to
 */
public record ProcessSpec(
    List<String> command,
    Map<String, String> environment,
    Path workDirectory,
    Path stdout,
    Path stderr) {

  public ProcessSpec {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
  }
}

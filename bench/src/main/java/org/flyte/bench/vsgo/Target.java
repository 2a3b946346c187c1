package org.flyte.bench.vsgo;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flyte.bench.load.LoadOptions;

/**
 * One FlyteAdmin under measurement, read from {@code --<name>.grpc=host:port}, {@code
 * --<name>.http=http://host:port} and optionally {@code --<name>.pid=N} (its resident memory is
 * read from {@code /proc}).
 */
record Target(String name, String grpc, String http, long pid) {

  static Target of(LoadOptions options, String name) {
    String grpc = options.text(name + ".grpc", null);
    String http = options.text(name + ".http", null);
    if (grpc == null || http == null) {
      throw new IllegalArgumentException(
          "--" + name + ".grpc=host:port and --" + name + ".http=http://host:port are required");
    }
    return new Target(name, grpc, http, options.number(name + ".pid", -1));
  }

  /** Resident memory in MiB of {@code pid} (VmRSS), or -1 when unknown. */
  static double residentMiB(long pid) {
    return procKib(pid, "status", "VmRSS:");
  }

  /**
   * Proportional set size in MiB of {@code pid} (shared pages divided among the processes sharing
   * them, so that the sum over a group of processes is the group's memory), or -1 when unknown.
   */
  static double proportionalMiB(long pid) {
    return procKib(pid, "smaps_rollup", "Pss:");
  }

  private static double procKib(long pid, String file, String key) {
    if (pid <= 0) {
      return -1;
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), file))) {
        if (line.startsWith(key)) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
      }
    } catch (java.io.IOException e) {
      return -1;
    }
    return -1;
  }
}

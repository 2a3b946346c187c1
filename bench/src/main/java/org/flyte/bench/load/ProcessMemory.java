package org.flyte.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The memory of another process on this machine, read from Linux's {@code /proc}. */
public final class ProcessMemory {

  private ProcessMemory() {}

  /** Resident memory in MiB of {@code pid} (VmRSS), or -1 when unknown. */
  public static double residentMiB(long pid) {
    return procKib(pid, "status", "VmRSS:");
  }

  /**
   * Proportional set size in MiB of {@code pid} (shared pages divided among the processes sharing
   * them, so that the sum over a group of processes is the group's memory), or -1 when unknown.
   */
  public static double proportionalMiB(long pid) {
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
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }
}

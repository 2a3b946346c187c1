package org.flyte.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where the CPU of a load phase went, measured rather than sampled: the CPU time of each thread of
 * this JVM (its native threads, GC and compiler included) grouped by its pool (the name without its
 * numbers, cut to Linux's 15 characters), of the JVM as a whole, and of the PostgreSQL processes
 * whose command line names {@code dataDir} and their children (Linux {@code /proc}). Take one
 * {@link #snapshot()} before and one after a phase; {@link Snapshot#minus} gives the phase's share.
 */
public final class CpuAccount {

  private static final long TICK_NANOS = 10_000_000L; // USER_HZ is 100 on Linux

  private final String dataDir;

  public CpuAccount(String dataDir) {
    this.dataDir = dataDir;
  }

  /**
   * CPU nanoseconds per group: each thread pool, {@code jvm} (total), {@code postgres}, {@code
   * machine}.
   */
  public record Snapshot(
      Map<String, Long> nanos, Map<Long, Long> perThread, Map<Long, String> names) {

    /** This snapshot minus an earlier one, per group; threads that ended in between are lost. */
    public Map<String, Long> minus(Snapshot before) {
      Map<String, Long> out = new TreeMap<>();
      perThread.forEach(
          (id, cpu) -> {
            long delta = cpu - before.perThread.getOrDefault(id, 0L);
            out.merge(group(names.get(id)), delta, Long::sum);
          });
      for (String total : List.of("jvm", "postgres", "machine", "machine-busy")) {
        out.put(total, nanos.getOrDefault(total, 0L) - before.nanos.getOrDefault(total, 0L));
      }
      return out;
    }
  }

  public Snapshot snapshot() {
    Map<Long, Long> perThread = new HashMap<>();
    Map<Long, String> names = new HashMap<>();
    // Every thread of the process, the JVM's own (GC, compiler) included: /proc/self/task.
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : tasks.toList()) {
        long tid = Long.parseLong(task.getFileName().toString());
        perThread.put(tid, ticks(task) * TICK_NANOS);
        names.put(tid, read(task.resolve("comm")).strip());
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: per-thread figures stay empty
    }
    Map<String, Long> nanos = new HashMap<>();
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      nanos.put("jvm", os.getProcessCpuTime());
    }
    nanos.put("postgres", postgres());
    long[] machine = machine();
    nanos.put("machine", machine[0]);
    nanos.put("machine-busy", machine[1]);
    return new Snapshot(nanos, perThread, names);
  }

  /** A thread's pool: its name without digits, e.g. {@code grpc-call-}, {@code pool--thread-}. */
  static String group(String name) {
    return name == null ? "?" : name.replaceAll("[0-9]+", "");
  }

  private long postgres() {
    long total = 0;
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.toList()) {
        String pid = proc.getFileName().toString();
        if (!pid.chars().allMatch(Character::isDigit)) {
          continue;
        }
        String cmd = read(proc.resolve("cmdline")).replace('\0', ' ');
        if (cmd.contains(dataDir) && cmd.contains("postgres")) {
          total += ticks(proc);
          ProcessHandle handle = ProcessHandle.of(Long.parseLong(pid)).orElse(null);
          if (handle != null) {
            total +=
                handle
                    .descendants()
                    .mapToLong(d -> ticks(Path.of("/proc", Long.toString(d.pid()))))
                    .sum();
          }
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return total * TICK_NANOS;
  }

  /**
   * CPU time (user and system, all threads) that process {@code pid} has used, or -1 if unknown.
   */
  public static long processNanos(long pid) {
    Path proc = Path.of("/proc", Long.toString(pid));
    return pid > 0 && Files.isReadable(proc.resolve("stat")) ? ticks(proc) * TICK_NANOS : -1;
  }

  /** utime + stime of a process, in ticks. */
  private static long ticks(Path proc) {
    String stat = read(proc.resolve("stat"));
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      return 0;
    }
    String[] fields = stat.substring(close + 2).split(" ");
    // after "pid (comm) ": state is field 3, utime 14, stime 15
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** The machine's total and busy CPU time in nanoseconds (all cores, from /proc/stat). */
  private static long[] machine() {
    String first = read(Path.of("/proc/stat")).lines().findFirst().orElse("");
    String[] f = first.trim().split("\\s+");
    long total = 0;
    long idle = 0;
    for (int i = 1; i < f.length && i <= 8; i++) {
      long v = Long.parseLong(f[i]);
      total += v;
      if (i == 4 || i == 5) {
        idle += v;
      }
    }
    return new long[] {total * TICK_NANOS, (total - idle) * TICK_NANOS};
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** Microseconds of CPU per operation, per group, largest first, as one table row's cells. */
  public static String perOp(Map<String, Long> delta, long ops) {
    StringBuilder out = new StringBuilder();
    delta.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .forEach(
            e ->
                out.append(
                    String.format(
                        Locale.ROOT, "%s %.0f µs; ", e.getKey(), e.getValue() / 1e3 / ops)));
    return out.toString();
  }
}

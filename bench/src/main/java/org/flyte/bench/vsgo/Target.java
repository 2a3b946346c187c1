package org.flyte.bench.vsgo;

import org.flyte.bench.load.LoadOptions;

/**
 * One FlyteAdmin under measurement, read from {@code --<name>.grpc=host:port}, {@code
 * --<name>.http=http://host:port} and optionally {@code --<name>.pid=N} (its resident memory is
 * read from {@code /proc} by {@link org.flyte.bench.load.ProcessMemory}).
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
}

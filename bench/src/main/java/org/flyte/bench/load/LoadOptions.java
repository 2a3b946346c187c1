package org.flyte.bench.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A load driver's {@code --name=value} options, each read with its default. */
public final class LoadOptions {

  private final Map<String, String> values = new HashMap<>();

  public LoadOptions(String... args) {
    for (String arg : args) {
      String[] kv = arg.replaceFirst("^--", "").split("=", 2);
      values.put(kv[0], kv.length > 1 ? kv[1] : "true");
    }
  }

  public String text(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  public int integer(String name, int fallback) {
    return Integer.parseInt(text(name, String.valueOf(fallback)));
  }

  public long number(String name, long fallback) {
    return Long.parseLong(text(name, String.valueOf(fallback)));
  }

  public Duration seconds(String name, long fallback) {
    return Duration.ofSeconds(number(name, fallback));
  }

  public Path path(String name, String fallback) {
    return Path.of(text(name, fallback));
  }
}

package org.flyte.deployment;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flyte.testing.TempPaths;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * The repository's charts rendered and linted with Helm's own library (helm-java), as {@code helm
 * template flyte -n flyte} and {@code helm lint --strict} would. Helm's library is one per JVM, so
 * every call is serialized.
 */
final class Charts {

  static final String RELEASE = "flyte";
  static final String NAMESPACE = "flyte";

  /** The checkout's root: the nearest ancestor with charts/flyte-core. */
  static final Path ROOT = findRoot();

  static final Path CORE = ROOT.resolve("charts/flyte-core");
  static final Path SANDBOX = ROOT.resolve("charts/flyte-sandbox");

  private Charts() {}

  private static Path findRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("charts/flyte-core"))) {
        return dir;
      }
    }
    throw new IllegalStateException("No charts/flyte-core above " + Path.of("").toAbsolutePath());
  }

  /** {@code helm template} of {@code chart} with the values files (in order) and {@code --set}s. */
  static synchronized String template(Path chart, List<Path> valuesFiles, Map<String, ?> sets) {
    TemplateCommand command =
        new Helm(runnable(chart)).template().withName(RELEASE).withNamespace(NAMESPACE);
    for (Path values : valuesFiles) {
      command = command.withValuesFile(values);
    }
    for (Map.Entry<String, ?> set : sets.entrySet()) {
      command = command.set(set.getKey(), set.getValue());
    }
    return command.call();
  }

  static String template(Path chart, List<Path> valuesFiles) {
    return template(chart, valuesFiles, Map.of());
  }

  /**
   * {@code helm lint --strict} of {@code chart} with the values files merged over its defaults
   * (helm-java's lint takes no values files, so the merged values become the defaults of a copy).
   */
  static synchronized LintResult lint(Path chart, List<Path> valuesFiles) {
    Path copy = copy(runnable(chart));
    if (!valuesFiles.isEmpty()) {
      Map<String, Object> values = load(chart.resolve("values.yaml"));
      for (Path file : valuesFiles) {
        values = merge(values, load(file));
      }
      write(copy.resolve("values.yaml"), values);
    }
    return new Helm(copy).lint().strict().call();
  }

  /**
   * The chart as Helm can render it: the sandbox chart gets its flyte-core dependency copied into
   * its charts/ (what {@code helm dependency update} does), in a temporary copy.
   */
  static Path runnable(Path chart) {
    if (!chart.equals(SANDBOX)) {
      return chart;
    }
    Path copy = copy(chart);
    copyTree(CORE, copy.resolve("charts/flyte-core"));
    return copy;
  }

  private static Path copy(Path chart) {
    Path dir = TempPaths.directory("chart-").resolve(chart.getFileName());
    copyTree(chart, dir);
    return dir;
  }

  private static void copyTree(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> load(Path file) {
    try {
      Object loaded = yaml().load(Files.readString(file));
      return loaded == null ? new LinkedHashMap<>() : (Map<String, Object>) loaded;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, Map<String, Object> values) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    try {
      Files.writeString(file, new Yaml(new Representer(options), options).dump(values));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Helm's coalescing of values: maps merge, anything else replaces, null deletes. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
    Map<String, Object> merged = new LinkedHashMap<>(base);
    over.forEach(
        (key, value) -> {
          Object existing = merged.get(key);
          if (value == null) {
            merged.remove(key);
          } else if (existing instanceof Map<?, ?> a && value instanceof Map<?, ?> b) {
            merged.put(key, merge((Map<String, Object>) a, (Map<String, Object>) b));
          } else {
            merged.put(key, value);
          }
        });
    return merged;
  }

  /** The YAML documents of a render, without empty ones. */
  static List<Map<String, Object>> documents(String rendered) {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object document : yaml().loadAll(rendered)) {
      if (document instanceof Map<?, ?> map && !map.isEmpty()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        documents.add(object);
      }
    }
    return documents;
  }

  static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(50);
    return new Yaml(new SafeConstructor(options));
  }
}

package org.flyte.common.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Flyte's configuration directory, read as Flyte reads it: every file matching the given globs
 * (e.g. {@code /etc/flyte/config/*.yaml}), in lexical order, parsed as YAML and merged into one
 * tree (maps merge recursively, later scalars and lists replace earlier ones), each top-level key a
 * section. The tree is flattened into Spring property names under {@code flyte.}, so the Helm
 * charts' ConfigMaps (`db.yaml`, `server.yaml`, `storage.yaml`, ...) configure our apps unchanged.
 *
 * <p>Follows {@code flytestdlib/config/viper} (v1.16.8). Map keys that contain dots (annotation
 * names) are kept whole, in Spring's bracket notation.
 */
public final class FlyteConfigFiles {

  private FlyteConfigFiles() {}

  /** The files matching {@code globs}, lexically sorted (Go's {@code filepath.Glob}). */
  public static List<Path> expand(List<String> globs) {
    TreeSet<Path> files = new TreeSet<>();
    for (String glob : globs) {
      Path pattern = Path.of(glob.trim()).toAbsolutePath().normalize();
      if (!glob.contains("*") && !glob.contains("?") && !glob.contains("[")) {
        if (Files.isRegularFile(pattern)) {
          files.add(pattern);
        }
        continue;
      }
      Path dir = pattern.getParent();
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
      if (dir == null || !Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> entries = Files.list(dir)) {
        entries.filter(Files::isRegularFile).filter(matcher::matches).forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list the configuration directory " + dir, e);
      }
    }
    return new ArrayList<>(files);
  }

  /** The merged files as properties under {@code prefix} (e.g. {@code flyte}). */
  public static Map<String, Object> load(List<Path> files, String prefix) {
    Map<String, Object> tree = new LinkedHashMap<>();
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        for (Object document : yaml.loadAll(in)) {
          if (document instanceof Map<?, ?> map) {
            merge(tree, map);
          } else if (document != null) {
            throw new IllegalStateException(
                "Configuration file " + file + " must hold a map of sections");
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the configuration file " + file, e);
      }
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    flatten(prefix, tree, properties);
    return properties;
  }

  @SuppressWarnings("unchecked")
  private static void merge(Map<String, Object> into, Map<?, ?> from) {
    from.forEach(
        (key, value) -> {
          String name = String.valueOf(key);
          Object existing = into.get(name);
          if (existing instanceof Map<?, ?> existingMap && value instanceof Map<?, ?> valueMap) {
            merge((Map<String, Object>) existingMap, valueMap);
          } else if (value instanceof Map<?, ?> valueMap) {
            Map<String, Object> copy = new LinkedHashMap<>();
            merge(copy, valueMap);
            into.put(name, copy);
          } else {
            into.put(name, value);
          }
        });
  }

  private static void flatten(String name, Object value, Map<String, Object> properties) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, child) -> flatten(name + segment(String.valueOf(key)), child, properties));
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        flatten(name + "[" + i + "]", list.get(i), properties);
      }
    } else {
      properties.put(name, value == null ? "" : value);
    }
  }

  private static String segment(String key) {
    return key.contains(".") || key.contains("/") ? "[" + key + "]" : "." + key;
  }
}

package org.flyte.admin.clusterresource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.flyte.common.config.FlyteConfigTree;

/**
 * The values substituted into cluster-resource templates, resolved from Flyte's data sources: each
 * variable is {@code {value: ...}}, {@code {valueFrom: {env: NAME}}} or {@code {valueFrom:
 * {filePath: /path}}}. Follows {@code populateTemplateValues} of {@code
 * flyteadmin/pkg/clusterresource/controller.go} (v1.16.8): {@code namespace}, {@code project} and
 * {@code domain} are reserved, an empty value is an error, and every error is collected.
 */
final class TemplateValues {

  static final Set<String> RESERVED = Set.of("namespace", "project", "domain");

  private TemplateValues() {}

  /** {@code {{ name }}} as Flyte writes a variable (exactly one space inside the braces). */
  static String variable(String name) {
    return "{{ " + name + " }}";
  }

  /**
   * Resolves {@code data} (a map of variable name to data source, or Flyte's list of single-key
   * maps) into {@code {{ name }} -> value}.
   *
   * @param env the environment variables ({@code System::getenv})
   * @param errors where each problem is added, prefixed by {@code what}
   */
  static Map<String, String> resolve(
      Object data, String what, UnaryOperator<String> env, List<String> errors) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, Object> sources;
    try {
      sources = FlyteConfigTree.asMap(data, what);
    } catch (IllegalArgumentException e) {
      errors.add(e.getMessage());
      return values;
    }
    sources.forEach(
        (name, source) -> {
          if (RESERVED.contains(name)) {
            errors.add(what + ": '" + name + "' is reserved and cannot be set");
            return;
          }
          String value = value(name, source, what, env, errors);
          if (value != null) {
            values.put(variable(name), value);
          }
        });
    return values;
  }

  private static String value(
      String name, Object source, String what, UnaryOperator<String> env, List<String> errors) {
    Map<String, Object> fields;
    try {
      fields = FlyteConfigTree.asMap(source, what + "." + name);
    } catch (IllegalArgumentException e) {
      errors.add(e.getMessage());
      return null;
    }
    String value;
    Map<String, Object> from = mapOrEmpty(fields.get("valueFrom"), what + "." + name, errors);
    if (!text(fields.get("value")).isEmpty()) {
      value = text(fields.get("value"));
    } else if (!text(from.get("env")).isEmpty()) {
      value = env.apply(text(from.get("env")));
    } else if (!text(from.get("filePath")).isEmpty()) {
      Path file = Path.of(text(from.get("filePath")));
      try {
        value = Files.readString(file);
      } catch (IOException e) {
        errors.add(
            "failed to substitute parameterized value for %s: unable to read value from: [%s]"
                .formatted(name, file));
        return null;
      }
    } else {
      errors.add(
          "failed to substitute parameterized value for %s: unset or unrecognized ValueFrom"
              .formatted(name));
      return null;
    }
    if (value == null || value.isEmpty()) {
      errors.add("failed to substitute parameterized value for %s: unset".formatted(name));
      return null;
    }
    return value;
  }

  /** Per domain: {@code customData.<domain>} resolved. */
  static Map<String, Map<String, String>> resolvePerDomain(
      Object customData, UnaryOperator<String> env, List<String> errors) {
    Map<String, Map<String, String>> perDomain = new LinkedHashMap<>();
    Map<String, Object> domains;
    try {
      domains = FlyteConfigTree.asMap(customData, "cluster_resources.customData");
    } catch (IllegalArgumentException e) {
      errors.add(e.getMessage());
      return perDomain;
    }
    domains.forEach(
        (domain, data) ->
            perDomain.put(
                domain, resolve(data, "cluster_resources.customData." + domain, env, errors)));
    return perDomain;
  }

  private static Map<String, Object> mapOrEmpty(Object tree, String what, List<String> errors) {
    try {
      return FlyteConfigTree.asMap(tree, what);
    } catch (IllegalArgumentException e) {
      errors.add(e.getMessage());
      return Map.of();
    }
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}

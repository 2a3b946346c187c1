package org.flyte.common.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A parsed {@code google.api.http} path template, matched against decoded path segments the way
 * grpc-gateway v2's {@code runtime.Pattern} does ({@code runtime/pattern.go}, {@code
 * internal/httprule}).
 *
 * <p>Grammar ({@code google/api/http.proto}):
 *
 * <pre>
 * Template = "/" Segments [ Verb ] ;
 * Segments = Segment { "/" Segment } ;
 * Segment  = "*" | "**" | LITERAL | Variable ;
 * Variable = "{" FieldPath [ "=" Segments ] "}" ;
 * FieldPath = IDENT { "." IDENT } ;
 * Verb     = ":" LITERAL ;
 * </pre>
 *
 * <p>A variable without a pattern ({@code {id.project}}) matches exactly one segment. {@code **}
 * matches zero or more segments (at most one per template, segments may follow it). A verb is only
 * split off the last request segment when the template declares one; otherwise {@code name:x} is an
 * ordinary segment value, as in grpc-gateway.
 */
public final class PathTemplate {

  /** Orders templates from the most to the least specific; ties break on the template text. */
  static final Comparator<PathTemplate> MOST_SPECIFIC_FIRST =
      Comparator.comparingInt(PathTemplate::literalCount)
          .reversed()
          .thenComparingInt(t -> t.multiIndex < 0 ? 0 : 1)
          .thenComparing(PathTemplate::compareSegmentKinds)
          .thenComparing(t -> t.verb == null ? 1 : 0)
          .thenComparing(PathTemplate::toString);

  enum Kind {
    LITERAL,
    SINGLE,
    MULTI
  }

  record Segment(Kind kind, String literal) {}

  /** A variable capturing template segments {@code [from, to)}. */
  record Variable(String fieldPath, int from, int to) {}

  private final String text;
  private final List<Segment> segments;
  private final List<Variable> variables;
  private final @Nullable String verb;
  private final int multiIndex;

  private PathTemplate(
      String text, List<Segment> segments, List<Variable> variables, @Nullable String verb) {
    this.text = text;
    this.segments = List.copyOf(segments);
    this.variables = List.copyOf(variables);
    this.verb = verb;
    int multi = -1;
    for (int i = 0; i < segments.size(); i++) {
      if (segments.get(i).kind() == Kind.MULTI) {
        multi = i;
      }
    }
    this.multiIndex = multi;
  }

  /**
   * Parses a template such as {@code /api/v1/tasks/{id.project}/{id.domain}} or {@code
   * /v1/{name=projects/*}/files/**:verb}.
   *
   * @throws IllegalArgumentException when the template does not follow the grammar
   */
  public static PathTemplate parse(String template) {
    if (!template.startsWith("/")) {
      throw invalid(template, "it must start with '/'");
    }
    String body = template.substring(1);
    // Split off the verb: the last top-level ':' after the last top-level '/'.
    int depth = 0;
    int lastSlash = -1;
    int verbColon = -1;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
        if (depth < 0) {
          throw invalid(template, "unbalanced '}'");
        }
      } else if (depth == 0 && c == '/') {
        lastSlash = i;
        verbColon = -1;
      } else if (depth == 0 && c == ':' && i > lastSlash) {
        verbColon = i;
      }
    }
    if (depth != 0) {
      throw invalid(template, "unbalanced '{'");
    }
    String verb = null;
    if (verbColon >= 0) {
      verb = body.substring(verbColon + 1);
      body = body.substring(0, verbColon);
      if (verb.isEmpty() || verb.contains("{") || verb.contains("*")) {
        throw invalid(template, "the verb must be a literal");
      }
    }
    List<Segment> segments = new ArrayList<>();
    List<Variable> variables = new ArrayList<>();
    if (!body.isEmpty()) {
      for (String part : splitTopLevel(body)) {
        if (part.startsWith("{")) {
          if (!part.endsWith("}")) {
            throw invalid(template, "a variable must be a whole segment: " + part);
          }
          String inner = part.substring(1, part.length() - 1);
          int eq = inner.indexOf('=');
          String fieldPath = eq < 0 ? inner : inner.substring(0, eq);
          if (!fieldPath.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
            throw invalid(template, "bad field path in variable: " + part);
          }
          int from = segments.size();
          if (eq < 0) {
            segments.add(new Segment(Kind.SINGLE, "*"));
          } else {
            String pattern = inner.substring(eq + 1);
            if (pattern.isEmpty()) {
              throw invalid(template, "empty variable pattern: " + part);
            }
            for (String sub : pattern.split("/", -1)) {
              if (sub.contains("{") || sub.contains("}")) {
                throw invalid(template, "variables cannot be nested: " + part);
              }
              segments.add(plainSegment(template, sub));
            }
          }
          for (Variable v : variables) {
            if (v.fieldPath().equals(fieldPath)) {
              throw invalid(template, "variable bound twice: " + fieldPath);
            }
          }
          variables.add(new Variable(fieldPath, from, segments.size()));
        } else {
          if (part.contains("{") || part.contains("}")) {
            throw invalid(template, "a variable must be a whole segment: " + part);
          }
          segments.add(plainSegment(template, part));
        }
      }
    }
    long multis = segments.stream().filter(s -> s.kind() == Kind.MULTI).count();
    if (multis > 1) {
      throw invalid(template, "'**' may appear only once");
    }
    return new PathTemplate(template, segments, variables, verb);
  }

  private static Segment plainSegment(String template, String part) {
    if (part.equals("*")) {
      return new Segment(Kind.SINGLE, "*");
    }
    if (part.equals("**")) {
      return new Segment(Kind.MULTI, "**");
    }
    if (part.isEmpty() || part.contains("*")) {
      throw invalid(template, "bad literal segment '" + part + "'");
    }
    return new Segment(Kind.LITERAL, part);
  }

  private static List<String> splitTopLevel(String body) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      } else if (c == '/' && depth == 0) {
        parts.add(body.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(body.substring(start));
    return parts;
  }

  private static IllegalArgumentException invalid(String template, String why) {
    return new IllegalArgumentException("invalid path template '" + template + "': " + why);
  }

  /**
   * Matches decoded path segments (the request path without its leading '/', split on '/', each
   * segment percent-decoded).
   *
   * @return the captured variables by field path, in template order, or {@code null} when the path
   *     does not match
   */
  public @Nullable Map<String, String> match(List<String> pathSegments) {
    List<String> components = pathSegments;
    if (verb != null) {
      if (components.isEmpty()) {
        return null;
      }
      String last = components.get(components.size() - 1);
      String suffix = ":" + verb;
      if (!last.endsWith(suffix) || last.length() == suffix.length()) {
        return null;
      }
      components = new ArrayList<>(components);
      components.set(components.size() - 1, last.substring(0, last.length() - suffix.length()));
    }
    if (segments.isEmpty()) {
      return components.size() == 1 && components.get(0).isEmpty() ? Map.of() : null;
    }
    int extra = components.size() - segments.size();
    if (multiIndex < 0 ? extra != 0 : extra < -1) {
      return null;
    }
    for (int i = 0; i < segments.size(); i++) {
      Segment segment = segments.get(i);
      if (segment.kind() == Kind.LITERAL) {
        int at = multiIndex >= 0 && i > multiIndex ? i + extra : i;
        if (!segment.literal().equals(components.get(at))) {
          return null;
        }
      }
    }
    Map<String, String> captured = new LinkedHashMap<>();
    for (Variable variable : variables) {
      int from = componentIndex(variable.from(), extra);
      int to = componentIndex(variable.to(), extra);
      captured.put(variable.fieldPath(), String.join("/", components.subList(from, to)));
    }
    return captured;
  }

  /** Maps a template segment boundary to a request component boundary. */
  private int componentIndex(int templateIndex, int extra) {
    return multiIndex >= 0 && templateIndex > multiIndex ? templateIndex + extra : templateIndex;
  }

  /** The dotted field paths bound by the template's variables, in template order. */
  public List<String> variableNames() {
    return variables.stream().map(Variable::fieldPath).toList();
  }

  /** The verb after the final ':' or {@code null}. */
  public @Nullable String verb() {
    return verb;
  }

  /** Number of literal segments (verb not counted), the first measure of specificity. */
  public int literalCount() {
    return (int) segments.stream().filter(s -> s.kind() == Kind.LITERAL).count();
  }

  List<Segment> segments() {
    return segments;
  }

  private static int compareSegmentKinds(PathTemplate a, PathTemplate b) {
    int n = Math.min(a.segments.size(), b.segments.size());
    for (int i = 0; i < n; i++) {
      int c = a.segments.get(i).kind().compareTo(b.segments.get(i).kind());
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(b.segments.size(), a.segments.size());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PathTemplate other && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text);
  }

  /** The template as written in the proto. */
  @Override
  public String toString() {
    return text;
  }
}

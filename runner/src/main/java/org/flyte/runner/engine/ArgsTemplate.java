package org.flyte.runner.engine;

import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the template variables of a container's arguments as propeller does ({@code
 * flyteplugins/go/tasks/pluginmachinery/core/template/template.go}, v1.16.8): {@code {{.input}}},
 * {@code {{.outputPrefix}}}, {@code {{.inputPrefix}}}, {@code {{.rawOutputDataPrefix}}}, {@code
 * {{.prevCheckpointPrefix}}} ({@code ""} when none), {@code {{.checkpointOutputPrefix}}}, {@code
 * {{.perRetryUniqueKey}}}, {@code {{.namespace}}} and {@code {{.inputs.<name>}}}; names match
 * case-insensitively, with {@code .} or {@code $}, spaces allowed.
 *
 * @param input the inputs file
 * @param inputPrefix the directory of the inputs file
 * @param outputPrefix where outputs go
 * @param rawOutputPrefix where raw data goes
 * @param prevCheckpoint the previous attempt's checkpoint prefix; empty when none
 * @param checkpoint this attempt's checkpoint prefix
 * @param uniqueKey the attempt's generated name
 * @param namespace the namespace
 * @param inputs the inputs, for {@code {{.inputs.<name>}}}
 */
record ArgsTemplate(
    String input,
    String inputPrefix,
    String outputPrefix,
    String rawOutputPrefix,
    String prevCheckpoint,
    String checkpoint,
    String uniqueKey,
    String namespace,
    LiteralMap inputs) {

  private static Pattern var(String name) {
    return Pattern.compile("(?i)\\{\\{\\s*[.$]" + name + "\\s*}}");
  }

  private static final Pattern INPUT = var("Input");
  private static final Pattern INPUT_PREFIX = var("InputPrefix");
  private static final Pattern OUTPUT = var("OutputPrefix");
  private static final Pattern RAW = var("RawOutputDataPrefix");
  private static final Pattern PREV = var("PrevCheckpointPrefix");
  private static final Pattern CURR = var("CheckpointOutputPrefix");
  private static final Pattern UNIQUE = var("PerRetryUniqueKey");
  private static final Pattern NAMESPACE = var("Namespace");
  private static final Pattern INPUT_VAR =
      Pattern.compile("(?i)\\{\\{\\s*[.$]Inputs\\.([^}\\s]+)\\s*}}");

  List<String> render(List<String> args) throws NodeFailure.Raised {
    String key = uniqueKey.replaceFirst("^[^a-zA-Z_]+", "a").replaceAll("[^a-zA-Z0-9_]+", "_");
    List<String> out = new ArrayList<>();
    for (String arg : args) {
      String v = replace(INPUT, arg, input);
      v = replace(OUTPUT, v, outputPrefix);
      v = replace(INPUT_PREFIX, v, inputPrefix);
      v = replace(RAW, v, rawOutputPrefix);
      v = replace(PREV, v, prevCheckpoint.isEmpty() ? "\"\"" : prevCheckpoint);
      v = replace(CURR, v, checkpoint);
      v = replace(UNIQUE, v, key);
      v = replace(NAMESPACE, v, namespace);
      out.add(inputVars(v));
    }
    return out;
  }

  private static String replace(Pattern p, String in, String value) {
    return p.matcher(in).replaceAll(Matcher.quoteReplacement(value));
  }

  private String inputVars(String in) throws NodeFailure.Raised {
    Matcher m = INPUT_VAR.matcher(in);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Literal value = inputs.getLiteralsMap().get(m.group(1));
      if (value == null) {
        throw NodeFailure.user(
                "TemplateRenderFailed", "requested input is not found [" + m.group(1) + "]", false)
            .raise();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(text(value)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String text(Literal l) throws NodeFailure.Raised {
    if (l.hasCollection()) {
      List<String> items = new ArrayList<>();
      for (Literal item : l.getCollection().getLiteralsList()) {
        items.add(text(item));
      }
      return "[" + String.join(",", items) + "]";
    }
    if (l.hasScalar()) {
      var s = l.getScalar();
      if (s.hasBlob()) {
        return s.getBlob().getUri();
      }
      if (s.hasSchema()) {
        return s.getSchema().getUri();
      }
      if (s.hasPrimitive()) {
        Primitive p = s.getPrimitive();
        return switch (p.getValueCase()) {
          case INTEGER -> Long.toString(p.getInteger());
          case BOOLEAN -> Boolean.toString(p.getBoolean());
          case FLOAT_VALUE -> Double.toString(p.getFloatValue());
          case STRING_VALUE -> p.getStringValue();
          case DATETIME -> com.google.protobuf.util.Timestamps.toString(p.getDatetime());
          case DURATION -> com.google.protobuf.util.Durations.toString(p.getDuration());
          default -> "";
        };
      }
    }
    throw NodeFailure.user(
            "TemplateRenderFailed", "an input of this type cannot be put in an argument", false)
        .raise();
  }
}

package org.flyte.compiler.typing;

import com.google.protobuf.Struct;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Whether the JSON schema of an upstream dataclass type is compatible with the downstream one (Go:
 * {@code isSuperTypeInJSON} in {@code validators/typing.go}, v1.16.8, which compiles both schemas
 * and compares them with {@code gitlab.com/yvesf/json-schema-compare}, ignoring the findings that
 * library reports as not implemented).
 *
 * <p>The downstream schema plays the subset, the upstream one the superset. The rules, by keyword:
 * the two type lists must be equal (a subset without types also matches {@code object}); {@code
 * required} of the subset must be required by the superset; every property of the subset must exist
 * in the superset and compare recursively; bounds (lengths, item and property counts, minimum,
 * maximum) of the subset must be present and no looser in the superset; string {@code format} and
 * {@code pattern} must be equal and every superset {@code enum} value allowed by the subset; {@code
 * items} compare recursively; {@code allOf}/{@code anyOf}/{@code oneOf} entries of the superset
 * need an exactly matching entry in the subset; a subset {@code const} needs the same superset
 * {@code const}. {@code additionalProperties}, {@code patternProperties}, {@code dependencies},
 * {@code not}, exclusive bounds and {@code additionalItems} are not compared.
 *
 * <p>Where the Go comparison would crash (a nil pattern, uncomparable constants, a {@code
 * multipleOf} on one side only) the types are treated as incompatible; recursive schemas compare as
 * compatible where they recur instead of recursing forever.
 */
final class JsonSchemaComparison {

  private static final int NONE = 0;
  private static final int NOT_IMPLEMENTED = 1;
  private static final int MISMATCH = 2;

  private final Set<Pair> inProgress = new HashSet<>();

  private JsonSchemaComparison() {}

  /** Whether {@code upstream}'s schema may feed {@code downstream}'s. */
  static boolean isCompatible(Struct upstream, Struct downstream) {
    JsonSchema source;
    JsonSchema target;
    try {
      source = JsonSchema.compile(upstream);
      target = JsonSchema.compile(downstream);
    } catch (JsonSchema.InvalidSchemaException e) {
      return false;
    }
    return new JsonSchemaComparison().compare(target, source) < MISMATCH;
  }

  private int compare(JsonSchema subsetRef, JsonSchema supersetRef) {
    JsonSchema subset = subsetRef.resolved();
    JsonSchema superset = supersetRef.resolved();
    Pair pair = new Pair(subset, superset);
    if (!inProgress.add(pair)) {
      return NONE;
    }
    try {
      return comparePresent(subset, superset);
    } finally {
      inProgress.remove(pair);
    }
  }

  private int comparePresent(JsonSchema sub, JsonSchema sup) {
    int result = NONE;
    for (String type : sub.types) {
      if (!sup.types.contains(type)) {
        return MISMATCH;
      }
    }
    for (String type : sup.types) {
      if (!sub.types.contains(type) && !(type.equals("object") && sub.types.isEmpty())) {
        return MISMATCH;
      }
    }
    if (sub.types.contains("string")) {
      result = Math.max(result, compareString(sub, sup));
    }
    if (sub.types.contains("number")) {
      result = Math.max(result, compareNumber(sub, sup));
    }
    if (sub.types.contains("array")) {
      result = Math.max(result, compareArray(sub, sup));
    }
    if (sub.types.contains("object") || sub.types.isEmpty()) {
      result = Math.max(result, compareObject(sub, sup));
    }
    result = Math.max(result, compareCombination(sub.allOf, sup.allOf));
    result = Math.max(result, compareCombination(sub.anyOf, sup.anyOf));
    result = Math.max(result, compareCombination(sub.oneOf, sup.oneOf));
    if (sub.hasConstant) {
      if (!sup.hasConstant
          || sub.constant instanceof Map<?, ?>
          || sub.constant instanceof List<?>
          || !Objects.equals(sub.constant, sup.constant)) {
        return MISMATCH;
      }
    }
    return result;
  }

  private int compareCombination(List<JsonSchema> sub, List<JsonSchema> sup) {
    if (sub.isEmpty() && sup.isEmpty()) {
      return NONE;
    }
    if (sub.isEmpty() || sup.isEmpty()) {
      return MISMATCH;
    }
    for (JsonSchema wanted : sup) {
      boolean match = false;
      for (JsonSchema candidate : sub) {
        if (deepCompare(candidate, wanted) == NONE) {
          match = true;
          break;
        }
      }
      if (!match) {
        return MISMATCH;
      }
    }
    return NONE;
  }

  private int deepCompare(JsonSchema a, JsonSchema b) {
    JsonSchema first = a == null ? null : a.resolved();
    JsonSchema second = b == null ? null : b.resolved();
    if (first == null || second == null) {
      return first == second ? NONE : MISMATCH;
    }
    if ((first.always == null) != (second.always == null)) {
      return MISMATCH;
    }
    if (first.always != null && !first.always.equals(second.always)) {
      return MISMATCH;
    }
    return compare(first, second);
  }

  private int compareObject(JsonSchema sub, JsonSchema sup) {
    int result = NONE;
    if (sub.hasAdditionalProperties || sup.hasAdditionalProperties) {
      result = NOT_IMPLEMENTED;
    }
    for (String field : sub.required) {
      if (!sup.required.contains(field)) {
        return MISMATCH;
      }
    }
    if (lowerBoundLoosened(sub.minProperties, sup.minProperties)
        || upperBoundLoosened(sub.maxProperties, sup.maxProperties)) {
      return MISMATCH;
    }
    if (sub.hasDependencies
        || sup.hasDependencies
        || sub.hasPatternProperties
        || sup.hasPatternProperties
        || sub.not != null
        || sup.not != null) {
      result = NOT_IMPLEMENTED;
    }
    if (!conditionalEqual(sub.ifSchema, sup.ifSchema)
        || !conditionalEqual(sub.thenSchema, sup.thenSchema)
        || !conditionalEqual(sub.elseSchema, sup.elseSchema)) {
      return MISMATCH;
    }
    for (Map.Entry<String, JsonSchema> property : sub.properties.entrySet()) {
      JsonSchema counterpart = sup.properties.get(property.getKey());
      if (counterpart == null) {
        return MISMATCH;
      }
      result = Math.max(result, compare(property.getValue(), counterpart));
      if (result == MISMATCH) {
        return MISMATCH;
      }
    }
    return result;
  }

  private boolean conditionalEqual(JsonSchema sub, JsonSchema sup) {
    if (sub == null && sup == null) {
      return true;
    }
    return sub != null && sup != null && deepCompare(sub, sup) == NONE;
  }

  private static int compareString(JsonSchema sub, JsonSchema sup) {
    if (!sub.format.equals(sup.format)) {
      return MISMATCH;
    }
    if (sub.enumValues != null) {
      List<String> allowed = new ArrayList<>();
      if (!sub.enumValues.isEmpty()) {
        allowed.add("");
      }
      for (Object value : sub.enumValues) {
        if (!(value instanceof String s)) {
          return MISMATCH;
        }
        allowed.add(s);
      }
      for (Object value : sup.enumValues == null ? List.of() : sup.enumValues) {
        if (!(value instanceof String s) || !allowed.contains(s)) {
          return MISMATCH;
        }
      }
    }
    if (sub.pattern != null && !sub.pattern.equals(sup.pattern)) {
      return MISMATCH;
    }
    if (upperBoundLoosened(sub.maxLength, sup.maxLength)
        || lowerBoundLoosened(sub.minLength, sup.minLength)) {
      return MISMATCH;
    }
    return NONE;
  }

  private static int compareNumber(JsonSchema sub, JsonSchema sup) {
    int result = NONE;
    if (sub.maximum != null && (sup.maximum == null || sup.maximum.compareTo(sub.maximum) > 0)) {
      return MISMATCH;
    }
    if (sub.minimum != null && (sup.minimum == null || sup.minimum.compareTo(sub.minimum) < 0)) {
      return MISMATCH;
    }
    if (sub.exclusiveMinimum != null
        || sup.exclusiveMinimum != null
        || sub.exclusiveMaximum != null
        || sup.exclusiveMaximum != null) {
      result = NOT_IMPLEMENTED;
    }
    if (sub.multipleOf != null || sup.multipleOf != null) {
      if (sub.multipleOf == null || sup.multipleOf == null) {
        return MISMATCH;
      }
      if (!isInteger(sub.multipleOf) || !isInteger(sup.multipleOf)) {
        result = NOT_IMPLEMENTED;
      }
      long subInt = sub.multipleOf.setScale(0, RoundingMode.DOWN).longValue();
      long supInt = sup.multipleOf.setScale(0, RoundingMode.DOWN).longValue();
      if (subInt == 0 || supInt % subInt != 0) {
        return MISMATCH;
      }
    }
    return result;
  }

  private int compareArray(JsonSchema sub, JsonSchema sup) {
    int result = NONE;
    if (lowerBoundLoosened(sub.minItems, sup.minItems)
        || upperBoundLoosened(sub.maxItems, sup.maxItems)) {
      return MISMATCH;
    }
    if (sub.items != null || sub.itemList != null) {
      if (sub.items != null && sup.items != null) {
        result = compare(sub.items, sup.items);
      } else if (sub.itemList != null && sup.itemList != null) {
        if (sub.itemList.size() != sup.itemList.size()) {
          return MISMATCH;
        }
        for (int i = 0; i < sub.itemList.size() && result < MISMATCH; i++) {
          result = Math.max(result, compare(sub.itemList.get(i), sup.itemList.get(i)));
        }
      } else {
        return MISMATCH;
      }
    }
    if (sub.hasAdditionalItems || sup.hasAdditionalItems) {
      result = Math.max(result, NOT_IMPLEMENTED);
    }
    if (sub.uniqueItems && !sup.uniqueItems) {
      return MISMATCH;
    }
    return result;
  }

  private static boolean lowerBoundLoosened(int sub, int sup) {
    return sub != -1 && (sup == -1 || sup < sub);
  }

  private static boolean upperBoundLoosened(int sub, int sup) {
    return sub != -1 && (sup == -1 || sup > sub);
  }

  private static boolean isInteger(BigDecimal value) {
    return value.stripTrailingZeros().scale() <= 0;
  }

  /** Two schemas compared by identity, to recognise a comparison already under way. */
  private record Pair(JsonSchema subset, JsonSchema superset) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Pair p && p.subset == subset && p.superset == superset;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(subset) * 31 + System.identityHashCode(superset);
    }
  }
}

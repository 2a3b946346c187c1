package org.flyte.compiler.typing;

import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SchemaType;
import flyteidl.core.Types.SchemaType.SchemaColumn.SchemaColumnType;
import flyteidl.core.Types.SimpleType;
import flyteidl.core.Types.StructuredDatasetType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a value of one literal type may be bound where another is expected (Go: {@code
 * AreTypesCastable} and its type checkers in {@code validators/typing.go}, v1.16.8).
 *
 * <p>The rule is chosen by the <em>downstream</em> (expected) type:
 *
 * <ul>
 *   <li>collection / map: the upstream must be a collection / map whose element type casts, or
 *       whose element type is {@code NONE} (an empty literal);
 *   <li>blob: any blob when either format is empty, else equal formats;
 *   <li>schema and structured dataset: column subsets (a schema only from parquet datasets); a
 *       structured dataset also accepts {@code NONE};
 *   <li>union: from a union, every upstream variant must cast to some variant; from anything else,
 *       exactly one variant must accept it (two is ambiguous, hence not castable);
 *   <li>{@code NONE}: only {@code NONE};
 *   <li>everything else: enum and string cast both ways, a structure tag must match, two {@code
 *       STRUCT}s cast when either lacks a JSON schema or the schemas are equal or compatible, and
 *       otherwise the types must be equal once metadata, annotation and structure are ignored (no
 *       numeric widening).
 * </ul>
 *
 * A single-variant union upstream (the type of a union literal) is first tried by its variant.
 */
public final class Castability {

  private Castability() {}

  /**
   * Whether a value of type {@code upstream} can be bound to an input of type {@code downstream}.
   */
  public static boolean isCastable(LiteralType upstream, LiteralType downstream) {
    if (upstream == null || downstream == null) {
      return false;
    }
    if (upstream.hasUnionType()
        && upstream.getUnionType().getVariantsCount() == 1
        && castsFrom(downstream, upstream.getUnionType().getVariants(0))) {
      return true;
    }
    return castsFrom(downstream, upstream);
  }

  /** Whether {@code type} is the simple type {@code NONE} (and nothing else). */
  public static boolean isNone(LiteralType type) {
    return type != null
        && type.getTypeCase() == LiteralType.TypeCase.SIMPLE
        && type.getSimple() == SimpleType.NONE;
  }

  /** The checker of {@code downstream} applied to {@code upstream} (Go: {@code getTypeChecker}). */
  private static boolean castsFrom(LiteralType downstream, LiteralType upstream) {
    if (upstream == null) {
      return false;
    }
    return switch (downstream.getTypeCase()) {
      case COLLECTION_TYPE ->
          upstream.hasCollectionType()
              && (isNone(upstream.getCollectionType())
                  || castsFrom(downstream.getCollectionType(), upstream.getCollectionType()));
      case MAP_VALUE_TYPE ->
          upstream.hasMapValueType()
              && (isNone(upstream.getMapValueType())
                  || castsFrom(downstream.getMapValueType(), upstream.getMapValueType()));
      case BLOB -> {
        if (!upstream.hasBlob()) {
          yield false;
        }
        String up = upstream.getBlob().getFormat();
        String down = downstream.getBlob().getFormat();
        yield up.isEmpty() || down.isEmpty() || up.equals(down);
      }
      case SCHEMA -> schemaCastsFrom(downstream.getSchema(), upstream);
      case STRUCTURED_DATASET_TYPE ->
          structuredDatasetCastsFrom(downstream.getStructuredDatasetType(), upstream);
      case UNION_TYPE -> unionCastsFrom(downstream.getUnionType().getVariantsList(), upstream);
      default -> isNone(downstream) ? isNone(upstream) : trivialCastsFrom(downstream, upstream);
    };
  }

  private static boolean unionCastsFrom(List<LiteralType> variants, LiteralType upstream) {
    if (upstream.hasUnionType()) {
      for (LiteralType up : upstream.getUnionType().getVariantsList()) {
        boolean found = false;
        for (LiteralType down : variants) {
          if (isCastable(up, down)) {
            found = true;
            break;
          }
        }
        if (!found) {
          return false;
        }
      }
      return true;
    }
    boolean foundOne = false;
    for (LiteralType down : variants) {
      if (isCastable(upstream, down)) {
        if (foundOne) {
          return false;
        }
        foundOne = true;
      }
    }
    return foundOne;
  }

  private static boolean trivialCastsFrom(LiteralType downstream, LiteralType upstream) {
    if (upstream.hasEnumType() && downstream.getSimple() == SimpleType.STRING) {
      return true;
    }
    if (downstream.hasEnumType() && upstream.getSimple() == SimpleType.STRING) {
      return true;
    }
    String upstreamTag = upstream.getStructure().getTag();
    if (!upstreamTag.isEmpty() && !downstream.getStructure().getTag().equals(upstreamTag)) {
      return false;
    }
    if (upstream.getSimple() == SimpleType.STRUCT && downstream.getSimple() == SimpleType.STRUCT) {
      if (!upstream.hasMetadata() || !downstream.hasMetadata()) {
        return true;
      }
      return upstream.getMetadata().equals(downstream.getMetadata())
          || JsonSchemaComparison.isCompatible(upstream.getMetadata(), downstream.getMetadata());
    }
    return withoutDetails(upstream).equals(withoutDetails(downstream));
  }

  private static LiteralType withoutDetails(LiteralType type) {
    if (!type.hasStructure() && !type.hasMetadata() && !type.hasAnnotation()) {
      return type;
    }
    return type.toBuilder().clearStructure().clearMetadata().clearAnnotation().build();
  }

  private static boolean schemaCastsFrom(SchemaType downstream, LiteralType upstream) {
    if (upstream.hasSchema()) {
      return schemaColumnsSubset(upstream.getSchema(), downstream);
    }
    if (!upstream.hasStructuredDatasetType()) {
      return false;
    }
    StructuredDatasetType sd = upstream.getStructuredDatasetType();
    if (!sd.getFormat().isEmpty() && !sd.getFormat().equalsIgnoreCase("parquet")) {
      return false;
    }
    if (sd.getColumnsCount() == 0 || downstream.getColumnsCount() == 0) {
      return true;
    }
    Map<String, SimpleType> upstreamColumns = new HashMap<>();
    for (StructuredDatasetType.DatasetColumn column : sd.getColumnsList()) {
      upstreamColumns.put(column.getName(), column.getLiteralType().getSimple());
    }
    for (SchemaType.SchemaColumn column : downstream.getColumnsList()) {
      SimpleType type = upstreamColumns.get(column.getName());
      if (type == null || !columnTypesMatch(column.getType(), type)) {
        return false;
      }
    }
    return true;
  }

  private static boolean structuredDatasetCastsFrom(
      StructuredDatasetType downstream, LiteralType upstream) {
    if (isNone(upstream)) {
      return true;
    }
    if (upstream.hasSchema()) {
      String format = downstream.getFormat();
      if (!format.isEmpty() && !format.equalsIgnoreCase("parquet")) {
        return false;
      }
      SchemaType schema = upstream.getSchema();
      if (schema.getColumnsCount() == 0 || downstream.getColumnsCount() == 0) {
        return true;
      }
      Map<String, SchemaColumnType> upstreamColumns = new HashMap<>();
      for (SchemaType.SchemaColumn column : schema.getColumnsList()) {
        upstreamColumns.put(column.getName(), column.getType());
      }
      for (StructuredDatasetType.DatasetColumn column : downstream.getColumnsList()) {
        SchemaColumnType type = upstreamColumns.get(column.getName());
        if (type == null || !columnTypesMatch(type, column.getLiteralType().getSimple())) {
          return false;
        }
      }
      return true;
    }
    if (!upstream.hasStructuredDatasetType()) {
      return false;
    }
    StructuredDatasetType sd = upstream.getStructuredDatasetType();
    if (!sd.getFormat().isEmpty()
        && !downstream.getFormat().isEmpty()
        && !sd.getFormat().equalsIgnoreCase(downstream.getFormat())) {
      return false;
    }
    if (sd.getColumnsCount() == 0 || downstream.getColumnsCount() == 0) {
      return true;
    }
    Map<String, LiteralType> upstreamColumns = new HashMap<>();
    for (StructuredDatasetType.DatasetColumn column : sd.getColumnsList()) {
      upstreamColumns.put(column.getName(), column.getLiteralType());
    }
    for (StructuredDatasetType.DatasetColumn column : downstream.getColumnsList()) {
      LiteralType type = upstreamColumns.get(column.getName());
      if (type == null || !castsFrom(column.getLiteralType(), type)) {
        return false;
      }
    }
    return true;
  }

  private static boolean schemaColumnsSubset(SchemaType upstream, SchemaType downstream) {
    if (upstream.getColumnsCount() == 0 || downstream.getColumnsCount() == 0) {
      return true;
    }
    Map<String, SchemaColumnType> upstreamColumns = new HashMap<>();
    for (SchemaType.SchemaColumn column : upstream.getColumnsList()) {
      upstreamColumns.put(column.getName(), column.getType());
    }
    for (SchemaType.SchemaColumn column : downstream.getColumnsList()) {
      if (upstreamColumns.get(column.getName()) != column.getType()) {
        return false;
      }
    }
    return true;
  }

  private static boolean columnTypesMatch(SchemaColumnType schemaType, SimpleType datasetType) {
    return switch (schemaType) {
      case INTEGER -> datasetType == SimpleType.INTEGER;
      case FLOAT -> datasetType == SimpleType.FLOAT;
      case STRING -> datasetType == SimpleType.STRING;
      case BOOLEAN -> datasetType == SimpleType.BOOLEAN;
      case DATETIME -> datasetType == SimpleType.DATETIME;
      case DURATION -> datasetType == SimpleType.DURATION;
      default -> false;
    };
  }
}

package org.flyte.compiler.k8s;

import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.StructuredDatasetType;
import flyteidl.core.Types.TypeStructure;
import flyteidl.core.Types.UnionType;
import java.util.Map;

/**
 * Strips what does not affect type compatibility from the interfaces written into the custom
 * resource, as {@code StripTypeMetadata} / {@code StripInterfaceTypeMetadata} of {@code
 * flytepropeller/pkg/compiler/transformers/k8s/utils.go} (v1.16.8) do: every type loses its {@code
 * metadata} and its {@code annotation} (kept when it holds {@code cache-key-metadata}), through
 * collections, maps, unions, dataclass fields and dataset columns; every variable loses its
 * description.
 */
final class TypeMetadataStripping {

  private TypeMetadataStripping() {}

  static TypedInterface strip(TypedInterface iface) {
    TypedInterface.Builder out = iface.toBuilder();
    if (iface.hasInputs()) {
      out.setInputs(strip(iface.getInputs()));
    }
    if (iface.hasOutputs()) {
      out.setOutputs(strip(iface.getOutputs()));
    }
    return out.build();
  }

  private static VariableMap strip(VariableMap variables) {
    VariableMap.Builder out = variables.toBuilder();
    for (Map.Entry<String, Variable> e : variables.getVariablesMap().entrySet()) {
      Variable.Builder variable = e.getValue().toBuilder().clearDescription();
      if (e.getValue().hasType()) {
        variable.setType(strip(e.getValue().getType()));
      }
      out.putVariables(e.getKey(), variable.build());
    }
    return out.build();
  }

  static LiteralType strip(LiteralType type) {
    LiteralType.Builder out = type.toBuilder().clearMetadata();
    if (type.hasAnnotation()
        && !type.getAnnotation()
            .getAnnotations()
            .getFieldsMap()
            .containsKey("cache-key-metadata")) {
      out.clearAnnotation();
    }
    if (type.hasStructure() && type.getStructure().getDataclassTypeCount() > 0) {
      TypeStructure.Builder structure = type.getStructure().toBuilder();
      type.getStructure()
          .getDataclassTypeMap()
          .forEach((name, field) -> structure.putDataclassType(name, strip(field)));
      out.setStructure(structure);
    }
    switch (type.getTypeCase()) {
      case UNION_TYPE -> {
        UnionType.Builder union = type.getUnionType().toBuilder().clearVariants();
        type.getUnionType().getVariantsList().forEach(v -> union.addVariants(strip(v)));
        out.setUnionType(union);
      }
      case MAP_VALUE_TYPE -> out.setMapValueType(strip(type.getMapValueType()));
      case COLLECTION_TYPE -> out.setCollectionType(strip(type.getCollectionType()));
      case STRUCTURED_DATASET_TYPE -> {
        StructuredDatasetType.Builder dataset =
            type.getStructuredDatasetType().toBuilder().clearColumns();
        for (StructuredDatasetType.DatasetColumn column :
            type.getStructuredDatasetType().getColumnsList()) {
          StructuredDatasetType.DatasetColumn.Builder c =
              StructuredDatasetType.DatasetColumn.newBuilder().setName(column.getName());
          if (column.hasLiteralType()) {
            c.setLiteralType(strip(column.getLiteralType()));
          }
          dataset.addColumns(c);
        }
        out.setStructuredDatasetType(dataset);
      }
      default -> {}
    }
    return out.build();
  }
}

package org.flyte.compiler.golden;

import com.google.protobuf.ByteString;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Literals.Binary;
import flyteidl.core.Literals.Blob;
import flyteidl.core.Literals.BlobMetadata;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralCollection;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Literals.StructuredDataset;
import flyteidl.core.Literals.StructuredDatasetMetadata;
import flyteidl.core.Literals.Union;
import flyteidl.core.Literals.Void;
import flyteidl.core.Types.LiteralType;
import java.util.Map;

/**
 * The inputs Flyte's {@code compiler_test.go} (v1.16.8) gives every workflow before building its
 * custom resource ({@code makeDefaultInputs}): a default literal per input variable ({@code
 * coreutils.MustMakeDefaultLiteralForType}), with a structured dataset carrying just its type and a
 * datetime of 10 microseconds after the epoch.
 */
final class DefaultLiterals {

  private DefaultLiterals() {}

  /** Null when the interface has no inputs, as {@code makeDefaultInputs} answers nil. */
  static LiteralMap forInterface(TypedInterface iface) {
    if (!iface.hasInputs()) {
      return null;
    }
    LiteralMap.Builder out = LiteralMap.newBuilder();
    for (Map.Entry<String, Variable> e : iface.getInputs().getVariablesMap().entrySet()) {
      LiteralType type = e.getValue().getType();
      if (type.hasStructuredDatasetType()) {
        out.putLiterals(
            e.getKey(),
            scalar(
                Scalar.newBuilder()
                    .setStructuredDataset(
                        StructuredDataset.newBuilder()
                            .setMetadata(
                                StructuredDatasetMetadata.newBuilder()
                                    .setStructuredDatasetType(type.getStructuredDatasetType())))
                    .build()));
      } else if (type.hasSimple() && type.getSimple() == flyteidl.core.Types.SimpleType.DATETIME) {
        out.putLiterals(
            e.getKey(),
            primitive(
                Primitive.newBuilder()
                    .setDatetime(Timestamp.newBuilder().setNanos(10_000))
                    .build()));
      } else {
        out.putLiterals(e.getKey(), forType(type));
      }
    }
    return out.build();
  }

  /** {@code MakeDefaultLiteralForType}. */
  static Literal forType(LiteralType type) {
    return switch (type.getTypeCase()) {
      case SIMPLE ->
          switch (type.getSimple()) {
            case NONE -> scalar(Scalar.newBuilder().setNoneType(Void.getDefaultInstance()).build());
            case INTEGER -> primitive(Primitive.newBuilder().setInteger(0).build());
            case FLOAT -> primitive(Primitive.newBuilder().setFloatValue(0).build());
            case STRING -> primitive(Primitive.newBuilder().setStringValue("").build());
            case BOOLEAN -> primitive(Primitive.newBuilder().setBoolean(false).build());
            case DURATION ->
                primitive(
                    Primitive.newBuilder()
                        .setDuration(com.google.protobuf.Duration.newBuilder().setSeconds(1))
                        .build());
            case BINARY ->
                scalar(
                    Scalar.newBuilder()
                        .setBinary(Binary.newBuilder().setValue(ByteString.EMPTY))
                        .build());
            case ERROR ->
                scalar(
                    Scalar.newBuilder()
                        .setError(
                            flyteidl.core.Types.Error.newBuilder()
                                .setMessage("Default Error message"))
                        .build());
            case STRUCT ->
                scalar(Scalar.newBuilder().setGeneric(Struct.getDefaultInstance()).build());
            default -> throw new IllegalArgumentException("no default for " + type);
          };
      case BLOB ->
          scalar(
              Scalar.newBuilder()
                  .setBlob(
                      Blob.newBuilder()
                          .setMetadata(BlobMetadata.newBuilder().setType(type.getBlob()))
                          .setUri("/tmp/somepath"))
                  .build());
      case COLLECTION_TYPE ->
          Literal.newBuilder()
              .setCollection(
                  LiteralCollection.newBuilder().addLiterals(forType(type.getCollectionType())))
              .build();
      case MAP_VALUE_TYPE ->
          Literal.newBuilder()
              .setMap(
                  LiteralMap.newBuilder().putLiterals("itemKey", forType(type.getMapValueType())))
              .build();
      case ENUM_TYPE ->
          primitive(Primitive.newBuilder().setStringValue(type.getEnumType().getValues(0)).build());
      case UNION_TYPE ->
          scalar(
              Scalar.newBuilder()
                  .setUnion(
                      Union.newBuilder()
                          .setType(type.getUnionType().getVariants(0))
                          .setValue(forType(type.getUnionType().getVariants(0))))
                  .build());
      default -> throw new IllegalArgumentException("no default for " + type);
    };
  }

  private static Literal primitive(Primitive primitive) {
    return scalar(Scalar.newBuilder().setPrimitive(primitive).build());
  }

  private static Literal scalar(Scalar scalar) {
    return Literal.newBuilder().setScalar(scalar).build();
  }
}

package org.flyte.compiler.typing;

import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import flyteidl.core.Types.StructuredDatasetType;
import flyteidl.core.Types.UnionType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flyte.compiler.graph.ProtoText;

/**
 * The literal type of a literal value (Go: {@code LiteralTypeForLiteral}, {@code
 * literalTypeForScalar}, {@code literalTypeForPrimitive} and {@code ValidateLiteralType} in {@code
 * validators/utils.go}, v1.16.8). Used for scalar bindings by the compiler, and by FlyteAdmin for
 * launch-plan defaults and fixed inputs, execution inputs and signal values.
 *
 * <p>Rules: primitives map to their simple type; a blob to its metadata's blob type; binary to
 * {@code STRUCT} when tagged {@code msgpack}, else {@code BINARY}; none to {@code NONE}; a
 * collection to a collection of its element type, where elements of different types make a union of
 * the distinct types sorted by their text and an empty collection is a collection of {@code NONE};
 * maps likewise; an offloaded literal to its inferred type.
 *
 * <p>Where Flyte would build a type with an unknown part (a collection holding a value whose type
 * cannot be inferred), this returns no type at all: Flyte's type would make its own checks fail
 * with a nil dereference.
 */
public final class LiteralTypeInference {

  /** The message tag of a MessagePack-encoded binary (Go: {@code coreutils.MESSAGEPACK}). */
  public static final String MESSAGEPACK = "msgpack";

  /**
   * What Flyte's {@code ValidateLiteralType} reports for a literal whose type cannot be inferred
   * (FlyteAdmin wraps it in an {@code InvalidLiteralType} error naming the input).
   */
  public static final String UNKNOWN_LITERAL_TYPE =
      "got unknown literal type: [<nil>].\n"
          + "Suggested solution: Please update all your Flyte deployment images to the latest"
          + " version and try again";

  private static final LiteralType NONE = simple(SimpleType.NONE);

  private LiteralTypeInference() {}

  /** The type of {@code literal}, empty when it cannot be inferred. */
  public static Optional<LiteralType> inferType(Literal literal) {
    return Optional.ofNullable(forLiteral(literal));
  }

  /** The type of a scalar, or null when it is unknown (a blob without metadata, an empty one). */
  public static LiteralType forScalar(Scalar scalar) {
    return switch (scalar.getValueCase()) {
      case PRIMITIVE -> forPrimitive(scalar.getPrimitive());
      case BLOB ->
          scalar.getBlob().hasMetadata()
              ? LiteralType.newBuilder().setBlob(scalar.getBlob().getMetadata().getType()).build()
              : null;
      case BINARY ->
          simple(
              MESSAGEPACK.equals(scalar.getBinary().getTag())
                  ? SimpleType.STRUCT
                  : SimpleType.BINARY);
      case SCHEMA -> LiteralType.newBuilder().setSchema(scalar.getSchema().getType()).build();
      case STRUCTURED_DATASET ->
          LiteralType.newBuilder()
              .setStructuredDatasetType(
                  scalar.getStructuredDataset().hasMetadata()
                      ? scalar.getStructuredDataset().getMetadata().getStructuredDatasetType()
                      : StructuredDatasetType.getDefaultInstance())
              .build();
      case NONE_TYPE -> NONE;
      case ERROR -> simple(SimpleType.ERROR);
      case GENERIC -> simple(SimpleType.STRUCT);
      case UNION ->
          LiteralType.newBuilder()
              .setUnionType(UnionType.newBuilder().addVariants(scalar.getUnion().getType()))
              .build();
      case VALUE_NOT_SET -> null;
    };
  }

  /** The simple type of a primitive ({@code NONE} for an empty one). */
  public static LiteralType forPrimitive(Primitive primitive) {
    return simple(
        switch (primitive.getValueCase()) {
          case INTEGER -> SimpleType.INTEGER;
          case FLOAT_VALUE -> SimpleType.FLOAT;
          case STRING_VALUE -> SimpleType.STRING;
          case BOOLEAN -> SimpleType.BOOLEAN;
          case DATETIME -> SimpleType.DATETIME;
          case DURATION -> SimpleType.DURATION;
          case VALUE_NOT_SET -> SimpleType.NONE;
        });
  }

  private static LiteralType forLiteral(Literal literal) {
    return switch (literal.getValueCase()) {
      case SCALAR -> forScalar(literal.getScalar());
      case COLLECTION -> {
        LiteralType element = forLiterals(literal.getCollection().getLiteralsList());
        yield element == null ? null : LiteralType.newBuilder().setCollectionType(element).build();
      }
      case MAP -> {
        LiteralType value = forLiterals(literal.getMap().getLiteralsMap().values());
        yield value == null ? null : LiteralType.newBuilder().setMapValueType(value).build();
      }
      case OFFLOADED_METADATA ->
          literal.getOffloadedMetadata().hasInferredType()
              ? literal.getOffloadedMetadata().getInferredType()
              : null;
      case VALUE_NOT_SET -> null;
    };
  }

  private static LiteralType forLiterals(Collection<Literal> literals) {
    List<LiteralType> distinct = new ArrayList<>();
    Set<LiteralType> seen = new HashSet<>();
    LiteralType emptyCollection = null;
    for (Literal literal : literals) {
      LiteralType type = forLiteral(literal);
      if (type == null) {
        return null;
      }
      if (literal.hasCollection() && literal.getCollection().getLiteralsCount() == 0) {
        emptyCollection = type;
        continue;
      }
      if (seen.add(type)) {
        distinct.add(type);
      }
    }
    if (distinct.isEmpty() && emptyCollection != null) {
      distinct.add(emptyCollection);
    }
    if (distinct.isEmpty()) {
      return NONE;
    }
    if (distinct.size() == 1) {
      return distinct.get(0);
    }
    distinct.sort(Comparator.comparing(ProtoText::render));
    return union(distinct);
  }

  private static LiteralType union(List<LiteralType> types) {
    UnionType.Builder union = UnionType.newBuilder();
    boolean nested = false;
    for (LiteralType type : types) {
      if (type.getCollectionType().hasUnionType()) {
        nested = true;
        union.addAllVariants(type.getCollectionType().getUnionType().getVariantsList());
      } else {
        union.addVariants(type);
      }
    }
    LiteralType unionType = LiteralType.newBuilder().setUnionType(union).build();
    return nested ? LiteralType.newBuilder().setCollectionType(unionType).build() : unionType;
  }

  private static LiteralType simple(SimpleType type) {
    return LiteralType.newBuilder().setSimple(type).build();
  }
}

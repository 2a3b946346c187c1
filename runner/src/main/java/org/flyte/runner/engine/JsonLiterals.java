package org.flyte.runner.engine;

import com.google.protobuf.Value;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralCollection;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;

/** Literals built from JSON values (attributes of dataclasses and dicts). */
final class JsonLiterals {

  private JsonLiterals() {}

  /** A JSON value as the literal flytekit reads: numbers, strings, booleans, lists, structs. */
  static Literal fromValue(Value value) {
    return switch (value.getKindCase()) {
      case NUMBER_VALUE -> {
        double d = value.getNumberValue();
        Primitive p =
            d == Math.rint(d) && Math.abs(d) < 1e15
                ? Primitive.newBuilder().setInteger((long) d).build()
                : Primitive.newBuilder().setFloatValue(d).build();
        yield scalar(Scalar.newBuilder().setPrimitive(p).build());
      }
      case STRING_VALUE ->
          scalar(
              Scalar.newBuilder()
                  .setPrimitive(Primitive.newBuilder().setStringValue(value.getStringValue()))
                  .build());
      case BOOL_VALUE ->
          scalar(
              Scalar.newBuilder()
                  .setPrimitive(Primitive.newBuilder().setBoolean(value.getBoolValue()))
                  .build());
      case LIST_VALUE -> {
        LiteralCollection.Builder items = LiteralCollection.newBuilder();
        value.getListValue().getValuesList().forEach(v -> items.addLiterals(fromValue(v)));
        yield Literal.newBuilder().setCollection(items).build();
      }
      case STRUCT_VALUE -> scalar(Scalar.newBuilder().setGeneric(value.getStructValue()).build());
      default ->
          scalar(
              Scalar.newBuilder()
                  .setNoneType(flyteidl.core.Literals.Void.getDefaultInstance())
                  .build());
    };
  }

  static Literal scalar(Scalar scalar) {
    return Literal.newBuilder().setScalar(scalar).build();
  }
}

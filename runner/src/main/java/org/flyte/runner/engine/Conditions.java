package org.flyte.runner.engine;

import com.google.protobuf.util.Durations;
import com.google.protobuf.util.Timestamps;
import flyteidl.core.Condition.BooleanExpression;
import flyteidl.core.Condition.ComparisonExpression;
import flyteidl.core.Condition.ConjunctionExpression;
import flyteidl.core.Condition.Operand;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;

/**
 * Evaluates branch conditions ({@code flytepropeller/pkg/controller/nodes/branch/comparator.go} and
 * {@code evaluator.go}, v1.16.8): comparisons of primitives (integers and floats compare with each
 * other), {@code None} equal only to {@code None}, {@code and} / {@code or}.
 */
final class Conditions {

  private Conditions() {}

  static boolean evaluate(BooleanExpression expr, LiteralMap inputs) throws NodeFailure.Raised {
    if (expr.hasConjunction()) {
      ConjunctionExpression c = expr.getConjunction();
      boolean left = evaluate(c.getLeftExpression(), inputs);
      return switch (c.getOperator()) {
        case AND -> left && evaluate(c.getRightExpression(), inputs);
        case OR -> left || evaluate(c.getRightExpression(), inputs);
        default -> throw bad("unknown conjunction " + c.getOperator());
      };
    }
    return compare(expr.getComparison(), inputs);
  }

  private static boolean compare(ComparisonExpression c, LiteralMap inputs)
      throws NodeFailure.Raised {
    Scalar left = operand(c.getLeftValue(), inputs);
    Scalar right = operand(c.getRightValue(), inputs);
    if (left.hasNoneType() || right.hasNoneType()) {
      boolean bothNone = left.hasNoneType() && right.hasNoneType();
      return switch (c.getOperator()) {
        case EQ -> bothNone;
        case NEQ -> !bothNone;
        default -> throw bad("only EQ and NEQ compare with None");
      };
    }
    if (!left.hasPrimitive() || !right.hasPrimitive()) {
      throw bad("only primitives and None can be compared");
    }
    int order = order(left.getPrimitive(), right.getPrimitive());
    return switch (c.getOperator()) {
      case EQ -> order == 0;
      case NEQ -> order != 0;
      case GT -> order > 0;
      case GTE -> order >= 0;
      case LT -> order < 0;
      case LTE -> order <= 0;
      default -> throw bad("unknown comparison " + c.getOperator());
    };
  }

  private static int order(Primitive a, Primitive b) throws NodeFailure.Raised {
    if (isNumber(a) && isNumber(b)) {
      if (a.hasInteger() && b.hasInteger()) {
        return Long.compare(a.getInteger(), b.getInteger());
      }
      return Double.compare(number(a), number(b));
    }
    if (a.getValueCase() != b.getValueCase()) {
      throw bad("cannot compare " + a.getValueCase() + " with " + b.getValueCase());
    }
    return switch (a.getValueCase()) {
      case STRING_VALUE -> a.getStringValue().compareTo(b.getStringValue());
      case BOOLEAN -> Boolean.compare(a.getBoolean(), b.getBoolean());
      case DATETIME -> Timestamps.compare(a.getDatetime(), b.getDatetime());
      case DURATION -> Durations.compare(a.getDuration(), b.getDuration());
      default -> throw bad("cannot compare " + a.getValueCase());
    };
  }

  private static boolean isNumber(Primitive p) {
    return p.hasInteger() || p.hasFloatValue();
  }

  private static double number(Primitive p) {
    return p.hasInteger() ? p.getInteger() : p.getFloatValue();
  }

  private static Scalar operand(Operand o, LiteralMap inputs) throws NodeFailure.Raised {
    return switch (o.getValCase()) {
      case PRIMITIVE -> Scalar.newBuilder().setPrimitive(o.getPrimitive()).build();
      case SCALAR -> o.getScalar();
      case VAR -> {
        Literal value = inputs.getLiteralsMap().get(o.getVar());
        if (value == null) {
          throw NodeFailure.user(
                  "VariableNotFound",
                  "the branch condition uses [" + o.getVar() + "], which is not an input",
                  false)
              .raise();
        }
        Scalar s = value.getScalar();
        yield s.hasUnion() ? s.getUnion().getValue().getScalar() : s;
      }
      default -> throw bad("an operand is empty");
    };
  }

  private static NodeFailure.Raised bad(String message) {
    return NodeFailure.user("ComparisonFailed", message, false).raise();
  }
}

package org.flyte.compiler.validators;

import flyteidl.core.Interface.Variable;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.OutputReference;
import flyteidl.core.Types.PromiseAttribute;
import java.util.List;
import org.flyte.compiler.errors.CompileError;
import org.flyte.compiler.errors.CompileErrors;
import org.flyte.compiler.graph.CompilingNode;
import org.flyte.compiler.graph.ProtoText;
import org.flyte.compiler.graph.WorkflowScope;
import org.flyte.compiler.typing.Castability;
import org.flyte.compiler.typing.VariableName;
import org.flyte.compiler.validators.BindingValidator.Resolved;

/**
 * Promise bindings, a node output feeding an input (Go: the promise case of {@code validateBinding}
 * in {@code validators/bindings.go}, v1.16.8).
 *
 * <p>The producer must exist (an empty id is the workflow's inputs, {@code start-node}); the
 * variable must parse as {@code name} or {@code [index].name} and be an output of the producer; an
 * index requires a collection; each attribute-path element steps into a collection's elements, a
 * map's values or a dataclass field (an unknown field is an error); the type reached must be
 * castable to the input's. The promise's node id is then rewritten to the producer's id.
 *
 * <p>Beyond Flyte: when the producer's interface is unknown only because it references something
 * that was not supplied (already reported), the promise is accepted without type checks instead of
 * reporting the producer's outputs as missing.
 */
final class PromiseValidator {

  private PromiseValidator() {}

  static Resolved validatePromise(
      WorkflowScope scope,
      CompilingNode node,
      String param,
      OutputReference.Builder promise,
      LiteralType expected,
      CompileErrors errs,
      boolean validateParamTypes) {
    CompilingNode producer = BindingValidator.producer(scope, promise.getNodeId(), errs);
    if (producer != null) {
      VariableName variable = VariableName.parse(promise.getVar());
      if (variable == null) {
        errs.collect(CompileError.syntaxError(node.id(), promise.getVar()));
        return Resolved.failed();
      }
      if (validateParamTypes && producer.iface() == null && producer.unresolvedReference()) {
        promise.setNodeId(producer.id());
        return new Resolved(expected, List.of(producer.id()), true);
      }
      String inputVar =
          node.node().hasMetadata() ? node.node().getMetadata().getName() + "." + param : param;
      String outputVar =
          producer.node().hasMetadata()
              ? producer.node().getMetadata().getName() + "." + promise.getVar()
              : promise.getVar();
      Variable output = Variables.outputVariable(producer, variable.name(), errs);
      if (output != null) {
        LiteralType source = output.getType();
        if (variable.index() != null) {
          if (!output.getType().hasCollectionType()) {
            errs.collect(
                CompileError.mismatchingVariables(
                    node.id(),
                    outputVar,
                    ProtoText.literalType(output.getType()),
                    inputVar,
                    ProtoText.literalType(expected)));
          } else {
            source = output.getType().getCollectionType();
          }
        }
        for (PromiseAttribute attribute : promise.getAttrPathList()) {
          if (source.hasCollectionType()) {
            source = source.getCollectionType();
          } else if (source.hasMapValueType()) {
            source = source.getMapValueType();
          } else if (source.getStructure().getDataclassTypeCount() > 0) {
            LiteralType field =
                source.getStructure().getDataclassTypeMap().get(attribute.getStringValue());
            if (field == null) {
              errs.collect(
                  CompileError.fieldNotFound(
                      node.id(),
                      promise.getVar(),
                      ProtoText.render(source),
                      attribute.getStringValue()));
              return Resolved.failed();
            }
            source = field;
          }
        }
        if (!validateParamTypes || Castability.isCastable(source, expected)) {
          promise.setNodeId(producer.id());
          return new Resolved(output.getType(), List.of(producer.id()), true);
        }
        errs.collect(
            CompileError.mismatchingVariables(
                node.id(),
                outputVar,
                ProtoText.literalType(source),
                inputVar,
                ProtoText.literalType(expected)));
        return Resolved.failed();
      }
    }
    errs.collect(CompileError.parameterNotBound(node.id(), param));
    return Resolved.failed();
  }
}

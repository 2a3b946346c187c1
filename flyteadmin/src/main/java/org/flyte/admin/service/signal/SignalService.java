package org.flyte.admin.service.signal;

import flyteidl.admin.SignalOuterClass.Signal;
import flyteidl.admin.SignalOuterClass.SignalGetOrCreateRequest;
import flyteidl.admin.SignalOuterClass.SignalList;
import flyteidl.admin.SignalOuterClass.SignalListRequest;
import flyteidl.admin.SignalOuterClass.SignalSetRequest;
import flyteidl.admin.SignalOuterClass.SignalSetResponse;
import flyteidl.core.IdentifierOuterClass.SignalIdentifier;
import flyteidl.core.Types.LiteralType;
import java.util.List;
import java.util.Optional;
import org.flyte.admin.repository.query.FilterEntity;
import org.flyte.admin.repository.query.FilterParser;
import org.flyte.admin.repository.query.PageRequest;
import org.flyte.admin.repository.query.SortOrder;
import org.flyte.admin.repository.signal.SignalRepository;
import org.flyte.admin.service.validation.ExecutionRequestValidator;
import org.flyte.admin.service.validation.Validation;
import org.flyte.common.error.FlyteException;
import org.flyte.compiler.graph.ProtoText;
import org.flyte.compiler.typing.Castability;
import org.flyte.compiler.typing.LiteralTypeInference;
import org.springframework.stereotype.Service;

/**
 * SignalService: GetOrCreateSignal, ListSignals, SetSignal. Follows {@code
 * flyteadmin/pkg/manager/impl/signal_manager.go} and {@code validation/signal_validator.go} (Flyte
 * v1.16.8):
 *
 * <ul>
 *   <li>GetOrCreateSignal is first-or-create on the execution, the signal id <em>and</em> the type:
 *       the same id with another type is ALREADY_EXISTS; the execution is not checked;
 *   <li>SetSignal needs the signal (INVALID_ARGUMENT otherwise) and a value whose inferred type
 *       casts to the signal's; setting again overwrites, as in Flyte (propeller reads the value on
 *       its next poll of GetOrCreateSignal and never again after its gate node completes).
 * </ul>
 */
@Service
public class SignalService {

  private final SignalRepository signals;

  public SignalService(SignalRepository signals) {
    this.signals = signals;
  }

  public Signal getOrCreate(SignalGetOrCreateRequest request) {
    if (!request.hasId()) {
      throw Validation.missing("id");
    }
    validateId(request.getId());
    if (!request.hasType()) {
      throw Validation.missing("type");
    }
    LiteralType type = request.getType();
    Optional<Signal> existing = signals.find(request.getId());
    if (existing.isEmpty()) {
      signals.insertIfAbsent(request.getId(), type);
      existing = signals.find(request.getId());
    }
    Signal signal = existing.orElseThrow();
    if (!signal.getType().equals(type)) {
      throw FlyteException.alreadyExists(
          "value with matching already exists (duplicate key value violates unique constraint"
              + " \"signals_pkey\")");
    }
    return signal;
  }

  public SignalList list(SignalListRequest request) {
    if (!request.hasWorkflowExecutionId()) {
      throw Validation.missing("execution_id");
    }
    try {
      ExecutionRequestValidator.validateId(request.getWorkflowExecutionId(), true);
    } catch (FlyteException e) {
      throw Validation.missing("execution_id");
    }
    if (request.getLimit() == 0) {
      throw FlyteException.invalidArgument("invalid value for limit");
    }
    long offset;
    try {
      offset = PageRequest.offset(request.getToken(), "ListSignals");
    } catch (FlyteException e) {
      throw FlyteException.invalidArgument(
          "invalid pagination token %s for ListSignals", request.getToken());
    }
    PageRequest page = new PageRequest(PageRequest.unsigned(request.getLimit()), offset);
    List<Signal> rows =
        signals.list(
            request.getWorkflowExecutionId(),
            FilterParser.parse(request.getFilters(), FilterEntity.SIGNAL),
            SortOrder.of(request.hasSortBy() ? request.getSortBy() : null, FilterEntity.SIGNAL),
            page);
    return SignalList.newBuilder()
        .addAllSignals(rows)
        .setToken(page.nextToken(rows.size()))
        .build();
  }

  public SignalSetResponse set(SignalSetRequest request) {
    if (!request.hasId()) {
      throw Validation.missing("id");
    }
    validateId(request.getId());
    if (!request.hasValue()) {
      throw Validation.missing("value");
    }
    Signal signal =
        signals
            .find(request.getId())
            .orElseThrow(
                () ->
                    FlyteException.invalidArgument(
                        "failed to validate that signal [%s] exists, err: [missing entity of type"
                            + " signal]",
                        ProtoText.render(request.getId())));
    Optional<LiteralType> valueType = LiteralTypeInference.inferType(request.getValue());
    if (valueType.isEmpty()) {
      throw FlyteException.invalidArgument(
          "Failed to validate literal type for [] with err: %s",
          LiteralTypeInference.UNKNOWN_LITERAL_TYPE);
    }
    if (!Castability.isCastable(valueType.get(), signal.getType())) {
      throw FlyteException.invalidArgument(
          "requested signal value [%s] is not castable to existing signal type [%s]",
          ProtoText.render(request.getValue()), ProtoText.literalType(signal.getType()));
    }
    if (!signals.setValue(request.getId(), request.getValue())) {
      throw FlyteException.notFound("signal does not exist");
    }
    return SignalSetResponse.getDefaultInstance();
  }

  private static void validateId(SignalIdentifier id) {
    if (!id.hasExecutionId()) {
      throw Validation.missing("execution_id");
    }
    if (id.getSignalId().isEmpty()) {
      throw Validation.missing("signal_id");
    }
    ExecutionRequestValidator.validateId(id.getExecutionId(), true);
  }
}

package org.flyte.admin.service.execution;

import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.Event.EventErrorAlreadyInTerminalState;
import flyteidl.admin.Event.EventFailureReason;
import flyteidl.admin.ExecutionOuterClass.AbortMetadata;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.ExecutionClosure;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateResponse;
import flyteidl.admin.ExecutionOuterClass.ExecutionList;
import flyteidl.admin.ExecutionOuterClass.ExecutionMetadata;
import flyteidl.admin.ExecutionOuterClass.ExecutionRecoverRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionRelaunchRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionSpec;
import flyteidl.admin.ExecutionOuterClass.ExecutionStateChangeDetails;
import flyteidl.admin.ExecutionOuterClass.ExecutionTerminateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionTerminateResponse;
import flyteidl.admin.ExecutionOuterClass.ExecutionUpdateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionUpdateResponse;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetRequest;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Literals.LiteralMap;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.flyte.admin.executor.AbortData;
import org.flyte.admin.executor.NamespaceMappingProperties;
import org.flyte.admin.executor.WorkflowExecutor;
import org.flyte.admin.repository.execution.ExecutionRepository;
import org.flyte.admin.repository.execution.ExecutionRepository.ListQuery;
import org.flyte.admin.repository.execution.ExecutionRow;
import org.flyte.admin.repository.query.Filter;
import org.flyte.admin.repository.query.FilterEntity;
import org.flyte.admin.repository.query.FilterParser;
import org.flyte.admin.repository.query.PageRequest;
import org.flyte.admin.repository.query.SortOrder;
import org.flyte.admin.service.validation.ExecutionRequestValidator;
import org.flyte.admin.service.validation.ListRequests;
import org.flyte.common.auth.CallerIdentity;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.common.storage.DataReference;
import org.flyte.common.storage.ProtoStore;
import org.flyte.compiler.graph.ProtoText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Executions: CreateExecution, RelaunchExecution, RecoverExecution, TerminateExecution,
 * UpdateExecution, GetExecution and ListExecutions. Follows {@code
 * flyteadmin/pkg/manager/impl/execution_manager.go} (v1.16.8); the creation itself is {@link
 * ExecutionLauncher}'s, the data {@link ExecutionDataService}'s.
 *
 * <ul>
 *   <li>a relaunch or recovery re-runs the whole creation with the original's stored spec and the
 *       inputs its caller gave (its {@code user_inputs}), in mode RELAUNCH / RECOVERED with the
 *       original as {@code reference_execution} and {@code source_execution_id};
 *   <li>terminating records ABORTING with the cause before the executor is asked to abort (the
 *       final ABORTED comes as an event); a terminal execution is FAILED_PRECONDITION with the
 *       {@code EventFailureReason.already_in_terminal_state} detail; an ABORTING one may be
 *       terminated again;
 *   <li>archiving has no phase restriction and does not check the state's value;
 *   <li>lists hide archived executions unless a filter names a field {@code state}.
 * </ul>
 */
@Service
public class ExecutionService {

  private final ExecutionLauncher launcher;
  private final ExecutionRepository executions;
  private final WorkflowExecutors executors;
  private final ProtoStore store;
  private final NamespaceMappingProperties namespaces;
  private final TransactionTemplate transactions;
  private final Clock clock = Clock.systemUTC();

  public ExecutionService(
      ExecutionLauncher launcher,
      ExecutionRepository executions,
      WorkflowExecutors executors,
      ProtoStore store,
      NamespaceMappingProperties namespaces,
      TransactionTemplate transactions) {
    this.launcher = launcher;
    this.executions = executions;
    this.executors = executors;
    this.store = store;
    this.namespaces = namespaces;
    this.transactions = transactions;
  }

  /** CreateExecution (inputs in the deprecated {@code spec.inputs} are still read). */
  public ExecutionCreateResponse create(ExecutionCreateRequest request) {
    Instant requestedAt = clock.instant();
    if (request.getInputs().getLiteralsCount() == 0) {
      request = request.toBuilder().setInputs(request.getSpec().getInputs()).build();
    }
    return response(launcher.launch(request, requestedAt, 0));
  }

  /** RelaunchExecution. */
  public ExecutionCreateResponse relaunch(ExecutionRelaunchRequest request) {
    Instant requestedAt = clock.instant();
    ExecutionRow original = find(request.getId());
    ExecutionSpec.Builder spec = original.spec().toBuilder();
    LiteralMap inputs =
        original.userInputsUri().isEmpty() ? original.spec().getInputs() : readUserInputs(original);
    spec.getMetadataBuilder()
        .setMode(ExecutionMetadata.ExecutionMode.RELAUNCH)
        .setReferenceExecution(original.id());
    spec.setOverwriteCache(request.getOverwriteCache());
    return response(
        launcher.launch(
            again(original, request.getName(), spec, inputs), requestedAt, original.rowId()));
  }

  /** RecoverExecution. */
  public ExecutionCreateResponse recover(ExecutionRecoverRequest request) {
    Instant requestedAt = clock.instant();
    ExecutionRow original = find(request.getId());
    ExecutionSpec.Builder spec = original.spec().toBuilder();
    LiteralMap inputs =
        original.userInputsUri().isEmpty()
            ? LiteralMap.getDefaultInstance()
            : readUserInputs(original);
    ExecutionMetadata.Builder metadata = spec.getMetadataBuilder();
    if (request.hasMetadata()) {
      if (request.getMetadata().hasParentNodeExecution()) {
        metadata.setParentNodeExecution(request.getMetadata().getParentNodeExecution());
      } else {
        metadata.clearParentNodeExecution();
      }
    }
    metadata
        .setMode(ExecutionMetadata.ExecutionMode.RECOVERED)
        .setReferenceExecution(original.id());
    return response(
        launcher.launch(
            again(original, request.getName(), spec, inputs), requestedAt, original.rowId()));
  }

  /** TerminateExecution. */
  public ExecutionTerminateResponse terminate(ExecutionTerminateRequest request) {
    ExecutionRequestValidator.validateId(request.getId(), request.hasId());
    WorkflowExecutionIdentifier id = request.getId();
    ExecutionRow aborting =
        transactions.execute(
            tx -> {
              ExecutionRow row = executions.findForUpdate(id).orElseThrow(() -> missing(id));
              if (ExecutionMessages.isTerminal(row.phase())) {
                throw new FlyteException(
                    ErrorCode.FAILED_PRECONDITION,
                    "Cannot abort an already terminated workflow execution",
                    List.of(
                        EventFailureReason.newBuilder()
                            .setAlreadyInTerminalState(
                                EventErrorAlreadyInTerminalState.newBuilder()
                                    .setCurrentPhase(row.phase()))
                            .build()));
              }
              executors.require();
              ExecutionClosure closure =
                  row.closure().toBuilder()
                      .setPhase(WorkflowExecution.Phase.ABORTING)
                      .setAbortMetadata(
                          AbortMetadata.newBuilder()
                              .setCause(request.getCause())
                              .setPrincipal(principal()))
                      .build();
              ExecutionRow updated =
                  row.toBuilder()
                      .phase(WorkflowExecution.Phase.ABORTING.name())
                      .closure(closure)
                      .abortCause(request.getCause())
                      .build();
              executions.update(updated);
              return updated;
            });
    WorkflowExecutor executor = executors.require();
    executor.abort(
        new AbortData(
            namespaces.namespace(id.getProject(), id.getDomain()), id, aborting.cluster()));
    return ExecutionTerminateResponse.getDefaultInstance();
  }

  /** UpdateExecution: archive or activate. */
  public ExecutionUpdateResponse update(ExecutionUpdateRequest request) {
    Instant requestedAt = clock.instant();
    ExecutionRequestValidator.validateId(request.getId(), request.hasId());
    transactions.executeWithoutResult(
        tx -> {
          ExecutionRow row =
              executions.findForUpdate(request.getId()).orElseThrow(() -> missing(request.getId()));
          ExecutionClosure closure =
              row.closure().toBuilder()
                  .setStateChangeDetails(
                      ExecutionStateChangeDetails.newBuilder()
                          .setStateValue(request.getStateValue())
                          .setPrincipal(principal())
                          .setOccurredAt(ExecutionMessages.timestamp(requestedAt)))
                  .build();
          executions.update(
              row.toBuilder().state(request.getStateValue()).closure(closure).build());
        });
    return ExecutionUpdateResponse.getDefaultInstance();
  }

  /** GetExecution. */
  public Execution get(WorkflowExecutionGetRequest request) {
    ExecutionRequestValidator.validateId(request.getId(), request.hasId());
    WorkflowExecutionIdentifier id = request.getId();
    return ExecutionMessages.forGet(
        find(id), namespaces.namespace(id.getProject(), id.getDomain()));
  }

  /** ListExecutions. */
  public ExecutionList list(ResourceListRequest request) {
    ListRequests.resourceList(request);
    List<Filter> filters = FilterParser.parse(request.getFilters(), FilterEntity.EXECUTION);
    Optional<SortOrder> sort =
        SortOrder.of(request.hasSortBy() ? request.getSortBy() : null, FilterEntity.EXECUTION);
    long offset;
    try {
      offset = PageRequest.offset(request.getToken(), "ListExecutions");
    } catch (FlyteException e) {
      // Flyte reports every token problem, a negative offset included, in this one message.
      throw FlyteException.invalidArgument(
          "invalid pagination token %s for ListExecutions", request.getToken());
    }
    PageRequest page = new PageRequest(request.getLimit(), offset);
    List<ExecutionRow> rows =
        executions.list(
            new ListQuery(
                request.getId().getProject(),
                request.getId().getDomain(),
                request.getId().getName(),
                filters,
                !FilterParser.mentions(filters, "state"),
                sort,
                page));
    ExecutionList.Builder list = ExecutionList.newBuilder().setToken(page.nextToken(rows.size()));
    rows.forEach(row -> list.addExecutions(ExecutionMessages.forList(row)));
    return list.build();
  }

  private ExecutionCreateRequest again(
      ExecutionRow original, String name, ExecutionSpec.Builder spec, LiteralMap inputs) {
    return ExecutionCreateRequest.newBuilder()
        .setProject(original.id().getProject())
        .setDomain(original.id().getDomain())
        .setName(name)
        .setSpec(spec)
        .setInputs(inputs)
        .build();
  }

  private LiteralMap readUserInputs(ExecutionRow row) {
    try {
      return store.read(DataReference.parse(row.userInputsUri()), LiteralMap.parser());
    } catch (FlyteException e) {
      throw new FlyteException(
          ErrorCode.INTERNAL,
          "failed to read the inputs of execution " + row.id().getName() + ": " + e.getMessage(),
          e);
    }
  }

  private ExecutionRow find(WorkflowExecutionIdentifier id) {
    return executions.find(id).orElseThrow(() -> missing(id));
  }

  static FlyteException missing(WorkflowExecutionIdentifier id) {
    return FlyteException.notFound(
        "missing entity of type execution with identifier %s", ProtoText.render(id));
  }

  /** The caller's subject; empty without authentication, as in Flyte. */
  private static String principal() {
    return CallerIdentity.currentSubject();
  }

  private static ExecutionCreateResponse response(WorkflowExecutionIdentifier id) {
    return ExecutionCreateResponse.newBuilder().setId(id).build();
  }
}

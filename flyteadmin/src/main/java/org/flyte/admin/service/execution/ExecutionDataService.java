package org.flyte.admin.service.execution;

import flyteidl.admin.ExecutionOuterClass.ExecutionClosure;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetDataRequest;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetDataResponse;
import flyteidl.core.Literals.LiteralMap;
import org.flyte.admin.repository.execution.ExecutionRepository;
import org.flyte.admin.repository.execution.ExecutionRow;
import org.flyte.admin.service.nodeexecution.RecordData;
import org.flyte.common.storage.DataReference;
import org.flyte.common.storage.ProtoStore;
import org.springframework.stereotype.Service;

/**
 * GetExecutionData: an execution's inputs and outputs. Follows {@code GetExecutionData} of {@code
 * flyteadmin/pkg/manager/impl/execution_manager.go} and {@code util/data.go} (v1.16.8):
 *
 * <ul>
 *   <li>{@code full_inputs} is the computed input map at {@code inputs_uri} (a row written before
 *       inputs were offloaded has them offloaded now, from its closure);
 *   <li>{@code full_outputs} is the closure's inline output map when it is smaller than {@code
 *       remoteData.maxSizeInBytes} (else empty), or the map at the closure's output URI;
 *   <li>the deprecated {@code inputs} / {@code outputs} and what is read as {@link RecordData}
 *       answers them for every record.
 * </ul>
 */
@Service
public class ExecutionDataService {

  private final ExecutionRepository executions;
  private final ProtoStore store;
  private final RecordData data;
  private final ExecutionPlanner planner;

  public ExecutionDataService(
      ExecutionRepository executions, ProtoStore store, RecordData data, ExecutionPlanner planner) {
    this.executions = executions;
    this.store = store;
    this.data = data;
    this.planner = planner;
  }

  /** GetExecutionData. The id is not validated (a partial id is NOT_FOUND), as in Flyte. */
  public WorkflowExecutionGetDataResponse getData(WorkflowExecutionGetDataRequest request) {
    ExecutionRow row =
        executions
            .find(request.getId())
            .orElseThrow(() -> ExecutionService.missing(request.getId()));
    if (row.inputsUri().isEmpty()) {
      DataReference inputs = planner.dataReference(row.id(), "inputs");
      store.write(inputs, row.closure().getComputedInputs());
      row = row.toBuilder().inputsUri(inputs.toString()).build();
      executions.update(row);
    }
    RecordData.Answer inputs = data.inputs(row.inputsUri());
    ExecutionClosure closure = row.closure();
    LiteralMap inline =
        closure.getOutputs().hasValues()
            ? closure.getOutputs().getValues()
            : closure.hasOutputData() ? closure.getOutputData() : null;
    RecordData.Answer outputs = data.outputs(inline, closure.getOutputs().getUri());
    return WorkflowExecutionGetDataResponse.newBuilder()
        .setInputs(inputs.blob())
        .setFullInputs(inputs.full())
        .setOutputs(outputs.blob())
        .setFullOutputs(outputs.full())
        .build();
  }
}

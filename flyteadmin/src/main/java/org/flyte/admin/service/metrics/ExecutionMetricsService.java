package org.flyte.admin.service.metrics;

import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetMetricsRequest;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetMetricsResponse;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetRequest;
import org.flyte.admin.service.execution.ExecutionService;
import org.flyte.admin.service.nodeexecution.NodeExecutionService;
import org.flyte.admin.service.taskexecution.TaskExecutionService;
import org.flyte.admin.service.workflow.WorkflowService;
import org.springframework.stereotype.Service;

/**
 * GetExecutionMetrics, as Flyte's {@code MetricsManager} answers it: the execution's {@link
 * SpanTree} to the requested depth. Records are read through the same services the RPCs use, so a
 * missing execution is NOT_FOUND with GetExecution's message and a bad id INVALID_ARGUMENT with its
 * message.
 */
@Service
public class ExecutionMetricsService {

  private final ExecutionService executions;
  private final WorkflowService workflows;
  private final NodeExecutionService nodes;
  private final TaskExecutionService tasks;

  public ExecutionMetricsService(
      ExecutionService executions,
      WorkflowService workflows,
      NodeExecutionService nodes,
      TaskExecutionService tasks) {
    this.executions = executions;
    this.workflows = workflows;
    this.nodes = nodes;
    this.tasks = tasks;
  }

  /** GetExecutionMetrics. */
  public WorkflowExecutionGetMetricsResponse metrics(WorkflowExecutionGetMetricsRequest request) {
    WorkflowExecutionGetRequest.Builder get = WorkflowExecutionGetRequest.newBuilder();
    if (request.hasId()) {
      get.setId(request.getId());
    }
    Execution execution = executions.get(get.build());
    SpanTree tree = new SpanTree(executions, workflows, nodes, tasks);
    return WorkflowExecutionGetMetricsResponse.newBuilder()
        .setSpan(tree.execution(execution, request.getDepth()))
        .build();
  }
}

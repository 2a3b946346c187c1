package org.flyte.admin.service.taskexecution;

import flyteidl.admin.Common.FlyteURLs;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecution;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionClosure;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionGetDataRequest;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionGetDataResponse;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionGetRequest;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionList;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionListRequest;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.IdentifierOuterClass.TaskExecutionIdentifier;
import java.util.List;
import org.flyte.admin.repository.query.FilterEntity;
import org.flyte.admin.repository.query.FilterParser;
import org.flyte.admin.repository.query.PageRequest;
import org.flyte.admin.repository.query.SortOrder;
import org.flyte.admin.repository.taskexecution.TaskExecutionRepository;
import org.flyte.admin.repository.taskexecution.TaskExecutionRepository.ListQuery;
import org.flyte.admin.repository.taskexecution.TaskExecutionRow;
import org.flyte.admin.service.event.TaskEventService;
import org.flyte.admin.service.nodeexecution.RecordData;
import org.flyte.admin.service.validation.Validation;
import org.flyte.common.error.FlyteException;
import org.flyte.compiler.graph.ProtoText;
import org.springframework.stereotype.Service;

/**
 * GetTaskExecution, ListTaskExecutions and GetTaskExecutionData. Follows {@code
 * flyteadmin/pkg/manager/impl/task_execution_manager.go} (Flyte v1.16.8): the task id's type
 * defaults to TASK, {@code is_parent} says whether node executions hang off the attempt, list error
 * messages are whole (FlyteConsole shows stack traces), and the data's flyte URLs name the attempt.
 */
@Service
public class TaskExecutionService {

  private final TaskExecutionRepository tasks;
  private final RecordData data;

  public TaskExecutionService(TaskExecutionRepository tasks, RecordData data) {
    this.tasks = tasks;
    this.data = data;
  }

  public TaskExecution get(TaskExecutionGetRequest request) {
    return message(find(request.hasId(), request.getId()));
  }

  public TaskExecutionList list(TaskExecutionListRequest request) {
    if (!request.hasNodeExecutionId()) {
      throw Validation.missing("node_execution_id");
    }
    TaskEventService.validateNodeId(request.getNodeExecutionId());
    if (request.getLimit() == 0) {
      throw FlyteException.invalidArgument("invalid value for limit");
    }
    long offset;
    try {
      offset = PageRequest.offset(request.getToken(), "ListTaskExecutions");
    } catch (FlyteException e) {
      throw FlyteException.invalidArgument(
          "invalid pagination token %s for ListTaskExecutions", request.getToken());
    }
    PageRequest page = new PageRequest(PageRequest.unsigned(request.getLimit()), offset);
    List<TaskExecutionRow> rows =
        tasks.list(
            new ListQuery(
                request.getNodeExecutionId(),
                FilterParser.parse(request.getFilters(), FilterEntity.TASK_EXECUTION),
                SortOrder.of(
                    request.hasSortBy() ? request.getSortBy() : null, FilterEntity.TASK_EXECUTION),
                page));
    TaskExecutionList.Builder list =
        TaskExecutionList.newBuilder().setToken(page.nextToken(rows.size()));
    rows.forEach(row -> list.addTaskExecutions(message(row)));
    return list.build();
  }

  public TaskExecutionGetDataResponse getData(TaskExecutionGetDataRequest request) {
    TaskExecutionRow row = find(request.hasId(), request.getId());
    TaskExecutionClosure closure = row.closure();
    RecordData.Answer inputs = data.inputs(row.inputUri());
    RecordData.Answer outputs =
        data.outputs(
            closure.hasOutputData() ? closure.getOutputData() : null, closure.getOutputUri());
    return TaskExecutionGetDataResponse.newBuilder()
        .setInputs(inputs.blob())
        .setFullInputs(inputs.full())
        .setOutputs(outputs.blob())
        .setFullOutputs(outputs.full())
        .setFlyteUrls(flyteUrls(row.id()))
        .build();
  }

  /** Flyte's {@code FlyteURLsFromTaskExecutionID} (never a deck). */
  public static FlyteURLs flyteUrls(TaskExecutionIdentifier id) {
    var node = id.getNodeExecutionId();
    String base =
        String.format(
            "flyte://v1/%s/%s/%s/%s/%d",
            node.getExecutionId().getProject(),
            node.getExecutionId().getDomain(),
            node.getExecutionId().getName(),
            node.getNodeId(),
            Integer.toUnsignedLong(id.getRetryAttempt()));
    return FlyteURLs.newBuilder().setInputs(base + "/i").setOutputs(base + "/o").build();
  }

  private TaskExecutionRow find(boolean present, TaskExecutionIdentifier requested) {
    if (!present) {
      throw Validation.missing("id");
    }
    TaskExecutionIdentifier id =
        requested.toBuilder()
            .setTaskId(Validation.withType(requested.getTaskId(), ResourceType.TASK))
            .build();
    TaskEventService.validateId(id, id.hasNodeExecutionId(), id.hasTaskId());
    return tasks
        .find(id)
        .orElseThrow(
            () ->
                FlyteException.notFound(
                    "missing entity of type task execution with identifier %s",
                    ProtoText.render(id)));
  }

  private TaskExecution message(TaskExecutionRow row) {
    return TaskExecution.newBuilder()
        .setId(row.id())
        .setInputUri(row.inputUri())
        .setClosure(row.closure())
        .setIsParent(tasks.hasChildren(row.rowId()))
        .build();
  }
}

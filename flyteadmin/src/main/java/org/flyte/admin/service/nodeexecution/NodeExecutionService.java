package org.flyte.admin.service.nodeexecution;

import flyteidl.admin.Common.FlyteURLs;
import flyteidl.admin.NodeExecutionOuterClass.DynamicNodeWorkflowResponse;
import flyteidl.admin.NodeExecutionOuterClass.DynamicWorkflowNodeMetadata;
import flyteidl.admin.NodeExecutionOuterClass.GetDynamicNodeWorkflowRequest;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecution;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionClosure;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionForTaskListRequest;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionGetDataRequest;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionGetDataResponse;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionGetRequest;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionList;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionListRequest;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionMetaData;
import flyteidl.core.Compiler.CompiledWorkflowClosure;
import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.TaskExecutionIdentifier;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.flyte.admin.repository.nodeexecution.NodeExecutionRepository;
import org.flyte.admin.repository.nodeexecution.NodeExecutionRepository.ListQuery;
import org.flyte.admin.repository.nodeexecution.NodeExecutionRepository.Scope;
import org.flyte.admin.repository.nodeexecution.NodeExecutionRow;
import org.flyte.admin.repository.query.Filter;
import org.flyte.admin.repository.query.FilterEntity;
import org.flyte.admin.repository.query.FilterParser;
import org.flyte.admin.repository.query.PageRequest;
import org.flyte.admin.repository.query.SortOrder;
import org.flyte.admin.repository.taskexecution.TaskExecutionRepository;
import org.flyte.admin.service.event.EventStorage;
import org.flyte.admin.service.event.TaskEventService;
import org.flyte.admin.service.validation.ExecutionRequestValidator;
import org.flyte.common.error.FlyteException;
import org.flyte.compiler.graph.ProtoText;
import org.springframework.stereotype.Service;

/**
 * GetNodeExecution, ListNodeExecutions, ListNodeExecutionsForTask, GetNodeExecutionData and
 * GetDynamicNodeWorkflow. Follows {@code flyteadmin/pkg/manager/impl/node_execution_manager.go} and
 * {@code FromNodeExecutionModel} of {@code repositories/transformers/node_execution.go} (Flyte
 * v1.16.8):
 *
 * <ul>
 *   <li>without {@code unique_parent_id} a list returns the top-level nodes; with it, the children
 *       of that node (which must exist);
 *   <li>lists cut error messages to 100 bytes; a single get does not;
 *   <li>rows written by event version 0 derive {@code is_parent_node} / {@code is_dynamic} from
 *       their children.
 * </ul>
 */
@Service
public class NodeExecutionService {

  static final int LIST_ERROR_MESSAGE_BYTES = 100;

  private final NodeExecutionRepository nodes;
  private final TaskExecutionRepository tasks;
  private final EventStorage storage;
  private final RecordData data;

  public NodeExecutionService(
      NodeExecutionRepository nodes,
      TaskExecutionRepository tasks,
      EventStorage storage,
      RecordData data) {
    this.nodes = nodes;
    this.tasks = tasks;
    this.storage = storage;
    this.data = data;
  }

  public NodeExecution get(NodeExecutionGetRequest request) {
    return message(find(request.getId()), false);
  }

  public NodeExecutionList list(NodeExecutionListRequest request) {
    ExecutionRequestValidator.validateId(
        request.getWorkflowExecutionId(), request.hasWorkflowExecutionId());
    PageRequest page = page(request.getLimit(), request.getToken());
    Scope scope = new Scope.TopLevel();
    if (!request.getUniqueParentId().isEmpty()) {
      NodeExecutionIdentifier parent =
          NodeExecutionIdentifier.newBuilder()
              .setExecutionId(request.getWorkflowExecutionId())
              .setNodeId(request.getUniqueParentId())
              .build();
      scope = new Scope.ChildrenOf(nodes.rowId(parent).orElseThrow(() -> missing(parent)));
    }
    return list(
        new ListQuery(
            request.getWorkflowExecutionId(),
            scope,
            filters(request.getFilters()),
            sort(request.hasSortBy() ? request.getSortBy() : null),
            page));
  }

  public NodeExecutionList listForTask(NodeExecutionForTaskListRequest request) {
    TaskExecutionIdentifier taskId = request.getTaskExecutionId();
    if (!request.hasTaskExecutionId()) {
      throw FlyteException.invalidArgument("missing id");
    }
    TaskEventService.validateId(taskId, taskId.hasNodeExecutionId(), taskId.hasTaskId());
    PageRequest page = page(request.getLimit(), request.getToken());
    long parent =
        tasks
            .find(taskId)
            .orElseThrow(
                () ->
                    FlyteException.notFound(
                        "missing entity of type task execution with identifier %s",
                        ProtoText.render(taskId)))
            .rowId();
    return list(
        new ListQuery(
            taskId.getNodeExecutionId().getExecutionId(),
            new Scope.ChildrenOfTask(parent),
            filters(request.getFilters()),
            sort(request.hasSortBy() ? request.getSortBy() : null),
            page));
  }

  public NodeExecutionGetDataResponse getData(NodeExecutionGetDataRequest request) {
    NodeExecutionRow row = find(request.getId());
    NodeExecutionClosure closure = row.closure();
    RecordData.Answer inputs = data.inputs(row.inputUri());
    RecordData.Answer outputs =
        data.outputs(
            closure.hasOutputData() ? closure.getOutputData() : null, closure.getOutputUri());
    NodeExecutionGetDataResponse.Builder response =
        NodeExecutionGetDataResponse.newBuilder()
            .setInputs(inputs.blob())
            .setFullInputs(inputs.full())
            .setOutputs(outputs.blob())
            .setFullOutputs(outputs.full())
            .setFlyteUrls(flyteUrls(request.getId(), !closure.getDeckUri().isEmpty()));
    if (!row.dynamicClosureReference().isEmpty()) {
      CompiledWorkflowClosure dynamic = storage.readDynamicClosure(row.dynamicClosureReference());
      response.setDynamicWorkflow(
          DynamicWorkflowNodeMetadata.newBuilder()
              .setId(dynamic.getPrimary().getTemplate().getId())
              .setCompiledWorkflow(dynamic)
              .setDynamicJobSpecUri(closure.getDynamicJobSpecUri()));
    }
    return response.build();
  }

  public DynamicNodeWorkflowResponse getDynamicWorkflow(GetDynamicNodeWorkflowRequest request) {
    NodeExecutionRow row = find(request.getId());
    if (row.dynamicClosureReference().isEmpty()) {
      throw FlyteException.notFound("node does not contain dynamic workflow");
    }
    return DynamicNodeWorkflowResponse.newBuilder()
        .setCompiledWorkflow(storage.readDynamicClosure(row.dynamicClosureReference()))
        .build();
  }

  /** Flyte's {@code FlyteURLsFromNodeExecutionID}. */
  public static FlyteURLs flyteUrls(NodeExecutionIdentifier id, boolean deck) {
    String base =
        String.format(
            "flyte://v1/%s/%s/%s/%s",
            id.getExecutionId().getProject(),
            id.getExecutionId().getDomain(),
            id.getExecutionId().getName(),
            id.getNodeId());
    FlyteURLs.Builder urls = FlyteURLs.newBuilder().setInputs(base + "/i").setOutputs(base + "/o");
    if (deck) {
      urls.setDeck(base + "/d");
    }
    return urls.build();
  }

  private NodeExecutionList list(ListQuery query) {
    List<NodeExecutionRow> rows = nodes.list(query);
    NodeExecutionList.Builder list =
        NodeExecutionList.newBuilder().setToken(query.page().nextToken(rows.size()));
    rows.forEach(row -> list.addNodeExecutions(message(row, true)));
    return list.build();
  }

  private NodeExecutionRow find(NodeExecutionIdentifier id) {
    return nodes.find(id).orElseThrow(() -> missing(id));
  }

  private NodeExecution message(NodeExecutionRow row, boolean trimError) {
    NodeExecutionClosure closure = row.closure();
    if (trimError && closure.hasError() && !closure.getError().getMessage().isEmpty()) {
      closure =
          closure.toBuilder()
              .setError(
                  closure.getError().toBuilder()
                      .setMessage(
                          truncate(closure.getError().getMessage(), LIST_ERROR_MESSAGE_BYTES)))
              .build();
    }
    NodeExecutionMetaData metadata = row.metadata();
    if (row.eventVersion() == 0
        && !(metadata.getIsParentNode() || metadata.getIsDynamic())
        && nodes.hasChildren(row.rowId())) {
      metadata =
          metadata.toBuilder()
              .setIsParentNode(true)
              .setIsDynamic(!row.dynamicClosureReference().isEmpty())
              .build();
    }
    return NodeExecution.newBuilder()
        .setId(row.id())
        .setInputUri(row.inputUri())
        .setClosure(closure)
        .setMetadata(metadata)
        .build();
  }

  static FlyteException missing(NodeExecutionIdentifier id) {
    return FlyteException.notFound(
        "missing entity of type node execution with identifier %s", ProtoText.render(id));
  }

  static List<Filter> filters(String text) {
    return FilterParser.parse(text, FilterEntity.NODE_EXECUTION);
  }

  static Optional<SortOrder> sort(flyteidl.admin.Common.Sort sort) {
    return SortOrder.of(sort, FilterEntity.NODE_EXECUTION);
  }

  static PageRequest page(int limit, String token) {
    if (limit == 0) {
      throw FlyteException.invalidArgument("invalid value for limit");
    }
    long offset;
    try {
      offset = PageRequest.offset(token, "ListNodeExecutions");
    } catch (FlyteException e) {
      throw FlyteException.invalidArgument(
          "invalid pagination token %s for ListNodeExecutions", token);
    }
    return new PageRequest(PageRequest.unsigned(limit), offset);
  }

  /** Go's {@code strings.ToValidUTF8(message[:n], "")}: the first n bytes, broken runes dropped. */
  public static String truncate(String message, int bytes) {
    byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
    if (utf8.length <= bytes) {
      return message;
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.IGNORE)
            .onUnmappableCharacter(CodingErrorAction.IGNORE);
    try {
      CharBuffer decoded = decoder.decode(ByteBuffer.wrap(utf8, 0, bytes));
      return decoded.toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.flyte.admin.service.dataproxy;

import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionGetDataRequest;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionGetDataRequest;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionList;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionListRequest;
import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.TaskExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.service.Dataproxy.ArtifactType;
import flyteidl.service.Dataproxy.CreateDownloadLinkRequest;
import flyteidl.service.Dataproxy.GetDataRequest;
import flyteidl.service.Dataproxy.GetDataResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flyte.admin.service.nodeexecution.NodeExecutionService;
import org.flyte.admin.service.taskexecution.TaskExecutionService;
import org.flyte.common.error.FlyteException;
import org.flyte.compiler.graph.ProtoText;
import org.springframework.stereotype.Service;

/**
 * DataProxyService.GetData: the inputs, outputs or deck a {@code flyte://v1/...} URL names. Follows
 * {@code GetData} of {@code flyteadmin/dataproxy/service.go} and {@code flyteadmin/pkg/common/
 * flyte_url.go} (Flyte v1.16.8): a node URL reads GetNodeExecutionData (a deck becomes a download
 * link), an attempt URL finds the attempt's task by listing the node's task executions, and a
 * literal name picks one literal of the map.
 */
@Service
public class FlyteUrlData {

  private static final String SEGMENT = "([a-zA-Z0-9_-]+)";
  private static final Pattern WHOLE =
      Pattern.compile(
          "flyte://v1/"
              + SEGMENT
              + "/"
              + SEGMENT
              + "/"
              + SEGMENT
              + "/"
              + SEGMENT
              + "(?:/([0-9]+))?/([iod])$");
  private static final Pattern ONE_LITERAL =
      Pattern.compile(
          "flyte://v1/"
              + SEGMENT
              + "/"
              + SEGMENT
              + "/"
              + SEGMENT
              + "/"
              + SEGMENT
              + "(?:/([0-9]+))?/([io])/"
              + SEGMENT
              + "$");

  private final NodeExecutionService nodes;
  private final TaskExecutionService tasks;
  private final DataProxyService dataProxy;

  public FlyteUrlData(
      NodeExecutionService nodes, TaskExecutionService tasks, DataProxyService dataProxy) {
    this.nodes = nodes;
    this.tasks = tasks;
    this.dataProxy = dataProxy;
  }

  public GetDataResponse getData(GetDataRequest request) {
    String url = request.getFlyteUrl();
    if (url.isEmpty()) {
      throw FlyteException.invalidArgument(
          "failed to validate resolve artifact request. Error: source is required. Provided empty"
              + " string");
    }
    if (!url.startsWith("flyte://")) {
      throw FlyteException.invalidArgument(
          "failed to validate resolve artifact request. Error: request does not start with the"
              + " correct prefix");
    }
    Matcher match = WHOLE.matcher(url);
    String name = "";
    if (!match.find()) {
      match = ONE_LITERAL.matcher(url);
      if (!match.find()) {
        throw FlyteException.invalidArgument(
            "failed to parse artifact url Error: failed to parse [%s]", url);
      }
      name = match.group(7);
    }
    NodeExecutionIdentifier node =
        NodeExecutionIdentifier.newBuilder()
            .setExecutionId(
                WorkflowExecutionIdentifier.newBuilder()
                    .setProject(match.group(1))
                    .setDomain(match.group(2))
                    .setName(match.group(3)))
            .setNodeId(match.group(4))
            .build();
    String io = match.group(6);
    if (match.group(5) == null) {
      return fromNode(node, io, name);
    }
    int attempt;
    try {
      attempt = Integer.parseInt(match.group(5));
    } catch (NumberFormatException e) {
      throw FlyteException.invalidArgument(
          "failed to parse artifact url Error: failed to parse attempt [%s]", match.group(5));
    }
    return fromAttempt(node, attempt, io, name);
  }

  private GetDataResponse fromNode(NodeExecutionIdentifier node, String io, String name) {
    if (io.equals("d")) {
      var link =
          dataProxy.createDownloadLink(
              CreateDownloadLinkRequest.newBuilder()
                  .setArtifactType(ArtifactType.ARTIFACT_TYPE_DECK)
                  .setNodeExecutionId(node)
                  .build());
      return GetDataResponse.newBuilder().setPreSignedUrls(link.getPreSignedUrls()).build();
    }
    var data = nodes.getData(NodeExecutionGetDataRequest.newBuilder().setId(node).build());
    LiteralMap map = io.equals("i") ? data.getFullInputs() : data.getFullOutputs();
    return answer(map, name, "node execution", ProtoText.render(node));
  }

  private GetDataResponse fromAttempt(
      NodeExecutionIdentifier node, int attempt, String io, String name) {
    TaskExecutionList listed;
    try {
      listed =
          tasks.list(
              TaskExecutionListRequest.newBuilder()
                  .setNodeExecutionId(node)
                  .setLimit(1)
                  .setFilters("eq(retry_attempt," + attempt + ")")
                  .build());
    } catch (FlyteException e) {
      throw FlyteException.invalidArgument(
          "failed to list task executions [%s]. Error: %s", ProtoText.render(node), e.getMessage());
    }
    if (listed.getTaskExecutionsCount() == 0) {
      throw FlyteException.invalidArgument(
          "no task executions were listed [%s]. Error: <nil>", ProtoText.render(node));
    }
    TaskExecutionIdentifier id = listed.getTaskExecutions(0).getId();
    if (io.equals("d")) {
      throw FlyteException.invalidArgument(
          "deck type cannot be specified with a retry attempt, just use the node instead");
    }
    var data = tasks.getData(TaskExecutionGetDataRequest.newBuilder().setId(id).build());
    LiteralMap map = io.equals("i") ? data.getFullInputs() : data.getFullOutputs();
    return answer(map, name, "task execution", ProtoText.render(id));
  }

  private static GetDataResponse answer(LiteralMap map, String name, String kind, String id) {
    if (name.isEmpty()) {
      return GetDataResponse.newBuilder().setLiteralMap(map).build();
    }
    Literal literal = map.getLiteralsMap().get(name);
    if (literal == null) {
      throw FlyteException.invalidArgument("name [%s] not found in %s [%s]", name, kind, id);
    }
    return GetDataResponse.newBuilder().setLiteral(literal).build();
  }
}

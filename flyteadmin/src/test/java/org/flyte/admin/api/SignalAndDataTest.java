package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.admin.SignalOuterClass.Signal;
import flyteidl.admin.SignalOuterClass.SignalGetOrCreateRequest;
import flyteidl.admin.SignalOuterClass.SignalListRequest;
import flyteidl.admin.SignalOuterClass.SignalSetRequest;
import flyteidl.core.Execution.NodeExecution.Phase;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.SignalIdentifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import flyteidl.service.DataProxyServiceGrpc;
import flyteidl.service.DataProxyServiceGrpc.DataProxyServiceBlockingStub;
import flyteidl.service.Dataproxy.GetDataRequest;
import flyteidl.service.Dataproxy.GetDataResponse;
import flyteidl.service.SignalServiceGrpc;
import flyteidl.service.SignalServiceGrpc.SignalServiceBlockingStub;
import io.grpc.Status;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SignalService with a gate node waiting on it, and DataProxyService.GetData of flyte:// URLs. */
class SignalAndDataTest extends ExecutionFixtures {

  private WorkflowExecutionIdentifier id;
  private PropellerReplayer propeller;
  private SignalServiceBlockingStub signals;
  private DataProxyServiceBlockingStub dataProxy;

  @BeforeEach
  void launch() {
    id = create(request(launchPlan, Map.of("x", integerLiteral(1))).setName("gated"));
    propeller = new PropellerReplayer(admin, id);
    signals = SignalServiceGrpc.newBlockingStub(channel);
    dataProxy = DataProxyServiceGrpc.newBlockingStub(channel);
    propeller.workflow(WorkflowExecution.Phase.RUNNING);
    propeller.startNode();
  }

  private SignalIdentifier signalId(String name) {
    return SignalIdentifier.newBuilder().setExecutionId(id).setSignalId(name).build();
  }

  private static LiteralType simple(SimpleType type) {
    return LiteralType.newBuilder().setSimple(type).build();
  }

  private Signal poll(String name, LiteralType type) {
    return signals.getOrCreateSignal(
        SignalGetOrCreateRequest.newBuilder().setId(signalId(name)).setType(type).build());
  }

  @Test
  void aGateNodeWaitsForItsSignal() {
    propeller.node("n0", Phase.QUEUED);
    propeller.node("n0", Phase.RUNNING);
    // propeller polls until a value appears
    Signal waiting = poll("approve", simple(SimpleType.BOOLEAN));
    assertThat(waiting.hasValue()).isFalse();
    assertThat(waiting.getType()).isEqualTo(simple(SimpleType.BOOLEAN));
    assertThat(poll("approve", simple(SimpleType.BOOLEAN))).isEqualTo(waiting);

    var notCastable =
        status(
            () ->
                signals.setSignal(
                    SignalSetRequest.newBuilder()
                        .setId(signalId("approve"))
                        .setValue(integerLiteral(1))
                        .build()));
    assertStatus(
        notCastable,
        Status.Code.INVALID_ARGUMENT,
        "requested signal value [scalar:{primitive:{integer:1}}] is not castable to existing"
            + " signal type");
    var bool =
        flyteidl.core.Literals.Literal.newBuilder()
            .setScalar(
                flyteidl.core.Literals.Scalar.newBuilder()
                    .setPrimitive(flyteidl.core.Literals.Primitive.newBuilder().setBoolean(true)))
            .build();
    signals.setSignal(
        SignalSetRequest.newBuilder().setId(signalId("approve")).setValue(bool).build());
    assertThat(poll("approve", simple(SimpleType.BOOLEAN)).getValue()).isEqualTo(bool);
    propeller.node(
        propeller.nodeEvent("n0", Phase.SUCCEEDED).setOutputUri(propeller.outputs("n0", 0)));
    assertThat(
            admin
                .getNodeExecution(
                    flyteidl.admin.NodeExecutionOuterClass.NodeExecutionGetRequest.newBuilder()
                        .setId(propeller.nodeId("n0"))
                        .build())
                .getClosure()
                .getPhase())
        .isEqualTo(Phase.SUCCEEDED);

    // Flyte lets a signal be set again (last write wins)
    signals.setSignal(
        SignalSetRequest.newBuilder().setId(signalId("approve")).setValue(bool).build());
    assertStatus(
        status(() -> poll("approve", simple(SimpleType.STRING))),
        Status.Code.ALREADY_EXISTS,
        "value with matching already exists");
    assertStatus(
        status(
            () ->
                signals.setSignal(
                    SignalSetRequest.newBuilder().setId(signalId("never")).setValue(bool).build())),
        Status.Code.INVALID_ARGUMENT,
        "failed to validate that signal");
    assertStatus(
        status(
            () ->
                signals.getOrCreateSignal(
                    SignalGetOrCreateRequest.newBuilder().setId(signalId("x")).build())),
        Status.Code.INVALID_ARGUMENT,
        "missing type");
    assertStatus(
        status(
            () ->
                signals.getOrCreateSignal(
                    SignalGetOrCreateRequest.newBuilder()
                        .setId(signalId(""))
                        .setType(simple(SimpleType.BOOLEAN))
                        .build())),
        Status.Code.INVALID_ARGUMENT,
        "missing signal_id");

    poll("b-second", simple(SimpleType.STRING));
    var listed =
        signals.listSignals(
            SignalListRequest.newBuilder().setWorkflowExecutionId(id).setLimit(1).build());
    assertThat(listed.getSignalsList())
        .extracting(s -> s.getId().getSignalId())
        .containsExactly("approve");
    assertThat(listed.getToken()).isEqualTo("1");
    assertThat(
            signals
                .listSignals(
                    SignalListRequest.newBuilder()
                        .setWorkflowExecutionId(id)
                        .setLimit(10)
                        .setFilters("eq(signal_id,b-second)")
                        .build())
                .getSignalsCount())
        .isEqualTo(1);
    assertStatus(
        status(() -> signals.listSignals(SignalListRequest.newBuilder().setLimit(1).build())),
        Status.Code.INVALID_ARGUMENT,
        "missing execution_id");
  }

  @Test
  void getDataReadsNodeAndAttemptDataByFlyteUrl() throws Exception {
    LiteralMap inputs = LiteralMap.newBuilder().putLiterals("x", integerLiteral(5)).build();
    LiteralMap outputs = LiteralMap.newBuilder().putLiterals("o0", integerLiteral(6)).build();
    propeller.node(propeller.nodeEvent("n0", Phase.QUEUED).setInputData(inputs));
    propeller.node(propeller.nodeEvent("n0", Phase.RUNNING));
    var running = flyteidl.core.Execution.TaskExecution.Phase.RUNNING;
    propeller.task(propeller.taskEvent(task, "n0", 0, running, 0).setInputData(inputs));
    propeller.task(
        propeller
            .taskEvent(task, "n0", 0, flyteidl.core.Execution.TaskExecution.Phase.SUCCEEDED, 0)
            .setOutputData(outputs));
    propeller.node(propeller.nodeEvent("n0", Phase.SUCCEEDED).setOutputData(outputs));

    String base = "flyte://v1/" + project + "/" + DOMAIN + "/gated/n0";
    assertThat(get(base + "/i").getLiteralMap()).isEqualTo(inputs);
    assertThat(get(base + "/o").getLiteralMap()).isEqualTo(outputs);
    assertThat(get(base + "/o/o0").getLiteral()).isEqualTo(integerLiteral(6));
    assertThat(get(base + "/0/i").getLiteralMap()).isEqualTo(inputs);
    assertThat(get(base + "/0/o/o0").getLiteral()).isEqualTo(integerLiteral(6));

    assertStatus(
        status(() -> get(base + "/o/nope")),
        Status.Code.INVALID_ARGUMENT,
        "name [nope] not found in node execution");
    assertStatus(
        status(() -> get(base + "/3/o")),
        Status.Code.INVALID_ARGUMENT,
        "no task executions were listed");
    assertStatus(
        status(() -> get(base + "/0/d")),
        Status.Code.INVALID_ARGUMENT,
        "deck type cannot be specified with a retry attempt");
    assertStatus(
        status(() -> get("s3://bucket/key")),
        Status.Code.INVALID_ARGUMENT,
        "failed to validate resolve artifact request");
    assertStatus(
        status(() -> get("flyte://v1/a/b")),
        Status.Code.INVALID_ARGUMENT,
        "failed to parse artifact url");
    assertStatus(
        status(() -> get("flyte://v1/" + project + "/" + DOMAIN + "/gated/none/o")),
        Status.Code.NOT_FOUND,
        "missing entity of type node execution");

    HttpResponse<byte[]> rest =
        restJson(
            "GET",
            "/api/v1/data?flyte_url=" + java.net.URLEncoder.encode(base + "/o", "UTF-8"),
            null);
    assertThat(rest.statusCode()).isEqualTo(200);
    assertThat(text(rest)).contains("\"o0\"");
  }

  private GetDataResponse get(String url) {
    return dataProxy.getData(GetDataRequest.newBuilder().setFlyteUrl(url).build());
  }
}

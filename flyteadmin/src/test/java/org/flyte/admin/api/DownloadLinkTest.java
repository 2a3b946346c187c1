package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Duration;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionClosure;
import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.service.DataProxyServiceGrpc;
import flyteidl.service.Dataproxy.ArtifactType;
import flyteidl.service.Dataproxy.CreateDownloadLinkRequest;
import flyteidl.service.Dataproxy.CreateDownloadLinkResponse;
import io.grpc.Status;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.flyte.common.storage.DataReference;
import org.junit.jupiter.api.Test;

/** DataProxyService.CreateDownloadLink: signed links to the Flyte Deck of a node execution. */
class DownloadLinkTest extends ExecutionFixtures {

  private NodeExecutionIdentifier node(WorkflowExecutionIdentifier execution, String deckUri) {
    jdbc.sql(
            "INSERT INTO node_executions (created_at, updated_at, execution_project,"
                + " execution_domain, execution_name, node_id, closure) VALUES (now(), now(), :p,"
                + " :d, :n, 'n0', :closure)")
        .param("p", execution.getProject())
        .param("d", execution.getDomain())
        .param("n", execution.getName())
        .param(
            "closure", NodeExecutionClosure.newBuilder().setDeckUri(deckUri).build().toByteArray())
        .update();
    return NodeExecutionIdentifier.newBuilder().setNodeId("n0").setExecutionId(execution).build();
  }

  private CreateDownloadLinkRequest.Builder deckOf(NodeExecutionIdentifier node) {
    return CreateDownloadLinkRequest.newBuilder()
        .setArtifactType(ArtifactType.ARTIFACT_TYPE_DECK)
        .setNodeExecutionId(node);
  }

  @Test
  void aNodesDeckIsSignedForDownload() throws Exception {
    WorkflowExecutionIdentifier execution = create(request(launchPlan, Map.of()).setName("decked"));
    DataReference deck = DataReference.parse("mem://flyte/decks/" + project + "/deck.html");
    store.blobs().write(deck, "<html>deck</html>".getBytes(StandardCharsets.UTF_8));
    var dataProxy = DataProxyServiceGrpc.newBlockingStub(channel);

    CreateDownloadLinkResponse link =
        dataProxy.createDownloadLink(
            deckOf(node(execution, deck.toString()))
                .setExpiresIn(Duration.newBuilder().setSeconds(60))
                .build());

    assertThat(link.getPreSignedUrls().getSignedUrlList()).hasSize(1);
    assertThat(link.getSignedUrlList()).isEqualTo(link.getPreSignedUrls().getSignedUrlList());
    assertThat(link.getExpiresAt().getSeconds()).isPositive();
    HttpResponse<String> download =
        http.send(
            HttpRequest.newBuilder(URI.create(link.getPreSignedUrls().getSignedUrl(0))).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo("<html>deck</html>");
  }

  @Test
  void requestsWithoutADeckToSignAreRefusedAsInFlyte() {
    var dataProxy = DataProxyServiceGrpc.newBlockingStub(channel);
    WorkflowExecutionIdentifier execution = create(request(launchPlan, Map.of()).setName("plain"));
    NodeExecutionIdentifier withoutDeck = node(execution, "");

    assertStatus(
        status(() -> dataProxy.createDownloadLink(deckOf(withoutDeck).build())),
        Status.Code.NOT_FOUND,
        "no deckUrl found for request");
    assertStatus(
        status(
            () ->
                dataProxy.createDownloadLink(
                    deckOf(withoutDeck.toBuilder().setNodeId("missing").build()).build())),
        Status.Code.INVALID_ARGUMENT,
        "failed to find node execution");
    assertStatus(
        status(
            () ->
                dataProxy.createDownloadLink(
                    deckOf(withoutDeck)
                        .setArtifactType(ArtifactType.ARTIFACT_TYPE_UNDEFINED)
                        .build())),
        Status.Code.INVALID_ARGUMENT,
        "error while validating request. Error: invalid artifact type [ARTIFACT_TYPE_UNDEFINED]");
    assertStatus(
        status(
            () ->
                dataProxy.createDownloadLink(
                    CreateDownloadLinkRequest.newBuilder()
                        .setArtifactType(ArtifactType.ARTIFACT_TYPE_DECK)
                        .build())),
        Status.Code.INVALID_ARGUMENT,
        "error while validating request. Error: source is required. Provided nil");
    assertStatus(
        status(
            () ->
                dataProxy.createDownloadLink(
                    deckOf(withoutDeck)
                        .setExpiresIn(Duration.newBuilder().setSeconds(7200))
                        .build())),
        Status.Code.INVALID_ARGUMENT,
        "error while validating request. Error: expiresIn is invalid. Error: input duration [2h0m0s]"
            + " cannot exceed max allowed expiration [1h0m0s]");

    WorkflowExecutionIdentifier gone = create(request(launchPlan, Map.of()).setName("gone"));
    NodeExecutionIdentifier missingObject =
        node(gone, "mem://flyte/decks/" + project + "/missing.html");
    assertStatus(
        status(() -> dataProxy.createDownloadLink(deckOf(missingObject).build())),
        Status.Code.NOT_FOUND,
        "object not found");
  }
}

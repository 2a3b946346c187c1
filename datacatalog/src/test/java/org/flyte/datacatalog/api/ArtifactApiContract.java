package org.flyte.datacatalog.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flyte.datacatalog.app.CatalogFixtures.codeOf;
import static org.flyte.datacatalog.app.CatalogFixtures.createArtifact;
import static org.flyte.datacatalog.app.CatalogFixtures.createDataset;
import static org.flyte.datacatalog.app.CatalogFixtures.data;
import static org.flyte.datacatalog.app.CatalogFixtures.integer;
import static org.flyte.datacatalog.app.CatalogFixtures.metadata;
import static org.flyte.datacatalog.app.CatalogFixtures.newDatasetId;
import static org.flyte.datacatalog.app.CatalogFixtures.statusOf;
import static org.flyte.datacatalog.app.CatalogFixtures.string;

import datacatalog.Datacatalog.AddTagRequest;
import datacatalog.Datacatalog.Artifact;
import datacatalog.Datacatalog.CreateArtifactRequest;
import datacatalog.Datacatalog.CreateDatasetRequest;
import datacatalog.Datacatalog.Dataset;
import datacatalog.Datacatalog.DatasetID;
import datacatalog.Datacatalog.GetArtifactRequest;
import datacatalog.Datacatalog.Partition;
import datacatalog.Datacatalog.Tag;
import datacatalog.Datacatalog.UpdateArtifactRequest;
import flyteidl.core.Literals.Literal;
import io.grpc.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flyte.common.storage.BlobStore;
import org.flyte.common.storage.DataReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** CreateArtifact, GetArtifact, AddTag, UpdateArtifact over gRPC: happy paths and every error. */
abstract class ArtifactApiContract extends CatalogApiTestBase {

  @Autowired BlobStore blobs;
  @Autowired DataSource dataSource;

  Artifact getById(DatasetID dataset, String id) {
    GetArtifactRequest.Builder request = GetArtifactRequest.newBuilder().setArtifactId(id);
    if (dataset != null) {
      request.setDataset(dataset);
    }
    return catalog.getArtifact(request.build()).getArtifact();
  }

  Artifact getByTag(DatasetID dataset, String tag) {
    return catalog
        .getArtifact(GetArtifactRequest.newBuilder().setDataset(dataset).setTagName(tag).build())
        .getArtifact();
  }

  void tag(DatasetID dataset, String name, String artifactId) {
    catalog.addTag(
        AddTagRequest.newBuilder()
            .setTag(Tag.newBuilder().setDataset(dataset).setName(name).setArtifactId(artifactId))
            .build());
  }

  void create(Artifact artifact) {
    catalog.createArtifact(CreateArtifactRequest.newBuilder().setArtifact(artifact).build());
  }

  DataReference location(DatasetID d, String artifactId, String output) {
    return blobs
        .baseContainer()
        .resolve(
            "metadata",
            d.getProject(),
            d.getDomain(),
            d.getName(),
            d.getVersion(),
            artifactId,
            output,
            "data.pb");
  }

  @Test
  void anArtifactReadsBackByIdWithItsLiteralsMetadataAndCreationTime() {
    DatasetID dataset = newDatasetId();
    createDataset(catalog, dataset);
    String id = UUID.randomUUID().toString();
    Instant before = Instant.now().minusSeconds(1);
    create(
        Artifact.newBuilder()
            .setId(id)
            .setDataset(dataset)
            .addData(data("o0", integer(42)))
            .addData(data("o1", string("forty-two")))
            .setMetadata(metadata("exec-attempt", "0", "exec-node", "n0"))
            .build());

    Artifact withDataset = getById(dataset, id);
    Artifact withoutDataset = getById(null, id);

    assertThat(withDataset).isEqualTo(withoutDataset);
    assertThat(withDataset.getId()).isEqualTo(id);
    assertThat(withDataset.getDataset().getUUID()).isNotEmpty();
    assertThat(withDataset.getDataList())
        .containsExactly(data("o0", integer(42)), data("o1", string("forty-two")));
    assertThat(withDataset.getMetadata().getKeyMapMap())
        .isEqualTo(Map.of("exec-attempt", "0", "exec-node", "n0"));
    assertThat(withDataset.getCreatedAt().getSeconds())
        .isGreaterThanOrEqualTo(before.getEpochSecond());
    assertThat(withDataset.getTagsList()).isEmpty();
  }

  @Test
  void literalsAreBinaryLiteralsAtFlytesPathLayoutRecordedInArtifactData() throws Exception {
    DatasetID dataset = newDatasetId();
    createDataset(catalog, dataset);
    String id = createArtifact(catalog, dataset, 7);

    DataReference expected = location(dataset, id, "o0");

    assertThat(Literal.parseFrom(blobs.read(expected))).isEqualTo(integer(7));
    assertThat(
            new JdbcTemplate(dataSource)
                .queryForObject(
                    "SELECT location FROM artifact_data WHERE artifact_id = ? AND name = 'o0'",
                    String.class,
                    id))
        .isEqualTo(expected.toString());
  }

  @Test
  void namesThatLookLikePathsStayInsideTheirArtifactsPlace() throws Exception {
    DatasetID victim = newDatasetId();
    createDataset(catalog, victim);
    String victimId = createArtifact(catalog, victim, 1);
    // a dataset whose name and version climb up into the victim's artifact data
    DatasetID hostile =
        victim.toBuilder().setName("x/../../" + victim.getName()).setVersion("..").build();
    createDataset(catalog, hostile);
    create(
        Artifact.newBuilder()
            .setId("../" + victimId)
            .setDataset(hostile)
            .addData(data("../../" + victimId + "/o0", integer(666)))
            .build());

    assertThat(Literal.parseFrom(blobs.read(location(victim, victimId, "o0"))))
        .isEqualTo(integer(1));
    assertThat(getById(victim, victimId).getData(0).getValue()).isEqualTo(integer(1));
    assertThat(getById(hostile, "../" + victimId).getData(0).getValue()).isEqualTo(integer(666));
    String stored =
        new JdbcTemplate(dataSource)
            .queryForObject(
                "SELECT location FROM artifact_data WHERE artifact_id = ?",
                String.class,
                "../" + victimId);
    // project, domain, name, version, artifact id, output, data.pb: each one segment
    String key = DataReference.parse(stored).key();
    assertThat(key.split("/")).hasSize(8).doesNotContain("..", ".");
  }

  @Test
  void creatingAnArtifactTwiceIsAlreadyExistsAndLeavesTheFirstLiteralsAlone() throws Exception {
    DatasetID dataset = newDatasetId();
    createDataset(catalog, dataset);
    String id = UUID.randomUUID().toString();
    create(
        Artifact.newBuilder()
            .setId(id)
            .setDataset(dataset)
            .addData(data("o0", integer(1)))
            .build());

    Status status =
        statusOf(
            () ->
                create(
                    Artifact.newBuilder()
                        .setId(id)
                        .setDataset(dataset)
                        .addData(data("o0", integer(2)))
                        .build()));

    assertThat(status.getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(Literal.parseFrom(blobs.read(location(dataset, id, "o0")))).isEqualTo(integer(1));
    assertThat(getById(dataset, id).getData(0).getValue()).isEqualTo(integer(1));
  }

  @Test
  void createArtifactErrors() {
    DatasetID dataset = newDatasetId();
    Artifact valid =
        Artifact.newBuilder()
            .setId("a1")
            .setDataset(dataset)
            .addData(data("o0", integer(1)))
            .build();

    assertThat(codeOf(() -> create(valid))).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(
            statusOf(() -> catalog.createArtifact(CreateArtifactRequest.getDefaultInstance()))
                .getDescription())
        .isEqualTo("missing artifact");
    assertThat(statusOf(() -> create(valid.toBuilder().clearId().build())).getDescription())
        .isEqualTo("missing artifactID");
    assertThat(statusOf(() -> create(valid.toBuilder().clearData().build())).getDescription())
        .isEqualTo("missing artifactData");
    assertThat(statusOf(() -> create(valid.toBuilder().clearDataset().build())).getDescription())
        .isEqualTo("missing dataset");
  }

  @Test
  void partitionsMustMatchTheDatasetsKeysAndReadBackInOrder() {
    DatasetID dataset = newDatasetId();
    catalog.createDataset(
        CreateDatasetRequest.newBuilder()
            .setDataset(
                Dataset.newBuilder()
                    .setId(dataset)
                    .addPartitionKeys("region")
                    .addPartitionKeys("day"))
            .build());
    Partition region = Partition.newBuilder().setKey("region").setValue("eu").build();
    Partition day = Partition.newBuilder().setKey("day").setValue("mon").build();
    Artifact base =
        Artifact.newBuilder()
            .setId("p1")
            .setDataset(dataset)
            .addData(data("o0", integer(1)))
            .build();

    create(base.toBuilder().addPartitions(region).addPartitions(day).build());
    Status tooFew =
        statusOf(() -> create(base.toBuilder().setId("p2").addPartitions(region).build()));
    Status unknown =
        statusOf(
            () ->
                create(
                    base.toBuilder()
                        .setId("p3")
                        .addPartitions(region)
                        .addPartitions(Partition.newBuilder().setKey("hour").setValue("1"))
                        .build()));

    assertThat(getById(dataset, "p1").getPartitionsList()).containsExactly(region, day);
    assertThat(tooFew.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(tooFew.getDescription())
        .isEqualTo(
            "Partition key mismatch, dataset keys: [region day], artifact Partitions:"
                + " [key:\"region\" value:\"eu\"]");
    assertThat(unknown.getDescription())
        .isEqualTo(
            "Artifact partition assignment does not match dataset partition keys:"
                + " map[day:false region:true]");
  }

  @Test
  void aLiteralLargerThanTheDownloadLimitIsRefusedAndNothingIsStored() {
    DatasetID dataset = newDatasetId();
    createDataset(catalog, dataset);
    Literal big = string("x".repeat(2 * 1024 * 1024 + 10));

    Status status =
        statusOf(
            () ->
                create(
                    Artifact.newBuilder()
                        .setId("big")
                        .setDataset(dataset)
                        .addData(data("o0", big))
                        .build()));

    assertThat(status.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(codeOf(() -> getById(dataset, "big"))).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(blobs.head(location(dataset, "big", "o0"))).isEmpty();
  }

  @Test
  void anArtifactWhoseBlobIsGoneIsAMissNotAFailure() {
    DatasetID dataset = newDatasetId();
    createDataset(catalog, dataset);
    String id = createArtifact(catalog, dataset, 3);
    tag(dataset, "flyte_cached-gone", id);

    blobs.delete(location(dataset, id, "o0"));

    assertThat(codeOf(() -> getByTag(dataset, "flyte_cached-gone")))
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(codeOf(() -> getById(dataset, id))).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void getArtifactErrors() {
    DatasetID dataset = newDatasetId();
    createDataset(catalog, dataset);

    Status missingId = statusOf(() -> getById(dataset, "nope"));
    Status missingTag = statusOf(() -> getByTag(dataset, "flyte_cached-nope"));

    assertThat(missingId.getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(missingId.getDescription()).startsWith("missing entity of type Artifact");
    assertThat(missingTag.getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(missingTag.getDescription()).startsWith("missing entity of type Tag");
    assertThat(
            statusOf(
                    () ->
                        catalog.getArtifact(
                            GetArtifactRequest.newBuilder().setDataset(dataset).build()))
                .getDescription())
        .isEqualTo("missing one of artifactID/tagName");
    assertThat(
            statusOf(
                    () ->
                        catalog.getArtifact(
                            GetArtifactRequest.newBuilder().setTagName("t").build()))
                .getDescription())
        .isEqualTo("missing dataset");
    assertThat(statusOf(() -> getByTag(dataset, "")).getDescription()).isEqualTo("missing tagName");
    assertThat(statusOf(() -> getById(dataset, "")).getDescription())
        .isEqualTo("missing artifactID");
  }

  @Test
  void aTagResolvesToItsArtifactAndNeverMoves() {
    DatasetID dataset = newDatasetId();
    createDataset(catalog, dataset);
    String first = createArtifact(catalog, dataset, 1);
    String second = createArtifact(catalog, dataset, 2);
    tag(dataset, "flyte_cached-abc", first);

    Status again = statusOf(() -> tag(dataset, "flyte_cached-abc", second));
    Artifact tagged = getByTag(dataset, "flyte_cached-abc");

    assertThat(again.getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(tagged.getId()).isEqualTo(first);
    assertThat(tagged.getData(0).getValue()).isEqualTo(integer(1));
    assertThat(tagged.getTagsList()).extracting(Tag::getName).containsExactly("flyte_cached-abc");
    assertThat(tagged.getTags(0).getArtifactId()).isEqualTo(first);
  }

  @Test
  void addTagErrors() {
    DatasetID dataset = newDatasetId();

    assertThat(codeOf(() -> tag(dataset, "t", "a"))).isEqualTo(Status.Code.NOT_FOUND);
    createDataset(catalog, dataset);
    assertThat(statusOf(() -> tag(dataset, "t", "missing")).getDescription())
        .startsWith("missing entity of type Artifact");
    assertThat(statusOf(() -> tag(dataset, "", "a")).getDescription()).isEqualTo("missing tagName");
    assertThat(statusOf(() -> tag(dataset, "t", "")).getDescription())
        .isEqualTo("missing artifactID");
    assertThat(statusOf(() -> catalog.addTag(AddTagRequest.getDefaultInstance())).getDescription())
        .isEqualTo("missing tag");
  }

  @Test
  void updateByTagOverwritesAddsAndRemovesLiteralsAndReplacesMetadata() throws Exception {
    DatasetID dataset = newDatasetId();
    createDataset(catalog, dataset);
    String id = UUID.randomUUID().toString();
    create(
        Artifact.newBuilder()
            .setId(id)
            .setDataset(dataset)
            .addData(data("o0", integer(1)))
            .addData(data("gone", integer(2)))
            .setMetadata(metadata("exec-attempt", "0"))
            .build());
    tag(dataset, "flyte_cached-upd", id);

    String updated =
        catalog
            .updateArtifact(
                UpdateArtifactRequest.newBuilder()
                    .setDataset(dataset)
                    .setTagName("flyte_cached-upd")
                    .addData(data("o0", integer(10)))
                    .addData(data("o1", integer(11)))
                    .setMetadata(metadata("exec-attempt", "1"))
                    .build())
            .getArtifactId();
    Artifact artifact = getByTag(dataset, "flyte_cached-upd");

    assertThat(updated).isEqualTo(id);
    assertThat(artifact.getDataList())
        .containsExactlyInAnyOrder(data("o0", integer(10)), data("o1", integer(11)));
    assertThat(artifact.getMetadata().getKeyMapMap()).isEqualTo(Map.of("exec-attempt", "1"));
    assertThat(blobs.head(location(dataset, id, "gone"))).isEmpty();
    assertThat(Literal.parseFrom(blobs.read(location(dataset, id, "o0")))).isEqualTo(integer(10));
  }

  @Test
  void updateByIdWithoutMetadataClearsIt() {
    DatasetID dataset = newDatasetId();
    createDataset(catalog, dataset);
    String id = UUID.randomUUID().toString();
    create(
        Artifact.newBuilder()
            .setId(id)
            .setDataset(dataset)
            .addData(data("o0", integer(1)))
            .setMetadata(metadata("k", "v"))
            .build());

    catalog.updateArtifact(
        UpdateArtifactRequest.newBuilder()
            .setArtifactId(id)
            .addData(data("o0", integer(3)))
            .build());

    assertThat(getById(dataset, id).getMetadata().getKeyMapMap()).isEmpty();
    assertThat(getById(dataset, id).getData(0).getValue()).isEqualTo(integer(3));
  }

  @Test
  void updateArtifactErrors() {
    DatasetID dataset = newDatasetId();
    createDataset(catalog, dataset);
    UpdateArtifactRequest byTag =
        UpdateArtifactRequest.newBuilder()
            .setDataset(dataset)
            .setTagName("flyte_cached-none")
            .addData(data("o0", integer(1)))
            .build();

    assertThat(codeOf(() -> catalog.updateArtifact(byTag))).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(
            statusOf(() -> catalog.updateArtifact(byTag.toBuilder().clearData().build()))
                .getDescription())
        .isEqualTo("missing artifactData");
    assertThat(
            statusOf(
                    () ->
                        catalog.updateArtifact(
                            UpdateArtifactRequest.newBuilder()
                                .addData(data("o0", integer(1)))
                                .build()))
                .getDescription())
        .isEqualTo("missing one of artifactID/tagName");
  }

  @Test
  void artifactsListTheirTagsInCreationOrder() {
    DatasetID dataset = newDatasetId();
    createDataset(catalog, dataset);
    String id = createArtifact(catalog, dataset, 5);
    tag(dataset, "b-tag", id);
    tag(dataset, "a-tag", id);

    assertThat(getById(dataset, id).getTagsList())
        .extracting(Tag::getName)
        .containsExactly("b-tag", "a-tag");
    assertThat(getByTag(dataset, "a-tag").getTagsList())
        .allSatisfy(t -> assertThat(t.getDataset().getUUID()).isNotEmpty());
    assertThat(List.of(getByTag(dataset, "a-tag").getId())).containsExactly(id);
  }
}

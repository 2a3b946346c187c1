package org.flyte.datacatalog.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flyte.datacatalog.app.CatalogFixtures.createArtifact;
import static org.flyte.datacatalog.app.CatalogFixtures.createDataset;
import static org.flyte.datacatalog.app.CatalogFixtures.data;
import static org.flyte.datacatalog.app.CatalogFixtures.integer;
import static org.flyte.datacatalog.app.CatalogFixtures.newDatasetId;

import datacatalog.Datacatalog.AddTagRequest;
import datacatalog.Datacatalog.Artifact;
import datacatalog.Datacatalog.CreateArtifactRequest;
import datacatalog.Datacatalog.DatasetID;
import datacatalog.Datacatalog.GetArtifactRequest;
import datacatalog.Datacatalog.Tag;
import flyteidl.core.Literals.Literal;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.flyte.common.storage.BlobStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many clients creating the same dataset, artifact or tag at the same moment: exactly one succeeds,
 * every other gets ALREADY_EXISTS, and what is stored is the winner's, complete.
 */
abstract class ConcurrentWritesContract extends CatalogApiTestBase {

  private static final int THREADS = 16;

  @Autowired BlobStore blobs;
  @Autowired DataSource dataSource;

  /** Runs {@code call(i)} for i in [0, THREADS) at once; returns each call's status code. */
  private List<Status.Code> race(IntFunction<Runnable> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Status.Code>> results = new ArrayList<>();
    try {
      for (int i = 0; i < THREADS; i++) {
        Runnable r = call.apply(i);
        Callable<Status.Code> task =
            () -> {
              start.await();
              try {
                r.run();
                return Status.Code.OK;
              } catch (StatusRuntimeException e) {
                return e.getStatus().getCode();
              }
            };
        results.add(pool.submit(task));
      }
      start.countDown();
      List<Status.Code> codes = new ArrayList<>();
      for (Future<Status.Code> f : results) {
        codes.add(f.get(60, TimeUnit.SECONDS));
      }
      return codes;
    } finally {
      pool.shutdownNow();
    }
  }

  private long count(String sql, Object... args) {
    return new JdbcTemplate(dataSource).queryForObject(sql, Long.class, args);
  }

  @Test
  void oneOfManyConcurrentCreateDatasetsWins() throws Exception {
    DatasetID id = newDatasetId();

    List<Status.Code> codes = race(i -> () -> createDataset(catalog, id));

    assertThat(codes).containsOnlyOnce(Status.Code.OK);
    assertThat(codes).filteredOn(c -> c != Status.Code.OK).containsOnly(Status.Code.ALREADY_EXISTS);
    assertThat(count("SELECT count(*) FROM datasets WHERE project = ?", id.getProject()))
        .isEqualTo(1);
  }

  @Test
  void oneOfManyConcurrentCreateArtifactsWinsAndItsLiteralsAreTheOnesStored() throws Exception {
    DatasetID dataset = newDatasetId();
    createDataset(catalog, dataset);

    List<Status.Code> codes =
        race(
            i ->
                () ->
                    catalog.createArtifact(
                        CreateArtifactRequest.newBuilder()
                            .setArtifact(
                                Artifact.newBuilder()
                                    .setId("same-id")
                                    .setDataset(dataset)
                                    .addData(data("o0", integer(i)))
                                    .addData(data("o1", integer(100 + i))))
                            .build()));
    Artifact stored =
        catalog
            .getArtifact(
                GetArtifactRequest.newBuilder()
                    .setDataset(dataset)
                    .setArtifactId("same-id")
                    .build())
            .getArtifact();
    long winner = stored.getData(0).getValue().getScalar().getPrimitive().getInteger();

    assertThat(codes).containsOnlyOnce(Status.Code.OK);
    assertThat(codes).filteredOn(c -> c != Status.Code.OK).containsOnly(Status.Code.ALREADY_EXISTS);
    assertThat(stored.getDataList())
        .containsExactly(data("o0", integer(winner)), data("o1", integer(100 + winner)));
    assertThat(
            count(
                "SELECT count(*) FROM artifact_data WHERE dataset_project = ? AND artifact_id = ?",
                dataset.getProject(),
                "same-id"))
        .isEqualTo(2);
    assertThat(
            Literal.parseFrom(
                blobs.read(
                    blobs
                        .baseContainer()
                        .resolve(
                            "metadata",
                            dataset.getProject(),
                            dataset.getDomain(),
                            dataset.getName(),
                            dataset.getVersion(),
                            "same-id",
                            "o1",
                            "data.pb"))))
        .as("losers never overwrite the winner's blobs")
        .isEqualTo(integer(100 + winner));
  }

  @Test
  void oneOfManyConcurrentAddTagsWinsAndTheTagPointsAtItsArtifact() throws Exception {
    DatasetID dataset = newDatasetId();
    createDataset(catalog, dataset);
    List<String> artifacts = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      artifacts.add(createArtifact(catalog, dataset, i));
    }

    List<Status.Code> codes =
        race(
            i ->
                () ->
                    catalog.addTag(
                        AddTagRequest.newBuilder()
                            .setTag(
                                Tag.newBuilder()
                                    .setDataset(dataset)
                                    .setName("flyte_cached-race")
                                    .setArtifactId(artifacts.get(i)))
                            .build()));
    Artifact tagged =
        catalog
            .getArtifact(
                GetArtifactRequest.newBuilder()
                    .setDataset(dataset)
                    .setTagName("flyte_cached-race")
                    .build())
            .getArtifact();
    int winner = codes.indexOf(Status.Code.OK);

    assertThat(codes).containsOnlyOnce(Status.Code.OK);
    assertThat(codes).filteredOn(c -> c != Status.Code.OK).containsOnly(Status.Code.ALREADY_EXISTS);
    assertThat(tagged.getId()).isEqualTo(artifacts.get(winner));
    assertThat(tagged.getData(0).getValue()).isEqualTo(integer(winner));
  }
}

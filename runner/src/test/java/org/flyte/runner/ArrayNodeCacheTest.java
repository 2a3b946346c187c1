package org.flyte.runner;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.core.Execution.TaskExecution;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.Binding;
import flyteidl.core.Literals.BindingData;
import flyteidl.core.Literals.BindingDataCollection;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskMetadata;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Types.LiteralType;
import flyteidl.event.Event.ExternalResourceInfo;
import flyteidl.event.Event.TaskExecutionEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flyte.common.storage.BlobStoreSettings;
import org.flyte.common.storage.DataReference;
import org.flyte.common.storage.ProtoStore;
import org.flyte.common.storage.memory.InMemoryBlobStore;
import org.flyte.compiler.k8s.model.ArrayNodeSpec;
import org.flyte.compiler.k8s.model.FlyteWorkflow;
import org.flyte.compiler.k8s.model.NodeKind;
import org.flyte.compiler.k8s.model.NodeSpec;
import org.flyte.runner.catalog.CatalogKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code map_task} of a cached task: as propeller's node executor does for each sub-node of an
 * array node, every element is looked up in the cache and put there once it succeeded; the external
 * resources of the array node's task event carry each element's cache status.
 */
class ArrayNodeCacheTest {

  @TempDir Path work;

  private final InMemoryBlobStore store = new InMemoryBlobStore(BlobStoreSettings.of("bucket"));
  private final RecordingSink sink = new RecordingSink();
  private final FakeCatalog catalog = new FakeCatalog();
  private final Map<String, TaskTemplate> byName = new HashMap<>();
  private final FakeLauncher launcher = new FakeLauncher(new ProtoStore(store), byName);
  private final WorkflowRunner runner =
      new WorkflowRunner(
          RunnerSettings.defaults().withWorkDirectory(work).withMaxParallelTasks(2),
          new RunnerServices(store, sink, launcher, new FakeControlPlane(), catalog, null));

  /** As flytekit registers a map task: a list of integers to a list of integers. */
  private final TaskTemplate cube =
      Workflows.pythonTask("m", "cube", "a").toBuilder()
          .setMetadata(TaskMetadata.newBuilder().setDiscoverable(true).setDiscoveryVersion("1"))
          .setInterface(TypedInterface.newBuilder().setInputs(list("a")).setOutputs(list("o0")))
          .build();

  private static VariableMap list(String name) {
    return VariableMap.newBuilder()
        .putVariables(
            name,
            Variable.newBuilder()
                .setType(LiteralType.newBuilder().setCollectionType(Workflows.INT))
                .build())
        .build();
  }

  @AfterEach
  void close() {
    runner.close();
  }

  /** The array node of {@link #cube} over {@code items}; returns its last task event. */
  private TaskExecutionEvent map(long... items) throws Exception {
    byName.put(cube.getId().getName(), cube);
    BindingDataCollection.Builder list = BindingDataCollection.newBuilder();
    for (long i : items) {
      list.addBindings(BindingData.newBuilder().setScalar(Workflows.integer(i).getScalar()));
    }
    NodeSpec sub =
        Workflows.node("n0", NodeKind.TASK, List.of()).toBuilder()
            .taskRef(Workflows.key(cube))
            .build();
    NodeSpec array =
        Workflows.node(
                "n0",
                NodeKind.ARRAY,
                List.of(
                    Binding.newBuilder()
                        .setVar("a")
                        .setBinding(BindingData.newBuilder().setCollection(list))
                        .build()))
            .toBuilder()
            .array(new ArrayNodeSpec(sub, null, null, null, null))
            .build();
    FlyteWorkflow cr =
        Workflows.resource(
            Workflows.newId(),
            Workflows.chain("p:d:wf", List.of(array)),
            Map.of(Workflows.key(cube), cube),
            null,
            LiteralMap.getDefaultInstance());
    int before = sink.of(TaskExecutionEvent.class).size();
    runner.start(cr);
    assertThat(runner.await(cr.executionId(), Duration.ofSeconds(30)).orElseThrow())
        .as("%s", sink.lines())
        .isEqualTo(WorkflowExecution.Phase.SUCCEEDED);
    List<TaskExecutionEvent> events = sink.of(TaskExecutionEvent.class);
    TaskExecutionEvent last = events.get(events.size() - 1);
    assertThat(events.size()).isGreaterThan(before);
    assertThat(last.getPhase()).isEqualTo(TaskExecution.Phase.SUCCEEDED);
    LiteralMap outputs =
        new ProtoStore(store)
            .read(DataReference.parse(last.getOutputUri()), LiteralMap.getDefaultInstance());
    assertThat(outputs.getLiteralsOrThrow("o0").getCollection().getLiteralsCount())
        .isEqualTo(items.length);
    return last;
  }

  private static List<String> statuses(TaskExecutionEvent event) {
    return event.getMetadata().getExternalResourcesList().stream()
        .sorted((a, b) -> Integer.compare(a.getIndex(), b.getIndex()))
        .map(r -> r.getPhase() + " " + r.getCacheStatus())
        .toList();
  }

  @Test
  void eachElementIsCachedAndASecondRunHitsTheCacheForEveryElement() throws Exception {
    TaskExecutionEvent first = map(1, 2, 3);

    assertThat(launcher.launched).hasSize(3);
    assertThat(statuses(first))
        .containsExactly(
            "SUCCEEDED CACHE_POPULATED", "SUCCEEDED CACHE_POPULATED", "SUCCEEDED CACHE_POPULATED");
    // propeller's key: the registered inputs, the outputs of one element
    TypedInterface element =
        TypedInterface.newBuilder().setInputs(list("a")).setOutputs(Workflows.ints("o0")).build();
    for (long i = 1; i <= 3; i++) {
      CatalogKey key =
          new CatalogKey(
              cube.getId(),
              element,
              "1",
              LiteralMap.newBuilder().putLiterals("a", Workflows.integer(i)).build(),
              List.of());
      assertThat(catalog.entries).containsKey(key.datasetId() + "/" + key.tagName());
    }
    assertThat(catalog.entries).hasSize(3);

    TaskExecutionEvent second = map(1, 2, 3);

    assertThat(launcher.launched).as("no process for a cached element").hasSize(3);
    assertThat(statuses(second))
        .containsExactly("SUCCEEDED CACHE_HIT", "SUCCEEDED CACHE_HIT", "SUCCEEDED CACHE_HIT");
    assertThat(second.getMetadata().getExternalResourcesList())
        .extracting(ExternalResourceInfo::getLogsCount)
        .containsOnly(0);
  }

  @Test
  void onlyTheElementsNotCachedYetRun() throws Exception {
    map(1, 2);

    TaskExecutionEvent more = map(1, 2, 7);

    assertThat(launcher.launched).hasSize(3);
    assertThat(launcher.launched.get(2).environment().get("FLYTE_K8S_ARRAY_INDEX")).isEqualTo("2");
    assertThat(statuses(more))
        .containsExactly("SUCCEEDED CACHE_HIT", "SUCCEEDED CACHE_HIT", "SUCCEEDED CACHE_POPULATED");
  }
}

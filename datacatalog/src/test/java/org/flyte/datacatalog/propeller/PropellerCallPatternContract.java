package org.flyte.datacatalog.propeller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flyte.datacatalog.app.CatalogFixtures.integer;
import static org.flyte.datacatalog.app.CatalogFixtures.string;

import datacatalog.Datacatalog.GetArtifactRequest;
import datacatalog.Datacatalog.Reservation;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flyte.datacatalog.app.CatalogFixtures;
import org.flyte.testing.AdjustableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * DataCatalog driven the way FlytePropeller drives it ({@code
 * flytepropeller/pkg/controller/nodes/catalog/datacatalog/datacatalog.go}, v1.16.8): cache keys
 * derived from the task interface and the inputs, lookup miss → write → lookup hit, the overwrite
 * path, and cache serialization with owners racing for one reservation.
 */
abstract class PropellerCallPatternContract {

  private static final Variable INTEGER =
      Variable.newBuilder().setType(LiteralType.newBuilder().setSimple(SimpleType.INTEGER)).build();
  private static final Variable STRING =
      Variable.newBuilder().setType(LiteralType.newBuilder().setSimple(SimpleType.STRING)).build();

  @Autowired Environment environment;
  @Autowired AdjustableClock clock;
  private ManagedChannel channel;
  private PropellerCatalogClient propeller;

  @BeforeEach
  void connect() {
    channel = CatalogFixtures.channel(environment);
    propeller = new PropellerCatalogClient(CatalogFixtures.stub(channel));
  }

  @AfterEach
  void disconnect() {
    channel.shutdownNow();
  }

  /** A task {@code (a: int) -> (o0: int, o1: str)} of a project of its own. */
  private static CacheKey key(long input) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    return key("project-" + suffix, input);
  }

  private static CacheKey key(String project, long input) {
    return new CacheKey(
        Identifier.newBuilder()
            .setProject(project)
            .setDomain("development")
            .setName("wf.square")
            .setVersion("v1")
            .build(),
        TypedInterface.newBuilder()
            .setInputs(VariableMap.newBuilder().putVariables("a", INTEGER))
            .setOutputs(
                VariableMap.newBuilder().putVariables("o0", INTEGER).putVariables("o1", STRING))
            .build(),
        "1.0",
        LiteralMap.newBuilder().putLiterals("a", integer(input)).build(),
        List.of());
  }

  private static LiteralMap outputs(long value) {
    return LiteralMap.newBuilder()
        .putLiterals("o0", integer(value))
        .putLiterals("o1", string("v" + value))
        .build();
  }

  private static PropellerCatalogClient.Source source(String execution) {
    return new PropellerCatalogClient.Source("p", "development", execution, "n0", 0);
  }

  @Test
  void aMissIsFollowedByAWriteAndThenAHit() {
    CacheKey key = key(3);

    assertThat(propeller.get(key)).as("no dataset yet").isEmpty();
    propeller.put(key, outputs(9), source("exec-1"));

    assertThat(propeller.get(key)).contains(outputs(9));
    assertThat(propeller.get(key(key.task().getProject(), 4))).as("other inputs: no tag").isEmpty();
  }

  @Test
  void theLoserOfTwoConcurrentWritesLeavesTheFirstEntryInPlace() {
    CacheKey key = key(5);
    String first = propeller.put(key, outputs(25), source("exec-1"));

    String second = propeller.put(key, outputs(-1), source("exec-2"));
    var tagged =
        CatalogFixtures.stub(channel)
            .getArtifact(
                GetArtifactRequest.newBuilder()
                    .setDataset(key.datasetId())
                    .setTagName(key.tagName())
                    .build())
            .getArtifact();

    assertThat(second).isNotEqualTo(first);
    assertThat(tagged.getId()).isEqualTo(first);
    assertThat(propeller.get(key)).contains(outputs(25));
  }

  @Test
  void anOverwriteCreatesTheEntryWhenMissingAndRewritesItInPlaceOtherwise() {
    CacheKey key = key(6);

    String created = propeller.update(key, outputs(36), source("exec-1"));
    String rewritten = propeller.update(key, outputs(37), source("exec-2"));

    assertThat(rewritten).isEqualTo(created);
    assertThat(propeller.get(key)).contains(outputs(37));
  }

  @Test
  void manyOwnersRacingForOneReservationGetExactlyOneHolder() throws Exception {
    CacheKey key = key(7);
    Set<String> holders = race(key, List.of("a", "b", "c", "d", "e", "f", "g", "h"), 4, 10);

    assertThat(holders).hasSize(1);
  }

  @Test
  void aReservationIsTakenOverAfterItExpiresAndReleaseIsIdempotent() throws Exception {
    CacheKey key = key(8);
    Duration heartbeat = Duration.ofSeconds(10);
    Set<String> first = race(key, List.of("node-a", "node-b"), 8, 10);
    String holder = first.iterator().next();
    String other = holder.equals("node-a") ? "node-b" : "node-a";

    assertThat(first).hasSize(1);
    assertThat(propeller.getOrExtendReservation(key, other, heartbeat).getOwnerId())
        .as("held and not expired")
        .isEqualTo(holder);

    clock.advance(Duration.ofSeconds(31)); // the holder stopped heartbeating: 10 s × 3 passed
    Set<String> afterExpiry = race(key, List.of(other), 8, 5);
    Reservation stale = propeller.getOrExtendReservation(key, holder, heartbeat);

    assertThat(afterExpiry).containsExactly(other);
    assertThat(stale.getOwnerId()).as("the old holder sees the new one").isEqualTo(other);

    propeller.releaseReservation(key, holder); // not the holder: no effect, no error
    assertThat(propeller.getOrExtendReservation(key, holder, heartbeat).getOwnerId())
        .isEqualTo(other);
    propeller.releaseReservation(key, other);
    propeller.releaseReservation(key, other);
    assertThat(propeller.getOrExtendReservation(key, holder, heartbeat).getOwnerId())
        .isEqualTo(holder);
  }

  /**
   * {@code threadsPerOwner} threads per owner call GetOrExtendReservation {@code rounds} times
   * each, all released at once; returns every owner that any response named as the holder.
   */
  private Set<String> race(CacheKey key, List<String> owners, int threadsPerOwner, int rounds)
      throws Exception {
    Set<String> holders = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(owners.size() * threadsPerOwner);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> calls = new ArrayList<>();
    try {
      for (String owner : owners) {
        for (int t = 0; t < threadsPerOwner; t++) {
          calls.add(
              pool.submit(
                  () -> {
                    start.await();
                    for (int r = 0; r < rounds; r++) {
                      holders.add(
                          propeller
                              .getOrExtendReservation(key, owner, Duration.ofSeconds(10))
                              .getOwnerId());
                    }
                    return null;
                  }));
        }
      }
      start.countDown();
      for (Future<?> call : calls) {
        call.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    return holders;
  }
}

package org.flyte.admin.service.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flyte.admin.AdminAppTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit of event writes: writes ready together share one transaction, each caller gets its
 * own write's result after the commit, a write that matches nothing does not disturb the others,
 * and a failing write fails alone. The writes here are single-row inserts into a probe table that
 * record their transaction, standing in for the event repositories' statements.
 */
class EventCommitsTest extends AdminAppTest {

  @Autowired EventCommits commits;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  private final ExecutorService threads = Executors.newCachedThreadPool();
  private String prefix;

  @BeforeEach
  void table() {
    jdbc.sql(
            "CREATE TABLE IF NOT EXISTS event_commits_probe (k text PRIMARY KEY, tx bigint NOT"
                + " NULL)")
        .update();
    prefix = UUID.randomUUID() + "-";
  }

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void writesReadyTogetherShareOneTransactionAndEachGetsItsResult() throws Exception {
    CountDownLatch leading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<Boolean> first = threads.submit(() -> commits.write(() -> blocked(leading, release)));
    assertThat(leading.await(30, TimeUnit.SECONDS)).isTrue();
    List<Future<Boolean>> queued = new ArrayList<>();
    for (String key : List.of("a", "b", "c")) {
      queued.add(threads.submit(() -> commits.write(() -> insert(key))));
    }
    // "a" again: matches nothing once the first "a" is written in the same group
    queued.add(threads.submit(() -> commits.write(() -> insert("a"))));
    awaitWaiting(4);
    release.countDown();

    assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
    List<Boolean> results = new ArrayList<>();
    for (Future<Boolean> f : queued) {
      results.add(f.get(30, TimeUnit.SECONDS));
    }
    assertThat(results).containsExactlyInAnyOrder(true, true, true, false);
    assertThat(keys()).containsExactlyInAnyOrder("first", "a", "b", "c");
    assertThat(
            jdbc.sql("SELECT count(DISTINCT tx) FROM event_commits_probe WHERE k IN (:a, :b, :c)")
                .param("a", prefix + "a")
                .param("b", prefix + "b")
                .param("c", prefix + "c")
                .query(Long.class)
                .single())
        .as("the three writes queued behind the leader committed in one transaction")
        .isOne();
  }

  @Test
  void aFailingWriteFailsAloneAndTheOthersOfItsGroupCommit() throws Exception {
    CountDownLatch leading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<Boolean> first = threads.submit(() -> commits.write(() -> blocked(leading, release)));
    assertThat(leading.await(30, TimeUnit.SECONDS)).isTrue();
    Future<Boolean> before = threads.submit(() -> commits.write(() -> insert("before")));
    Future<Boolean> failing =
        threads.submit(
            () ->
                commits.write(
                    () ->
                        jdbc.sql("INSERT INTO event_commits_probe (k, tx) VALUES (:k, NULL)")
                                .param("k", prefix + "failing")
                                .update()
                            > 0));
    Future<Boolean> after = threads.submit(() -> commits.write(() -> insert("after")));
    awaitWaiting(3);
    release.countDown();

    assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(before.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(after.get(30, TimeUnit.SECONDS)).isTrue();
    assertThatThrownBy(() -> failing.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(DataIntegrityViolationException.class);
    assertThat(keys()).containsExactlyInAnyOrder("first", "before", "after");
  }

  @Test
  void aCallerInsideATransactionWritesInItsOwnTransaction() {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    Boolean written =
        transaction.execute(
            status -> {
              boolean result = commits.write(() -> insert("inside"));
              status.setRollbackOnly();
              return result;
            });
    assertThat(written).isTrue();
    assertThat(keys()).as("rolled back with its caller's transaction").isEmpty();
  }

  @Test
  void manyConcurrentWritersAllCommit() throws Exception {
    List<Future<Boolean>> writers = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      String key = "k" + i;
      writers.add(threads.submit(() -> commits.write(() -> insert(key))));
    }
    for (Future<Boolean> writer : writers) {
      assertThat(writer.get(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(keys()).hasSize(64);
    assertThat(commits.waiting()).isZero();
  }

  private boolean blocked(CountDownLatch leading, CountDownLatch release) {
    leading.countDown();
    try {
      assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return insert("first");
  }

  private boolean insert(String key) {
    return jdbc.sql(
                "INSERT INTO event_commits_probe (k, tx) VALUES (:k, txid_current())"
                    + " ON CONFLICT DO NOTHING")
            .param("k", prefix + key)
            .update()
        > 0;
  }

  private List<String> keys() {
    return jdbc
        .sql("SELECT k FROM event_commits_probe WHERE k LIKE :p")
        .param("p", prefix + "%")
        .query(String.class)
        .list()
        .stream()
        .map(k -> k.substring(prefix.length()))
        .toList();
  }

  private void awaitWaiting(int writes) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (commits.waiting() < writes && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(commits.waiting()).isEqualTo(writes);
  }
}

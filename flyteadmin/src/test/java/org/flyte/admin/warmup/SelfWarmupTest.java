package org.flyte.admin.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.flyte.admin.AdminAppTest;
import org.flyte.common.storage.BlobStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The self-warm that runs before the app reports ready: it ran, and it left nothing behind. */
class SelfWarmupTest extends AdminAppTest {

  @Autowired private SelfWarmup selfWarmup;
  @Autowired private JdbcClient jdbc;
  @Autowired private BlobStore blobs;

  @Test
  void ranItsCyclesAndCommittedNothing() throws Exception {
    SelfWarmup.Outcome outcome = selfWarmup.await(Duration.ofSeconds(60)).orElseThrow();

    assertThat(outcome.failure()).isEmpty();
    assertThat(outcome.cycles()).isPositive();
    // each cycle: the project, two versions of a task, a workflow and a launch plan, three lists
    assertThat(outcome.calls()).isEqualTo(outcome.cycles() * 10);
    assertThat(outcome.blobsDeleted()).isEqualTo(outcome.cycles() * 2);
    assertThat(outcome.project()).startsWith("flyte-warmup-");

    String project = outcome.project();
    assertThat(count("SELECT count(*) FROM projects WHERE identifier = :p", project)).isZero();
    for (String table :
        List.of(
            "tasks",
            "workflows",
            "launch_plans",
            "named_entity_metadata",
            "description_entities")) {
      assertThat(count("SELECT count(*) FROM " + table + " WHERE project = :p", project))
          .as(table)
          .isZero();
    }
    assertThat(blobs.list(blobs.baseContainer().resolve("metadata", "admin", project))).isEmpty();
  }

  private long count(String sql, String project) {
    return jdbc.sql(sql).param("p", project).query(Long.class).single();
  }
}

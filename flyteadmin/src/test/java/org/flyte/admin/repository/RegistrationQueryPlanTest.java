package org.flyte.admin.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flyte.admin.AdminAppTest;
import org.flyte.admin.repository.query.Identifiers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The registration list queries are index scans (with sequential scans disabled, so that the
 * planner shows which index it can use on these small test tables).
 */
class RegistrationQueryPlanTest extends AdminAppTest {

  @Autowired private DataSource dataSource;

  private List<String> plan(String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SET enable_seqscan = off");
      List<String> lines = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
        while (rs.next()) {
          lines.add(rs.getString(1));
        }
      } finally {
        s.execute("RESET enable_seqscan");
      }
      return lines;
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // ListTasks / ListWorkflows, latest version first (flytekit, flytectl)
        "SELECT * FROM tasks t WHERE t.project = 'p' AND t.domain = 'd' AND t.name = 'n'"
            + " ORDER BY t.created_at DESC LIMIT 1",
        "SELECT * FROM workflows w WHERE w.project = 'p' AND w.domain = 'd' AND w.name = 'n'"
            + " ORDER BY w.created_at DESC LIMIT 100",
        // ListNamedEntities: the distinct names
        "SELECT DISTINCT x.project, x.domain, x.name, 2 AS resource_type FROM workflows x WHERE"
            + " x.project = 'p' AND x.domain = 'd' AND x.name NOT LIKE '.flytegen%'"
            + " ORDER BY x.name ASC LIMIT 25",
        "SELECT DISTINCT x.project, x.domain, x.name FROM launch_plans x WHERE x.project = 'p'"
            + " AND x.domain = 'd' ORDER BY x.name ASC LIMIT 25",
        // ListDescriptionEntities (no resource type)
        "SELECT * FROM description_entities d WHERE d.project = 'p' AND d.domain = 'd' AND"
            + " d.name = 'n' ORDER BY d.version LIMIT 10"
      })
  void isAnIndexScan(String sql) throws Exception {
    List<String> plan = plan(sql);

    assertThat(plan).noneMatch(line -> line.contains("Seq Scan"));
    assertThat(String.join("\n", plan)).containsPattern("Index (Only )?Scan");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasks", "workflows"})
  void listIdsProbesTheNameIndexOncePerNameInEitherDirection(String table) throws Exception {
    for (boolean ascending : new boolean[] {true, false}) {
      String sql =
          Identifiers.skipScan(table, ascending).replace(":p", "'p'").replace(":d", "'d'")
              + " LIMIT 100";
      List<String> plan = plan(sql);

      assertThat(plan).noneMatch(line -> line.contains("Seq Scan"));
      assertThat(String.join("\n", plan))
          .contains("Recursive Union")
          .containsPattern("Index (Only )?Scan");
    }
  }
}

package org.flyte.bench.datacatalog;

import datacatalog.Datacatalog.ArtifactData;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flyte.datacatalog.repository.row.ArtifactKey;
import org.flyte.datacatalog.service.ArtifactDataStore;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills the catalog with {@code datasets × artifactsPerDataset} artifacts, each with one output and
 * one tag, by {@code COPY} (minutes for a million artifacts instead of hours of RPCs). The literals
 * of the first {@code hotArtifacts} artifacts of each dataset are written to storage: the
 * GetArtifact hits read those. Seeding is skipped when the database already holds the data set.
 */
final class CatalogSeeder {

  static final String PROJECT = "bench";
  static final String DOMAIN = "development";
  static final String VERSION = "1.0-GKw-c0Pw-GKw-c0Pw";
  private static final int CHUNK = 50_000;

  private final DataSource dataSource;
  private final ArtifactDataStore store;
  private final int datasets;
  private final int artifactsPerDataset;
  private final int hotArtifacts;

  CatalogSeeder(
      DataSource dataSource,
      ArtifactDataStore store,
      int datasets,
      int artifactsPerDataset,
      int hotArtifacts) {
    this.dataSource = dataSource;
    this.store = store;
    this.datasets = datasets;
    this.artifactsPerDataset = artifactsPerDataset;
    this.hotArtifacts = hotArtifacts;
  }

  static String datasetName(int d) {
    return "flyte_task-bench.t" + d;
  }

  static String artifactId(int d, int a) {
    return "a-" + d + "-" + a;
  }

  static String tagName(int d, int a) {
    return "flyte_cached-" + d + "-" + a;
  }

  static ArtifactKey key(int d, int a) {
    return new ArtifactKey(PROJECT, datasetName(d), DOMAIN, VERSION, artifactId(d, a));
  }

  static Literal literal(long value) {
    return Literal.newBuilder()
        .setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setInteger(value)))
        .build();
  }

  /** Seeds unless already seeded; returns the number of artifacts present. */
  long seed() throws SQLException, IOException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      var rs = s.executeQuery("SELECT count(*) FROM datasets WHERE project = '" + PROJECT + "'");
      rs.next();
      if (rs.getLong(1) == datasets) {
        System.out.println("Seed: found " + datasets + " datasets, reusing them");
        return count(s);
      }
      s.execute("DELETE FROM tags WHERE dataset_project = '" + PROJECT + "'");
      s.execute("DELETE FROM artifact_data WHERE dataset_project = '" + PROJECT + "'");
      s.execute("DELETE FROM artifacts WHERE dataset_project = '" + PROJECT + "'");
      s.execute("DELETE FROM datasets WHERE project = '" + PROJECT + "'");
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      long t0 = System.nanoTime();
      UUID[] uuids = new UUID[datasets];
      StringBuilder rows = new StringBuilder();
      for (int d = 0; d < datasets; d++) {
        uuids[d] = UUID.randomUUID();
        rows.append("now(),now(),")
            .append(PROJECT)
            .append(',')
            .append(datasetName(d))
            .append(',')
            .append(DOMAIN)
            .append(',')
            .append(VERSION)
            .append(',')
            .append(uuids[d])
            .append(",\\x\n");
      }
      copy.copyIn(
          "COPY datasets (created_at, updated_at, project, name, domain, version, uuid,"
              + " serialized_metadata) FROM STDIN WITH (FORMAT csv)",
          new StringReader(rows.toString().replace("now()", "2026-01-01 00:00:00+00")));
      copyArtifacts(copy, uuids);
      System.out.printf(
          "Seed: COPY of %d artifacts took %.1f s%n", count(s), (System.nanoTime() - t0) / 1e9);
      s.execute("VACUUM ANALYZE datasets");
      s.execute("VACUUM ANALYZE artifacts");
      s.execute("VACUUM ANALYZE artifact_data");
      s.execute("VACUUM ANALYZE tags");
      writeHotLiterals();
      return count(s);
    }
  }

  private void copyArtifacts(CopyManager copy, UUID[] uuids) throws SQLException, IOException {
    StringBuilder artifacts = new StringBuilder();
    StringBuilder data = new StringBuilder();
    StringBuilder tags = new StringBuilder();
    int rows = 0;
    for (int d = 0; d < datasets; d++) {
      String ds = PROJECT + ',' + datasetName(d) + ',' + DOMAIN + ',' + VERSION + ',';
      for (int a = 0; a < artifactsPerDataset; a++) {
        String created = "2026-01-01 00:00:00." + String.format("%06d", a) + "+00";
        String id = artifactId(d, a);
        artifacts
            .append(created)
            .append(',')
            .append(created)
            .append(',')
            .append(ds)
            .append(id)
            .append(',')
            .append(uuids[d])
            .append(",\\x\n");
        data.append(created)
            .append(',')
            .append(created)
            .append(',')
            .append(ds)
            .append(id)
            .append(",o0,")
            .append(store.location(key(d, a), "o0"))
            .append('\n');
        tags.append(created)
            .append(',')
            .append(created)
            .append(',')
            .append(ds)
            .append(tagName(d, a))
            .append(',')
            .append(id)
            .append(',')
            .append(uuids[d])
            .append('\n');
        if (++rows % CHUNK == 0) {
          flush(copy, artifacts, data, tags);
        }
      }
    }
    flush(copy, artifacts, data, tags);
  }

  private static void flush(
      CopyManager copy, StringBuilder artifacts, StringBuilder data, StringBuilder tags)
      throws SQLException, IOException {
    String columns =
        "created_at, updated_at, dataset_project, dataset_name, dataset_domain, dataset_version, ";
    copy.copyIn(
        "COPY artifacts ("
            + columns
            + "artifact_id, dataset_uuid, serialized_metadata)"
            + " FROM STDIN WITH (FORMAT csv)",
        new StringReader(artifacts.toString()));
    copy.copyIn(
        "COPY artifact_data ("
            + columns
            + "artifact_id, name, location) FROM STDIN WITH (FORMAT csv)",
        new StringReader(data.toString()));
    copy.copyIn(
        "COPY tags ("
            + columns
            + "tag_name, artifact_id, dataset_uuid) FROM STDIN WITH (FORMAT csv)",
        new StringReader(tags.toString()));
    artifacts.setLength(0);
    data.setLength(0);
    tags.setLength(0);
  }

  private void writeHotLiterals() {
    long t0 = System.nanoTime();
    for (int d = 0; d < datasets; d++) {
      for (int a = 0; a < hotArtifacts; a++) {
        store.put(
            key(d, a),
            ArtifactData.newBuilder().setName("o0").setValue(literal(d * 1000L + a)).build());
      }
    }
    System.out.printf(
        "Seed: wrote %d literals in %.1f s%n",
        datasets * hotArtifacts, (System.nanoTime() - t0) / 1e9);
  }

  private static long count(Statement s) throws SQLException {
    var rs =
        s.executeQuery("SELECT count(*) FROM artifacts WHERE dataset_project = '" + PROJECT + "'");
    rs.next();
    return rs.getLong(1);
  }
}

package org.flyte.testing;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads and rewrites the checksums that Flyway stored in an app's schema history table. */
public final class SchemaHistory {

  private final JdbcTemplate jdbc;
  private final String table;

  public SchemaHistory(DataSource dataSource, String table) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.table = table;
  }

  /** The checksum stored for the migration {@code version}. */
  public int checksum(String version) {
    return jdbc.queryForObject(
        "SELECT checksum FROM " + table + " WHERE version = ?", Integer.class, version);
  }

  /** Stores {@code checksum} for {@code version}, as an earlier build of the file would have. */
  public void recordChecksum(String version, int checksum) {
    jdbc.update("UPDATE " + table + " SET checksum = ? WHERE version = ?", checksum, version);
  }
}

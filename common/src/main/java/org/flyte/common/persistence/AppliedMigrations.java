package org.flyte.common.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.flyte.common.persistence.PackagedMigrations.Migration;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Reads an app's Flyway schema history table (in the connection's current schema, where Flyway
 * keeps it when no schema is configured) and tells whether it records exactly the packaged
 * migrations: every one applied successfully, in version order, with the description, script and
 * checksum of its file, and nothing else but an optional baseline row below them all. Two
 * statements, no lock, no write.
 */
final class AppliedMigrations {

  private AppliedMigrations() {}

  /**
   * Returns normally when {@code table} records exactly {@code packaged}; otherwise says why not.
   */
  static void requireExactly(Connection connection, String table, List<Migration> packaged)
      throws FlywayNeeded, SQLException {
    String history = historyTable(connection, table);
    try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT version, description, type, script, checksum, success FROM "
                    + history
                    + " ORDER BY installed_rank");
        ResultSet rows = select.executeQuery()) {
      int next = 0;
      boolean first = true;
      while (rows.next()) {
        String version = rows.getString("version");
        String type = rows.getString("type");
        int checksum = rows.getInt("checksum");
        boolean noChecksum = rows.wasNull();
        if (!rows.getBoolean("success")) {
          throw new FlywayNeeded("migration " + version + " failed");
        }
        if (first && "BASELINE".equals(type)) {
          first = false;
          requireBelow(version, packaged.get(0).version());
          continue;
        }
        first = false;
        if (!"SQL".equals(type) || version == null) {
          throw new FlywayNeeded("the history has a " + type + " row");
        }
        if (next == packaged.size()) {
          throw new FlywayNeeded("migration " + version + " is not packaged in this build");
        }
        Migration expected = packaged.get(next++);
        if (!expected.version().equals(version)) {
          throw new FlywayNeeded(
              "migration " + expected.version() + " is not the next applied (" + version + " is)");
        }
        if (!expected.script().equals(rows.getString("script"))
            || !expected.description().equals(rows.getString("description"))) {
          throw new FlywayNeeded("migration " + version + " was applied from another file");
        }
        if (noChecksum || checksum != expected.checksum()) {
          throw new FlywayNeeded("migration " + version + " was applied with another checksum");
        }
      }
      if (next < packaged.size()) {
        throw new FlywayNeeded("migration " + packaged.get(next).version() + " is pending");
      }
    }
  }

  /** The quoted, schema-qualified history table; FlywayNeeded when it does not exist yet. */
  private static String historyTable(Connection connection, String table)
      throws FlywayNeeded, SQLException {
    try (PreparedStatement exists =
        connection.prepareStatement(
            "SELECT quote_ident(current_schema()) || '.' || quote_ident(?),"
                + " to_regclass(quote_ident(current_schema()) || '.' || quote_ident(?))")) {
      exists.setString(1, table);
      exists.setString(2, table);
      try (ResultSet result = exists.executeQuery()) {
        if (!result.next() || result.getString(1) == null) {
          throw new FlywayNeeded("the connection has no current schema");
        }
        if (result.getString(2) == null) {
          throw new FlywayNeeded("there is no schema history table " + table + " yet");
        }
        return result.getString(1);
      }
    }
  }

  private static void requireBelow(String baseline, String lowest) throws FlywayNeeded {
    try {
      if (baseline != null
          && MigrationVersion.fromVersion(baseline).compareTo(MigrationVersion.fromVersion(lowest))
              < 0) {
        return;
      }
    } catch (FlywayException e) {
      // not a plain version: Flyway decides
    }
    throw new FlywayNeeded("the schema was baselined at version " + baseline);
  }
}

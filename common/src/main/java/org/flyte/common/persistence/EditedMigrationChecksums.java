package org.flyte.common.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before Flyway validates, moves the stored checksum of each {@link EditedMigration} from the value
 * earlier builds recorded to the file's current one, in this app's schema history table only, and
 * only where the stored value is exactly the declared old one.
 */
final class EditedMigrationChecksums implements Callback {

  private static final Logger log = LoggerFactory.getLogger(EditedMigrationChecksums.class);

  private final List<EditedMigration> edits;

  EditedMigrationChecksums(List<EditedMigration> edits) {
    this.edits = List.copyOf(edits);
  }

  @Override
  public boolean supports(Event event, Context context) {
    return !edits.isEmpty() && event == Event.BEFORE_VALIDATE;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public void handle(Event event, Context context) {
    Connection connection = context.getConnection();
    try {
      String table = historyTable(context.getConfiguration(), connection);
      if (table == null) {
        return;
      }
      try (PreparedStatement update =
          connection.prepareStatement(
              "UPDATE " + table + " SET checksum = ? WHERE version = ? AND checksum = ?")) {
        for (EditedMigration edit : edits) {
          update.setInt(1, edit.checksumAfter());
          update.setString(2, edit.version());
          update.setInt(3, edit.checksumBefore());
          if (update.executeUpdate() > 0) {
            log.info(
                "Schema history {}: migration {} was applied before its comments were edited; its"
                    + " checksum moves from {} to {}",
                table,
                edit.version(),
                edit.checksumBefore(),
                edit.checksumAfter());
          }
        }
      }
    } catch (SQLException e) {
      throw new FlywayException("Could not update the checksums of edited migrations", e);
    }
  }

  /** The quoted name of the history table, or null when it does not exist yet. */
  private static String historyTable(Configuration configuration, Connection connection)
      throws SQLException {
    String schema = configuration.getDefaultSchema();
    if (schema == null && configuration.getSchemas().length > 0) {
      schema = configuration.getSchemas()[0];
    }
    String name = (schema == null ? "" : quote(schema) + ".") + quote(configuration.getTable());
    try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?)")) {
      exists.setString(1, name);
      try (ResultSet result = exists.executeQuery()) {
        return result.next() && result.getString(1) != null ? name : null;
      }
    }
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  @Override
  public String getCallbackName() {
    return "flyte-edited-migration-checksums";
  }
}

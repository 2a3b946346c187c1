package org.flyte.common.persistence;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code flyteadmin/pkg/repositories/database.go} (v1.16.8), {@code resolvePassword} and
 * {@code createPostgresDbIfNotExists}: the PostgreSQL server an app talks to, either the configured
 * one or an embedded one started for it, with the password resolved and the options translated.
 *
 * <p>Closing it stops the embedded server (once no other context of the JVM uses it); for a
 * configured server it does nothing.
 */
public final class PostgresServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

  /** SQLSTATE {@code invalid_catalog_name}: the database does not exist. */
  private static final String INVALID_CATALOG_NAME = "3D000";

  /** SQLSTATE {@code duplicate_database}. */
  private static final String DUPLICATE_DATABASE = "42P04";

  /** SQLSTATE {@code unique_violation}, raised when two creators race on pg_database. */
  private static final String UNIQUE_VIOLATION = "23505";

  /** The database every PostgreSQL server has, used to create the configured one. */
  private static final String MAINTENANCE_DATABASE = "postgres";

  private final String host;
  private final int port;
  private final String username;
  private final String password;
  private final Map<String, String> parameters;
  private final EmbeddedPostgresServer embedded;

  private PostgresServer(
      String host,
      int port,
      String username,
      String password,
      Map<String, String> parameters,
      EmbeddedPostgresServer embedded) {
    this.host = host;
    this.port = port;
    this.username = username;
    this.password = password;
    this.parameters = Map.copyOf(parameters);
    this.embedded = embedded;
  }

  /**
   * The server the properties name: the configured one when a host is set, otherwise an embedded
   * server on {@code embedded.data-dir}, started here or shared with another context of this JVM.
   */
  public static PostgresServer of(DatabaseProperties properties) {
    return properties.usesEmbeddedServer()
        ? embedded(properties.embedded())
        : configured(properties.effectivePostgres());
  }

  /**
   * The configured server. Reads {@code passwordPath} when set.
   *
   * @throws IllegalStateException if {@code passwordPath} names a file that cannot be read
   * @throws IllegalArgumentException if {@code options} cannot be translated
   */
  public static PostgresServer configured(DatabaseProperties.Postgres postgres) {
    return new PostgresServer(
        postgres.host(),
        postgres.port(),
        postgres.username(),
        resolvePassword(postgres),
        PostgresOptions.toJdbcParameters(postgres.options()),
        null);
  }

  /**
   * The embedded server on {@code embedded.data-dir}, started here or shared with another context
   * of this JVM. A holder that must outlive the apps (the sandbox stops its S3 endpoint between the
   * apps and PostgreSQL) takes a lease of its own and closes it last.
   */
  public static PostgresServer embedded(DatabaseProperties.Embedded embedded) {
    EmbeddedPostgresServer server =
        EmbeddedPostgresServer.lease(embedded.dataDirOrDefault(), embedded.port());
    return new PostgresServer(
        "localhost", server.port(), "postgres", "", Map.of("sslmode", "disable"), server);
  }

  private static String resolvePassword(DatabaseProperties.Postgres postgres) {
    String path = postgres.passwordPath();
    if (path == null || path.isEmpty()) {
      return postgres.password() == null ? "" : postgres.password();
    }
    try {
      return Files.readString(Path.of(path)).strip();
    } catch (NoSuchFileException e) {
      throw new IllegalStateException("missing database password at specified path [" + path + "]");
    } catch (IOException e) {
      throw new IllegalStateException(
          "failed to read database password from path [" + path + "]: " + e.getMessage(), e);
    }
  }

  /** The JDBC URL of database {@code dbname} on this server. */
  public String jdbcUrl(String dbname) {
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return "jdbc:postgresql://"
        + h
        + ":"
        + port
        + "/"
        + URLEncoder.encode(dbname, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The driver properties: user, password (when not empty) and the translated options. */
  public Properties connectionProperties() {
    Properties props = new Properties();
    props.putAll(parameters);
    props.setProperty("user", username);
    if (!password.isEmpty()) {
      props.setProperty("password", password);
    }
    return props;
  }

  /**
   * Creates database {@code dbname} unless it exists, as Flyte does at start-up: if connecting to
   * it fails with SQLSTATE 3D000, connect to the {@code postgres} database and create it,
   * tolerating a concurrent creator. On the embedded server it asks {@code pg_database} instead of
   * trying the connection first.
   */
  public void createDatabaseIfMissing(String dbname) {
    if (embedded != null) {
      // Our own server: ask its catalog, so that its log gets no FATAL for a missing database.
      if (embeddedDatabaseExists(dbname)) {
        return;
      }
    } else {
      try (Connection ignored = connect(dbname)) {
        return;
      } catch (SQLException e) {
        if (!INVALID_CATALOG_NAME.equals(e.getSQLState())) {
          throw cannotConnect(dbname, e);
        }
      }
    }
    log.info("Database [{}] does not exist, creating it", dbname);
    try (Connection c = connect(MAINTENANCE_DATABASE);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE \"" + dbname.replace("\"", "\"\"") + "\"");
    } catch (SQLException e) {
      if (!DUPLICATE_DATABASE.equals(e.getSQLState())
          && !UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new IllegalStateException(
            "Could not create database [" + dbname + "]: " + e.getMessage(), e);
      }
      log.info("Database [{}] was created concurrently", dbname);
    }
  }

  private boolean embeddedDatabaseExists(String dbname) {
    try (Connection c = connect(MAINTENANCE_DATABASE);
        PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      s.setString(1, dbname);
      try (ResultSet rows = s.executeQuery()) {
        return rows.next();
      }
    } catch (SQLException e) {
      throw cannotConnect(MAINTENANCE_DATABASE, e);
    }
  }

  private Connection connect(String dbname) throws SQLException {
    return new Driver().connect(jdbcUrl(dbname), connectionProperties());
  }

  private IllegalStateException cannotConnect(String dbname, SQLException e) {
    return new IllegalStateException(
        "Could not connect to database ["
            + dbname
            + "] on "
            + host
            + ":"
            + port
            + " as ["
            + username
            + "]: "
            + e.getMessage(),
        e);
  }

  /** Stops the embedded server once no other context uses it; nothing for a configured server. */
  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}

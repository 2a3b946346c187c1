package org.flyte.datacatalog.repository;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flyte.common.persistence.DatabaseProperties;
import org.flyte.common.persistence.PostgresServer;
import org.postgresql.Driver;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The PostgreSQL server of this test JVM: an embedded one in a fresh temporary data directory
 * (deleted at exit), or the server named by {@code FLYTE_TEST_DATABASE_URL} (see {@code
 * package-info.java} of {@code org.flyte.common.persistence}). Each test asks for a fresh database
 * with a random name; on an external server those databases are dropped when the JVM exits.
 *
 * <p>The same class lives in the test sources of common, flyteadmin and datacatalog (there is no
 * shared test module yet); keep the copies identical apart from the package.
 */
public final class TestPostgres {

  public static final String URL_ENV = "FLYTE_TEST_DATABASE_URL";
  public static final String USERNAME_ENV = "FLYTE_TEST_DATABASE_USERNAME";
  public static final String PASSWORD_ENV = "FLYTE_TEST_DATABASE_PASSWORD";

  private static DatabaseProperties.Postgres server;
  private static final List<String> created = new ArrayList<>();

  private TestPostgres() {}

  /** Connection settings of the test server; {@code dbname} is {@code postgres}. */
  public static synchronized DatabaseProperties.Postgres server() {
    if (server == null) {
      String url = System.getenv(URL_ENV);
      server = url == null || url.isBlank() ? startEmbedded() : external(url);
    }
    return server;
  }

  private static DatabaseProperties.Postgres startEmbedded() {
    try {
      // zonky's defaults: a new temporary data directory, cleaned (and the server stopped) at exit.
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      return settings("localhost", postgres.getPort(), "postgres", "", "sslmode=disable");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DatabaseProperties.Postgres external(String jdbcUrl) {
    URI uri = URI.create(jdbcUrl.replaceFirst("^jdbc:", ""));
    String username = System.getenv().getOrDefault(USERNAME_ENV, "postgres");
    String password = System.getenv().getOrDefault(PASSWORD_ENV, "");
    String options = uri.getQuery() == null ? "" : uri.getQuery().replace('&', ' ');
    DatabaseProperties.Postgres settings =
        settings(
            uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), username, password, options);
    Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropCreatedDatabases));
    return settings;
  }

  private static DatabaseProperties.Postgres settings(
      String host, int port, String username, String password, String options) {
    return new DatabaseProperties.Postgres(
        host, null, port, "postgres", username, password, null, options, false);
  }

  /** A new, empty database on the test server; returns its name. */
  public static String createDatabase() {
    String name = newDatabaseName();
    PostgresServer.configured(server()).createDatabaseIfMissing(name);
    return name;
  }

  /**
   * {@code flyte.database.postgres.*} properties that point a Spring context at database {@code
   * dbname} of the test server (which the context creates if it does not exist yet), followed by
   * {@code more} property values.
   */
  public static String[] properties(String dbname, String... more) {
    DatabaseProperties.Postgres s = server();
    List<String> all =
        new ArrayList<>(
            List.of(
                "flyte.database.postgres.host=" + s.host(),
                "flyte.database.postgres.port=" + s.port(),
                "flyte.database.postgres.username=" + s.username(),
                "flyte.database.postgres.password=" + s.password(),
                "flyte.database.postgres.options=" + s.options(),
                "flyte.database.postgres.dbname=" + dbname));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  /** A name for a database that does not exist yet (remembered, to drop it at exit). */
  public static synchronized String newDatabaseName() {
    String name = "flyte_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    created.add(name);
    return name;
  }

  /** An unpooled DataSource on database {@code dbname} of the test server. */
  public static DataSource dataSource(String dbname) {
    PostgresServer postgres = PostgresServer.configured(server());
    return new SimpleDriverDataSource(
        new Driver(), postgres.jdbcUrl(dbname), postgres.connectionProperties());
  }

  private static synchronized void dropCreatedDatabases() {
    try (Connection c = dataSource("postgres").getConnection();
        Statement s = c.createStatement()) {
      for (String name : created) {
        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    } catch (SQLException e) {
      System.err.println("Could not drop the test databases " + created + ": " + e.getMessage());
    }
  }
}

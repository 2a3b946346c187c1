package org.flyte.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.Driver;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL server of this test JVM: an embedded one in a fresh temporary data directory
 * (deleted at exit), or the server named by {@value #URL_ENV} (a JDBC URL such as {@code
 * jdbc:postgresql://db:5432/postgres?sslmode=disable}, with {@value #USERNAME_ENV} and {@value
 * #PASSWORD_ENV}). Every database it creates gets a new random name; which tests share one is the
 * caller's choice (the app tests of a module share one context and its database, and isolate their
 * data by random project names). On an external server those databases are dropped when the JVM
 * exits (PostgreSQL 13+).
 */
public final class TestPostgres {

  public static final String URL_ENV = "FLYTE_TEST_DATABASE_URL";
  public static final String USERNAME_ENV = "FLYTE_TEST_DATABASE_USERNAME";
  public static final String PASSWORD_ENV = "FLYTE_TEST_DATABASE_PASSWORD";

  /** Where the test server is and how to log in. */
  public record Server(String host, int port, String username, String password, String options) {}

  private static Server server;
  private static final List<String> created = new ArrayList<>();

  private TestPostgres() {}

  /** Connection settings of the test server. */
  public static synchronized Server server() {
    if (server == null) {
      String url = System.getenv(URL_ENV);
      server = url == null || url.isBlank() ? startEmbedded() : external(url);
    }
    return server;
  }

  private static Server startEmbedded() {
    try {
      // zonky's defaults: a new temporary data directory, cleaned (and the server stopped) at exit.
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      return new Server("localhost", postgres.getPort(), "postgres", "", "sslmode=disable");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Server external(String jdbcUrl) {
    URI uri = URI.create(jdbcUrl.replaceFirst("^jdbc:", ""));
    String username = System.getenv().getOrDefault(USERNAME_ENV, "postgres");
    String password = System.getenv().getOrDefault(PASSWORD_ENV, "");
    String options = uri.getQuery() == null ? "" : uri.getQuery().replace('&', ' ');
    Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropCreatedDatabases));
    return new Server(
        uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), username, password, options);
  }

  /** A new, empty database on the test server; returns its name. */
  public static String createDatabase() {
    String name = newDatabaseName();
    try (Connection c = dataSource("postgres").getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create test database " + name, e);
    }
    return name;
  }

  /**
   * {@code flyte.database.postgres.*} properties that point a Spring context at database {@code
   * dbname} of the test server (which the app creates if it does not exist yet), followed by {@code
   * more} property values.
   */
  public static String[] properties(String dbname, String... more) {
    Server s = server();
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

  /**
   * Registers {@link #properties(String, String...)} with a Spring test context: {@code
   * {@literal @}DynamicPropertySource} methods of app tests call this.
   */
  public static void register(DynamicPropertyRegistry registry, String dbname) {
    for (String property : properties(dbname)) {
      String[] keyValue = property.split("=", 2);
      registry.add(keyValue[0], () -> keyValue[1]);
    }
  }

  /** A name for a database that does not exist yet (remembered, to drop it at exit). */
  public static synchronized String newDatabaseName() {
    String name = "flyte_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    created.add(name);
    return name;
  }

  /** An unpooled DataSource on database {@code dbname} of the test server. */
  public static DataSource dataSource(String dbname) {
    Server s = server();
    String query = s.options().isBlank() ? "" : "?" + s.options().trim().replace(' ', '&');
    Properties login = new Properties();
    login.setProperty("user", s.username());
    login.setProperty("password", s.password());
    return new SimpleDriverDataSource(
        new Driver(),
        "jdbc:postgresql://" + s.host() + ":" + s.port() + "/" + dbname + query,
        login);
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

package org.flyte.common.persistence;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Follows {@code flytestdlib/database/config.go} (v1.16.8): Flyte's {@code database} section, bound
 * under {@code flyte.database}, plus our own {@code embedded} subsection.
 *
 * <p>Flyte's key spellings bind as they are ({@code passwordPath}, {@code maxOpenConnections}, …);
 * Spring's relaxed binding also accepts the kebab-case forms. Flyte's deprecated flat keys ({@code
 * database.host}, {@code database.port}, …) override their {@code database.postgres.*} counterparts
 * when set, exactly as Flyte's {@code GetConfig} does: see {@link #effectivePostgres()}.
 *
 * <p>Deviations from Flyte: {@code postgres.host} has no default, because an unset host means
 * "start an embedded PostgreSQL" (see {@link Embedded}); {@code maxOpenConnections} defaults to 10
 * rather than 100 (see there). Flyte's {@code sqlite} subsection and {@code
 * enableForeignKeyConstraintWhenMigrating} are not supported and are ignored if present.
 *
 * @param host deprecated flat form of {@code postgres.host}; overrides it when non-empty. No
 *     default.
 * @param port deprecated flat form of {@code postgres.port}; overrides it when non-zero. No
 *     default.
 * @param dbname deprecated flat form of {@code postgres.dbname}; overrides it when non-empty. No
 *     default.
 * @param username deprecated flat form of {@code postgres.username}; overrides it when non-empty.
 *     No default.
 * @param password deprecated flat form of {@code postgres.password}; overrides it when non-empty.
 *     No default.
 * @param passwordPath deprecated flat form of {@code postgres.passwordPath}; overrides it when
 *     non-empty. No default.
 * @param options deprecated flat form of {@code postgres.options}; overrides it when non-empty. No
 *     default.
 * @param debug deprecated flat form of {@code postgres.debug}; overrides it when true. Default
 *     false.
 * @param maxIdleConnections how many idle connections the pool keeps open (Hikari's {@code
 *     minimumIdle}, capped at {@code maxOpenConnections}), a count. Default 10, as in Flyte.
 * @param maxOpenConnections the most connections the pool opens (Hikari's {@code maximumPoolSize}),
 *     a count. Default <b>10</b>, where Flyte's is 100: admin, datacatalog and scheduler each hold
 *     a pool, and upstream learned that large pools exhaust the server (flyteorg/flyte#2171). With
 *     10, e.g. three apps with two replicas each use at most 60 of PostgreSQL's default 100 {@code
 *     max_connections}. Size it so that {@code replicas × maxOpenConnections}, summed over the
 *     apps, stays below the server's limit.
 * @param connMaxLifeTime how long a pooled connection may live before it is replaced (Hikari's
 *     {@code maxLifetime}), a duration in Go syntax ({@code 1h}, {@code 30m}); 0 means forever.
 *     Default 1h, as in Flyte.
 * @param postgres the connection settings, see {@link Postgres}.
 * @param embedded where the embedded server keeps its data, see {@link Embedded}.
 */
@ConfigurationProperties(prefix = "flyte.database")
public record DatabaseProperties(
    String host,
    Integer port,
    String dbname,
    String username,
    String password,
    String passwordPath,
    String options,
    Boolean debug,
    @DefaultValue("10") int maxIdleConnections,
    @DefaultValue("10") int maxOpenConnections,
    @DefaultValue("1h") Duration connMaxLifeTime,
    @DefaultValue Postgres postgres,
    @DefaultValue Embedded embedded) {

  /**
   * Flyte's {@code database.postgres} subsection.
   *
   * @param host the server's host name. No default: when neither this nor the flat {@code host} is
   *     set, the app starts an embedded PostgreSQL (Flyte's default is {@code localhost}).
   * @param readReplicaHost a read replica's host name. Accepted for compatibility and unused, as in
   *     Flyte v1.16.8. No default.
   * @param port the server's TCP port. Default 30001, Flyte's default (the sandbox's port); charts
   *     set 5432.
   * @param dbname the database, created on first start when missing. Default {@code postgres}; the
   *     apps set {@code flyteadmin} and {@code datacatalog}.
   * @param username the role to connect as. Default {@code postgres}.
   * @param password the role's password; may be empty for password-less authentication. Default
   *     {@code postgres}.
   * @param passwordPath a file holding the password, read once at start-up and trimmed of
   *     surrounding whitespace; when set it wins over {@code password}, and a missing file stops
   *     the app. No default.
   * @param options extra libpq-style connection settings, {@code key=value} separated by spaces
   *     (e.g. {@code sslmode=require sslrootcert=/etc/ca.pem}); translated to JDBC parameters by
   *     {@link PostgresOptions}. Default {@code sslmode=disable}.
   * @param debug Flyte's gorm debug switch. Accepted for compatibility and unused, as in Flyte
   *     v1.16.8. Default false.
   */
  public record Postgres(
      String host,
      String readReplicaHost,
      @DefaultValue("30001") int port,
      @DefaultValue("postgres") String dbname,
      @DefaultValue("postgres") String username,
      @DefaultValue("postgres") String password,
      String passwordPath,
      @DefaultValue("sslmode=disable") String options,
      boolean debug) {}

  /**
   * Our own subsection: the embedded PostgreSQL (PostgreSQL 14, from {@code io.zonky.test}) that an
   * app starts when no host is configured. It listens on the loopback interface only, trusts local
   * connections as the superuser {@code postgres} (the configured username, password and options do
   * not apply to it) and stops when the Spring context closes. All Spring contexts of one JVM that
   * name the same data directory share one server (the sandbox runs the three apps this way); two
   * processes cannot share a data directory.
   *
   * @param dataDir the directory that holds the server's data. It is initialised when empty and
   *     reused, never cleaned, when it already holds a database, so data survives restarts. Default
   *     {@code ${user.home}/.flyte/embedded-postgres}.
   * @param port the TCP port to listen on; 0 picks a free port at each start. Default 0.
   */
  public record Embedded(Path dataDir, @DefaultValue("0") int port) {

    /** {@link #dataDir()}, or its default when unset. */
    public Path dataDirOrDefault() {
      return dataDir != null
          ? dataDir
          : Path.of(System.getProperty("user.home"), ".flyte", "embedded-postgres");
    }
  }

  /**
   * The {@code postgres} settings with Flyte's precedence applied: each deprecated flat key, when
   * set, replaces its {@code postgres.*} counterpart.
   */
  public Postgres effectivePostgres() {
    Postgres p = postgres;
    return new Postgres(
        hasText(host) ? host : p.host(),
        p.readReplicaHost(),
        port != null && port != 0 ? port : p.port(),
        hasText(dbname) ? dbname : p.dbname(),
        hasText(username) ? username : p.username(),
        hasText(password) ? password : p.password(),
        hasText(passwordPath) ? passwordPath : p.passwordPath(),
        hasText(options) ? options : p.options(),
        Boolean.TRUE.equals(debug) || p.debug());
  }

  /** Whether no host is configured, so that the app runs on an embedded PostgreSQL. */
  public boolean usesEmbeddedServer() {
    return !hasText(effectivePostgres().host());
  }

  private static boolean hasText(String s) {
    return s != null && !s.isEmpty();
  }
}

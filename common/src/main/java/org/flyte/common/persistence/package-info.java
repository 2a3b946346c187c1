/**
 * Persistence wiring shared by the three apps: {@code flyte.database.*} ({@link
 * org.flyte.common.persistence.DatabaseProperties}, Flyte's {@code database} section), the
 * PostgreSQL server an app uses ({@link org.flyte.common.persistence.PostgresServer}: the
 * configured one, or an embedded one when no host is set), creation of a missing database, and the
 * HikariCP {@code DataSource} that Boot's Flyway auto-configuration migrates ({@link
 * org.flyte.common.persistence.PersistenceAutoConfiguration}), and the one translation of database
 * failures into client errors ({@link org.flyte.common.persistence.DatabaseErrors}), applied where
 * a {@code @Repository} returns ({@link org.flyte.common.persistence.RepositoryErrorTranslation},
 * docs/adr/0014).
 *
 * <p>The schemas themselves are each app's Flyway migrations ({@code
 * db/migration/flyteadmin/V1__baseline.sql}, {@code db/migration/datacatalog/V1__baseline.sql}),
 * identical to what Flyte v1.16.8's Go migrations create, so that a database can move between the
 * Go services and ours in either direction. An applied migration is never changed in what it does;
 * when only its comments are edited, the app declares an {@link
 * org.flyte.common.persistence.EditedMigration} and {@link
 * org.flyte.common.persistence.EditedMigrationChecksums} moves exactly that stored checksum, so
 * databases that earlier builds migrated keep passing Flyway's validation (docs/adr/0006).
 *
 * <p>Most starts find the schema already migrated. {@link
 * org.flyte.common.persistence.MigrateWhenNeeded}, in place of Boot's Flyway initializer, then
 * starts without building or running Flyway: it reads the app's history table and its packaged
 * migration files ({@link org.flyte.common.persistence.AppliedMigrations}, {@link
 * org.flyte.common.persistence.PackagedMigrations}) and lets Flyway migrate, validate and fail as
 * before whenever they are not exactly alike: an empty database, a pending, failed, out-of-order or
 * newer build's migration, a stored checksum that differs (an edited migration's earlier one
 * included), or Flyway settings that change where it connects or what it reads (its own connection,
 * schemas, a target, init SQL, callbacks, Java migrations; docs/adr/0041).
 *
 * <h2>Databases in tests</h2>
 *
 * Tests run against an embedded PostgreSQL 14 that starts once per test JVM in a fresh temporary
 * data directory (deleted when the JVM exits). To run them against another server instead, set:
 *
 * <ul>
 *   <li>{@code FLYTE_TEST_DATABASE_URL}: a JDBC URL naming the server, {@code
 *       jdbc:postgresql://host[:port][/database][?key=value&...]}. The database part is ignored;
 *       the query parameters are passed on as libpq-style options, so use the names both share
 *       ({@code sslmode}, {@code sslrootcert}, …).
 *   <li>{@code FLYTE_TEST_DATABASE_USERNAME}, {@code FLYTE_TEST_DATABASE_PASSWORD}: the role to
 *       connect as (default {@code postgres}, empty password). The role needs {@code CREATEDB}.
 * </ul>
 *
 * Every test database is a new one with a random name ({@code flyte_test_...}) on that server; the
 * test JVM drops them when it exits (best effort, PostgreSQL 13 or newer), so prefer a disposable
 * server.
 */
package org.flyte.common.persistence;

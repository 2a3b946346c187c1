package org.flyte.common.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.flyte.common.persistence.PackagedMigrations.Migration;
import org.flyte.common.persistence.PackagedMigrations.Naming;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.flyway.autoconfigure.FlywayProperties;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * Skips Flyway at start when the schema is already exactly what this build's migrations make: the
 * schema history records every packaged migration, applied successfully and in order, with the
 * checksum of its file, and nothing else (see {@link AppliedMigrations}). Then the {@link Flyway}
 * bean is not even built: building Flyway and reading the history through it cost every start about
 * 0.1 s of ready time and half a second of CPU (docs/adr/0041). In every other case, and whenever
 * the configuration is anything but the plain one the apps use (one DataSource, classpath
 * locations, no schemas, callbacks or Java migrations of the app's own), Flyway migrates exactly as
 * Boot would have it.
 *
 * <p>Safe beside a replica that is migrating: the check only reads, and Flyway records a migration
 * in the history only once the migration has succeeded, so a history that lists them all means a
 * finished schema. A database migrated by a newer build has rows this build does not package; a
 * database whose stored checksum is an {@link EditedMigration}'s earlier one does not match its
 * file: both go to Flyway, which behaves as it always has.
 */
final class MigrateWhenNeeded implements FlywayMigrationStrategy {

  private static final Logger log = LoggerFactory.getLogger(MigrateWhenNeeded.class);

  private static final String BOOT_FLYWAY_PACKAGE = "org.springframework.boot.flyway";

  private final FlywayProperties properties;
  private final ObjectProvider<DataSource> dataSource;
  private final ObjectProvider<DataSource> flywayDataSource;
  private final ObjectProvider<FlywayConnectionDetails> connectionDetails;
  private final ObjectProvider<Callback> callbacks;
  private final ObjectProvider<JavaMigration> javaMigrations;
  private final ObjectProvider<FlywayConfigurationCustomizer> customizers;
  private final ResourcePatternResolver resolver;

  private MigrateWhenNeeded(
      FlywayProperties properties,
      ObjectProvider<DataSource> dataSource,
      ObjectProvider<DataSource> flywayDataSource,
      ObjectProvider<FlywayConnectionDetails> connectionDetails,
      ObjectProvider<Callback> callbacks,
      ObjectProvider<JavaMigration> javaMigrations,
      ObjectProvider<FlywayConfigurationCustomizer> customizers,
      ResourceLoader resourceLoader) {
    this.properties = properties;
    this.dataSource = dataSource;
    this.flywayDataSource = flywayDataSource;
    this.connectionDetails = connectionDetails;
    this.callbacks = callbacks;
    this.javaMigrations = javaMigrations;
    this.customizers = customizers;
    this.resolver = ResourcePatternUtils.getResourcePatternResolver(resourceLoader);
  }

  /**
   * The {@code flywayInitializer} bean in place of Boot's (see {@link
   * FlywayInitializerSubstitution}): Boot's initializer class, so that everything that waits for
   * the schema still waits for it, given a lazy {@link Flyway} that is only built when it migrates.
   */
  static FlywayMigrationInitializer flywayInitializer(
      @Lazy Flyway flyway,
      FlywayProperties properties,
      ObjectProvider<DataSource> dataSource,
      @FlywayDataSource ObjectProvider<DataSource> flywayDataSource,
      ObjectProvider<FlywayConnectionDetails> connectionDetails,
      ObjectProvider<Callback> callbacks,
      ObjectProvider<JavaMigration> javaMigrations,
      ObjectProvider<FlywayConfigurationCustomizer> customizers,
      ResourceLoader resourceLoader) {
    return new FlywayMigrationInitializer(
        flyway,
        new MigrateWhenNeeded(
            properties,
            dataSource,
            flywayDataSource,
            connectionDetails,
            callbacks,
            javaMigrations,
            customizers,
            resourceLoader));
  }

  @Override
  public void migrate(Flyway flyway) {
    try {
      int applied = requireUpToDate();
      log.info(
          "Schema history {} records the {} packaged migrations; Flyway has nothing to do",
          properties.getTable(),
          applied);
      return;
    } catch (FlywayNeeded e) {
      log.info("Running Flyway: {}", e.getMessage());
    }
    flyway.migrate();
  }

  /** The number of packaged migrations, all applied; FlywayNeeded otherwise. */
  int requireUpToDate() throws FlywayNeeded {
    DataSource migrated = plainDataSource();
    requirePlainSettings();
    List<Migration> packaged =
        PackagedMigrations.find(
            resolver,
            properties.getLocations(),
            new Naming(
                properties.getSqlMigrationPrefix(),
                properties.getSqlMigrationSeparator(),
                properties.getSqlMigrationSuffixes(),
                properties.getEncoding()));
    try (Connection connection = migrated.getConnection()) {
      AppliedMigrations.requireExactly(connection, properties.getTable(), packaged);
    } catch (SQLException e) {
      throw new FlywayNeeded("the schema history cannot be read (" + e.getMessage() + ")");
    }
    return packaged.size();
  }

  /** The app's one DataSource, when Flyway would migrate it rather than a connection of its own. */
  private DataSource plainDataSource() throws FlywayNeeded {
    FlywayConnectionDetails details = connectionDetails.getIfAvailable();
    DataSource app = dataSource.getIfUnique();
    if (flywayDataSource.getIfAvailable() != null
        || details == null
        || details.getJdbcUrl() != null
        || details.getUsername() != null
        || app == null) {
      throw new FlywayNeeded("Flyway is configured with a connection of its own");
    }
    return app;
  }

  private void requirePlainSettings() throws FlywayNeeded {
    FlywayProperties p = properties;
    if (!p.getSchemas().isEmpty() || p.getDefaultSchema() != null) {
      throw new FlywayNeeded("schemas are configured");
    }
    if (!"latest".equalsIgnoreCase(p.getTarget())) {
      throw new FlywayNeeded("a target version is configured");
    }
    if (!p.getCallbackLocations().isEmpty()
        || !p.getInitSqls().isEmpty()
        || !p.getJdbcProperties().isEmpty()
        || p.isSkipDefaultResolvers()
        || Boolean.TRUE.equals(p.getDetectEncoding())
        || Boolean.TRUE.equals(p.getSkipExecutingMigrations())
        || p.getDryRunOutput() != null) {
      throw new FlywayNeeded("Flyway has settings that change what it connects to or reads");
    }
    if (javaMigrations.iterator().hasNext()) {
      throw new FlywayNeeded("the app declares Java migrations");
    }
    for (Callback callback : callbacks) {
      if (!(callback instanceof EditedMigrationChecksums)) {
        throw new FlywayNeeded("the app declares Flyway callbacks");
      }
    }
    for (FlywayConfigurationCustomizer customizer : customizers) {
      String from = customizer.getClass().getPackageName();
      if (!from.startsWith(BOOT_FLYWAY_PACKAGE)
          && !from.equals(MigrateWhenNeeded.class.getPackageName())) {
        throw new FlywayNeeded("the app customizes Flyway's configuration");
      }
    }
    if (resolver.getClassLoader() == null
        || resolver.getClassLoader().getResource("db/callback") != null) {
      throw new FlywayNeeded("the classpath holds Flyway callbacks (db/callback)");
    }
  }
}

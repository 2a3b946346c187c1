package org.flyte.common.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.api.callback.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Follows {@code GetDB} in {@code flyteadmin/pkg/repositories/database.go} (v1.16.8): the app's
 * {@link DataSource}, built from {@code flyte.database.*} ({@link DatabaseProperties}).
 *
 * <ul>
 *   <li>No host configured: an embedded PostgreSQL on {@code flyte.database.embedded.data-dir} is
 *       started (or shared with another context of this JVM) and stopped when the context closes.
 *   <li>The configured database is created when missing, on either kind of server.
 *   <li>The pool is HikariCP, sized by {@code maxOpenConnections} / {@code maxIdleConnections} /
 *       {@code connMaxLifeTime} and named after {@code spring.application.name}.
 * </ul>
 *
 * <p>Boot's Flyway auto-configuration then migrates this DataSource with the app's {@code
 * spring.flyway.*} settings. Each app has its own history table, so several apps can share one
 * database; because the other app's tables (or tables a Go FlyteAdmin made) make the schema
 * non-empty, Flyway is told to baseline such a schema at version 0, so that the idempotent {@code
 * V1__baseline.sql} still runs. Explicit {@code spring.flyway.baseline-on-migrate} / {@code
 * baseline-version} settings win. When the schema history already records exactly the packaged
 * migrations, Flyway is not built or run at all ({@link MigrateWhenNeeded}).
 *
 * <p>Backs off when the application defines its own DataSource.
 */
@AutoConfiguration(before = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
@EnableConfigurationProperties(DatabaseProperties.class)
public class PersistenceAutoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PersistenceAutoConfiguration.class);

  /** The PostgreSQL server and the pool on top of it. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingBean(DataSource.class)
  static class PostgresDataSourceConfiguration {

    @Bean(destroyMethod = "close")
    PostgresServer flytePostgresServer(DatabaseProperties properties) {
      return PostgresServer.of(properties);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(
        PostgresServer server, DatabaseProperties properties, Environment environment) {
      String dbname = properties.effectivePostgres().dbname();
      server.createDatabaseIfMissing(dbname);
      HikariConfig config = new HikariConfig();
      config.setPoolName(environment.getProperty("spring.application.name", "flyte"));
      config.setJdbcUrl(server.jdbcUrl(dbname));
      log.info(
          "Database pool {}: {} (at most {} connections)",
          config.getPoolName(),
          config.getJdbcUrl(),
          properties.maxOpenConnections());
      config.setDataSourceProperties(server.connectionProperties());
      config.setMaximumPoolSize(properties.maxOpenConnections());
      config.setMinimumIdle(
          Math.min(properties.maxIdleConnections(), properties.maxOpenConnections()));
      config.setMaxLifetime(properties.connMaxLifeTime().toMillis());
      return new HikariDataSource(config);
    }
  }

  /** Database failures leave every {@code @Repository} translated (see {@link DatabaseErrors}). */
  @Bean
  static RepositoryErrorTranslation repositoryErrorTranslation() {
    return new RepositoryErrorTranslation();
  }

  /**
   * Databases migrated by earlier builds keep validating after a comment-only edit of a migration
   * that the app declares as an {@link EditedMigration}.
   */
  @Bean
  Callback flyteEditedMigrationChecksums(ObjectProvider<EditedMigration> edits) {
    return new EditedMigrationChecksums(edits.orderedStream().toList());
  }

  /**
   * Starts without Flyway when the schema history already records exactly this build's migrations
   * ({@link MigrateWhenNeeded}, docs/adr/0041); otherwise Boot's Flyway migrates as before.
   */
  @Bean
  static FlywayInitializerSubstitution flyteFlywayInitializerSubstitution() {
    return new FlywayInitializerSubstitution();
  }

  @Bean
  FlywayConfigurationCustomizer flyteFlywayBaseline(Environment environment) {
    return configuration -> {
      if (!environment.containsProperty("spring.flyway.baseline-on-migrate")) {
        configuration.baselineOnMigrate(true);
      }
      if (!environment.containsProperty("spring.flyway.baseline-version")) {
        configuration.baselineVersion("0");
      }
    };
  }
}

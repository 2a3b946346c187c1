package org.flyte.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class DatabasePropertiesTest {

  private static DatabaseProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("flyte.database", DatabaseProperties.class);
  }

  @Test
  void defaultsAreFlytesExceptHostAndPoolSize() {
    DatabaseProperties p = bind(Map.of());

    assertThat(p.maxIdleConnections()).isEqualTo(10);
    assertThat(p.maxOpenConnections()).isEqualTo(10);
    assertThat(p.connMaxLifeTime()).isEqualTo(Duration.ofHours(1));
    DatabaseProperties.Postgres pg = p.effectivePostgres();
    assertThat(pg.host()).isNull();
    assertThat(pg.port()).isEqualTo(30001);
    assertThat(pg.dbname()).isEqualTo("postgres");
    assertThat(pg.username()).isEqualTo("postgres");
    assertThat(pg.password()).isEqualTo("postgres");
    assertThat(pg.passwordPath()).isNull();
    assertThat(pg.options()).isEqualTo("sslmode=disable");
    assertThat(p.usesEmbeddedServer()).isTrue();
    assertThat(p.embedded().port()).isZero();
    assertThat(p.embedded().dataDirOrDefault())
        .isEqualTo(Path.of(System.getProperty("user.home"), ".flyte", "embedded-postgres"));
  }

  @Test
  void bindsFlytesOwnKeySpellings() {
    DatabaseProperties p =
        bind(
            Map.of(
                "flyte.database.maxIdleConnections", "3",
                "flyte.database.maxOpenConnections", "7",
                "flyte.database.connMaxLifeTime", "30m",
                "flyte.database.postgres.host", "db.internal",
                "flyte.database.postgres.readReplicaHost", "replica.internal",
                "flyte.database.postgres.port", "5432",
                "flyte.database.postgres.dbname", "flyteadmin",
                "flyte.database.postgres.passwordPath", "/etc/db/pass.txt",
                "flyte.database.postgres.options", "sslmode=require",
                "flyte.database.embedded.data-dir", "/var/lib/flyte/pg"));

    assertThat(p.maxIdleConnections()).isEqualTo(3);
    assertThat(p.maxOpenConnections()).isEqualTo(7);
    assertThat(p.connMaxLifeTime()).isEqualTo(Duration.ofMinutes(30));
    DatabaseProperties.Postgres pg = p.effectivePostgres();
    assertThat(pg.host()).isEqualTo("db.internal");
    assertThat(pg.readReplicaHost()).isEqualTo("replica.internal");
    assertThat(pg.port()).isEqualTo(5432);
    assertThat(pg.dbname()).isEqualTo("flyteadmin");
    assertThat(pg.passwordPath()).isEqualTo("/etc/db/pass.txt");
    assertThat(pg.options()).isEqualTo("sslmode=require");
    assertThat(p.usesEmbeddedServer()).isFalse();
    assertThat(p.embedded().dataDirOrDefault()).isEqualTo(Path.of("/var/lib/flyte/pg"));
  }

  @Test
  void flatKeysOverridePostgresKeys() {
    DatabaseProperties p =
        bind(
            Map.ofEntries(
                Map.entry("flyte.database.host", "flat-host"),
                Map.entry("flyte.database.port", "6543"),
                Map.entry("flyte.database.dbname", "flat_db"),
                Map.entry("flyte.database.username", "flat_user"),
                Map.entry("flyte.database.password", "flat_pw"),
                Map.entry("flyte.database.passwordPath", "/flat/pass.txt"),
                Map.entry("flyte.database.options", "sslmode=verify-full"),
                Map.entry("flyte.database.debug", "true"),
                Map.entry("flyte.database.postgres.host", "pg-host"),
                Map.entry("flyte.database.postgres.port", "5432"),
                Map.entry("flyte.database.postgres.dbname", "pg_db"),
                Map.entry("flyte.database.postgres.username", "pg_user"),
                Map.entry("flyte.database.postgres.password", "pg_pw"),
                Map.entry("flyte.database.postgres.passwordPath", "/pg/pass.txt"),
                Map.entry("flyte.database.postgres.options", "sslmode=disable")));

    assertThat(p.effectivePostgres())
        .isEqualTo(
            new DatabaseProperties.Postgres(
                "flat-host",
                null,
                6543,
                "flat_db",
                "flat_user",
                "flat_pw",
                "/flat/pass.txt",
                "sslmode=verify-full",
                true));
  }

  @Test
  void unsetOrEmptyFlatKeysLeavePostgresKeysAlone() {
    DatabaseProperties p =
        bind(
            Map.of(
                "flyte.database.host", "",
                "flyte.database.port", "0",
                "flyte.database.postgres.host", "pg-host",
                "flyte.database.postgres.port", "5432",
                "flyte.database.postgres.username", "pg_user"));

    DatabaseProperties.Postgres pg = p.effectivePostgres();
    assertThat(pg.host()).isEqualTo("pg-host");
    assertThat(pg.port()).isEqualTo(5432);
    assertThat(pg.username()).isEqualTo("pg_user");
    assertThat(pg.password()).isEqualTo("postgres");
  }

  @Test
  void aFlatHostAloneSelectsAnExternalServer() {
    assertThat(bind(Map.of("flyte.database.host", "flat-host")).usesEmbeddedServer()).isFalse();
  }
}

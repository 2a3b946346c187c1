package org.flyte.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

  private static DatabaseProperties.Postgres postgres(
      String host, String password, String passwordPath, String options) {
    return new DatabaseProperties.Postgres(
        host, null, 5432, "flyteadmin", "flyte", password, passwordPath, options, false);
  }

  @Test
  void readsAndTrimsThePasswordFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("pass.txt"), "  s3cret with space\n\n");

    Properties props =
        PostgresServer.configured(postgres("db", "inline", file.toString(), "sslmode=require"))
            .connectionProperties();

    assertThat(props.getProperty("password")).isEqualTo("s3cret with space");
    assertThat(props.getProperty("user")).isEqualTo("flyte");
    assertThat(props.getProperty("sslmode")).isEqualTo("require");
  }

  @Test
  void failsWhenThePasswordFileIsMissing(@TempDir Path dir) {
    String missing = dir.resolve("nope.txt").toString();

    assertThatThrownBy(() -> PostgresServer.configured(postgres("db", "", missing, "")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[" + missing + "]");
  }

  @Test
  void usesTheInlinePasswordWithoutAPath() {
    assertThat(
            PostgresServer.configured(postgres("db", "inline", null, ""))
                .connectionProperties()
                .getProperty("password"))
        .isEqualTo("inline");
    assertThat(PostgresServer.configured(postgres("db", "", "", "")).connectionProperties())
        .doesNotContainKey("password");
  }

  @Test
  void buildsJdbcUrls() {
    assertThat(PostgresServer.configured(postgres("db.internal", "", null, "")).jdbcUrl("flyte"))
        .isEqualTo("jdbc:postgresql://db.internal:5432/flyte");
    assertThat(PostgresServer.configured(postgres("::1", "", null, "")).jdbcUrl("a b"))
        .isEqualTo("jdbc:postgresql://[::1]:5432/a%20b");
  }
}

package org.flyte.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class PostgresOptionsTest {

  @Test
  void emptyOptionsGiveNoParameters() {
    assertThat(PostgresOptions.toJdbcParameters("")).isEmpty();
    assertThat(PostgresOptions.toJdbcParameters(null)).isEmpty();
    assertThat(PostgresOptions.toJdbcParameters("   ")).isEmpty();
  }

  @Test
  void translatesConnectionKeywords() {
    assertThat(
            PostgresOptions.toJdbcParameters(
                "sslmode=verify-full sslrootcert=/etc/ca.pem sslcert=/c.pem sslkey=/k.pk8"
                    + " sslpassword=pw connect_timeout=5 application_name=flyte"
                    + " target_session_attrs=read-write"))
        .containsExactly(
            entry("sslmode", "verify-full"),
            entry("sslrootcert", "/etc/ca.pem"),
            entry("sslcert", "/c.pem"),
            entry("sslkey", "/k.pk8"),
            entry("sslpassword", "pw"),
            entry("connectTimeout", "5"),
            entry("ApplicationName", "flyte"),
            entry("targetServerType", "primary"));
  }

  @Test
  void sendsOtherKeysAsServerSettings() {
    assertThat(
            PostgresOptions.toJdbcParameters(
                "sslmode=disable search_path=flyte statement_timeout='30 s'"
                    + " options='-c work_mem=8MB'"))
        .containsExactly(
            entry("sslmode", "disable"),
            entry("options", "-c work_mem=8MB -c search_path=flyte -c statement_timeout=30\\ s"));
  }

  @Test
  void parsesLibpqQuotingAndSpacing() {
    assertThat(PostgresOptions.parse("a = 1  b='two words' c='it\\'s' d=back\\\\slash e=''"))
        .containsExactly(
            entry("a", "1"),
            entry("b", "two words"),
            entry("c", "it's"),
            entry("d", "back\\slash"),
            entry("e", ""));
  }

  @Test
  void laterKeysWin() {
    assertThat(PostgresOptions.toJdbcParameters("sslmode=disable sslmode=require"))
        .containsExactly(entry("sslmode", "require"));
  }

  @Test
  void rejectsKeysWithTheirOwnConfigurationKey() {
    assertThatThrownBy(() -> PostgresOptions.toJdbcParameters("sslmode=disable port=5433"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'port'");
  }

  @Test
  void rejectsLibpqFeaturesTheDriverLacks() {
    assertThatThrownBy(() -> PostgresOptions.toJdbcParameters("service=flyte"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'service' is not supported");
  }

  @Test
  void rejectsMalformedOptions() {
    assertThatThrownBy(() -> PostgresOptions.toJdbcParameters("sslmode"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected key=value");
    assertThatThrownBy(() -> PostgresOptions.toJdbcParameters("application_name='open"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unterminated");
    assertThatThrownBy(() -> PostgresOptions.toJdbcParameters("target_session_attrs=whatever"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("target_session_attrs");
  }
}

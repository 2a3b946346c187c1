package org.flyte.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Database failures reach callers of a {@code @Repository} translated once, with Flyte's
 * unique-violation message and no database text otherwise.
 */
class DatabaseErrorsTest {

  @Repository
  static class NotesRepository {
    private final JdbcTemplate jdbc;

    NotesRepository(DataSource dataSource) {
      this.jdbc = new JdbcTemplate(dataSource);
    }

    public void createTable() {
      jdbc.execute("CREATE TABLE IF NOT EXISTS notes (id int PRIMARY KEY, at timestamptz)");
    }

    public void insert(int id) {
      jdbc.update("INSERT INTO notes (id) VALUES (?)", id);
    }

    public void insertText(String text) {
      jdbc.update("INSERT INTO notes (id) VALUES (1000 + length(?))", text);
    }

    public void after(String at) {
      jdbc.queryForList("SELECT id FROM notes WHERE at > CAST(? AS timestamptz)", at);
    }

    public void notADatabaseError() {
      throw new IllegalStateException("kept as is");
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Repositories {
    @Bean
    NotesRepository notesRepository(DataSource dataSource) {
      return new NotesRepository(dataSource);
    }
  }

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PersistenceAutoConfiguration.class, DataSourceAutoConfiguration.class))
          .withUserConfiguration(Repositories.class)
          .withPropertyValues(
              TestPostgres.properties(
                  TestPostgres.newDatabaseName(), "spring.application.name=errors-test"));

  @Test
  void repositoriesAnswerFlyteErrorsWithoutDatabaseText() {
    runner.run(
        context -> {
          NotesRepository notes = context.getBean(NotesRepository.class);
          notes.createTable();
          notes.insert(1);

          assertThatThrownBy(() -> notes.insert(1))
              .isInstanceOfSatisfying(
                  FlyteException.class,
                  e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
                    assertThat(e.getMessage())
                        .isEqualTo(
                            "value with matching already exists (duplicate key value violates"
                                + " unique constraint \"notes_pkey\")");
                  });
          assertThatThrownBy(() -> notes.after("notadate"))
              .isInstanceOfSatisfying(
                  FlyteException.class,
                  e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.getMessage())
                        .isEqualTo("invalid value: a value is not a valid date or time")
                        .doesNotContain("notadate");
                  });
          assertThatThrownBy(() -> notes.insertText("a\u0000b"))
              .isInstanceOfSatisfying(
                  FlyteException.class,
                  e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).doesNotContain("0x00").doesNotContain("ERROR");
                  });
          assertThatThrownBy(notes::notADatabaseError)
              .isExactlyInstanceOf(IllegalStateException.class)
              .hasMessage("kept as is");
        });
  }

  @Test
  void unavailableAndConflictsAreRetryableAndNameNoCause() {
    FlyteException down =
        DatabaseErrors.translate(
            new DataAccessResourceFailureException("Connection to localhost:5432 refused"));
    assertThat(down.code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(down.getMessage()).doesNotContain("5432");
    FlyteException conflict =
        DatabaseErrors.translate(
            new CannotAcquireLockException(
                "x", new java.sql.SQLException("deadlock detected", "40P01")));
    assertThat(conflict.code()).isEqualTo(ErrorCode.ABORTED);
    FlyteException other =
        DatabaseErrors.translate(
            new java.sql.SQLException("relation \"secret_table\" does not exist", "42P01"));
    assertThat(other.code()).isEqualTo(ErrorCode.INTERNAL);
    assertThat(other.getMessage()).isEqualTo("failed database operation");
  }
}

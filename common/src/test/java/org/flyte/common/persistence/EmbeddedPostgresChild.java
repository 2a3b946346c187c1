package org.flyte.common.persistence;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The main class of {@link org.flyte.testing.ChildJvm}: {@code lease <dir>} holds a lease on the
 * embedded server of {@code dir}; {@code app <dir>} runs a standalone app on it whose stop still
 * uses the database for a second, as a request that drains does. Prints {@code READY <port>} when
 * up, then waits to be killed.
 */
public final class EmbeddedPostgresChild {

  private EmbeddedPostgresChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    if (args[0].equals("lease")) {
      EmbeddedPostgresServer server = EmbeddedPostgresServer.lease(dir, 0);
      // What an app's context does when it closes at exit.
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
      System.out.println("READY " + server.port());
    } else {
      new SpringApplicationBuilder(App.class)
          .web(WebApplicationType.NONE)
          .properties(
              "spring.main.banner-mode=off",
              "flyte.database.embedded.data-dir=" + dir,
              "flyte.database.postgres.dbname=child")
          .run();
      System.out.println("READY");
    }
    Thread.sleep(Long.MAX_VALUE);
  }

  @SpringBootConfiguration
  @ImportAutoConfiguration(PersistenceAutoConfiguration.class)
  static class App {

    /** Uses the database while it stops, as a draining request does. */
    @Bean
    SmartLifecycle drainingWork(DataSource dataSource) {
      JdbcTemplate jdbc = new JdbcTemplate(dataSource);
      return new SmartLifecycle() {
        private volatile boolean running;

        @Override
        public void start() {
          running = true;
        }

        @Override
        public void stop() {
          try {
            jdbc.execute("SELECT pg_sleep(1)");
            System.out.println("DRAINED " + jdbc.queryForObject("SELECT 42", Integer.class));
          } catch (RuntimeException e) {
            System.out.println("FAILED " + e.getMessage());
          }
          running = false;
        }

        @Override
        public boolean isRunning() {
          return running;
        }
      };
    }
  }
}

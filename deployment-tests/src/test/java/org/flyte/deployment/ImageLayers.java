package org.flyte.deployment;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * An app image's file system as its Dockerfile builds it, made here without an engine: the Boot
 * jar, copied as {@code app.jar}, extracted with {@code -Djarmode=tools ... extract --layers}, and
 * the layers the Dockerfile copies laid into one directory (the image's {@code /app}) in its order.
 */
final class ImageLayers {

  private static final Pattern LAYER_COPY =
      Pattern.compile("COPY --from=layers /build/extracted/([a-z-]+)/ \\./");

  private ImageLayers() {}

  /** What a started process printed and how it ended. */
  record Launched(int status, String output) {}

  /** The layer names the Dockerfile copies, in its order. */
  static List<String> copiedLayers(String dockerfile) {
    List<String> copied = new ArrayList<>();
    Matcher copy = LAYER_COPY.matcher(dockerfile);
    while (copy.find()) {
      copied.add(copy.group(1));
    }
    return copied;
  }

  /** Lays the jar's layers {@code copied} into {@code work/app}, as the image's {@code /app}. */
  static Path assemble(Path jar, List<String> copied, Path work) throws Exception {
    Path source = Files.copy(jar, work.resolve("app.jar"));
    run(
        work,
        "java",
        "-Djarmode=tools",
        "-jar",
        source.toString(),
        "extract",
        "--layers",
        "--destination",
        work.resolve("extracted").toString());
    Path image = Files.createDirectories(work.resolve("app"));
    for (String layer : copied) {
      copyInto(work.resolve("extracted").resolve(layer), image);
    }
    return image;
  }

  /** The app's {@code -exec.jar} in {@code module/target}, or null when it was not packaged. */
  static Path execJar(Path module) throws IOException {
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

  /** Runs a command that must succeed; returns its standard output. */
  static String run(Path dir, String... command) throws Exception {
    Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), err).isZero();
    return out;
  }

  /** Runs a command to its end (at most two minutes), its output and errors merged. */
  static Launched launch(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Launched(process.exitValue(), output);
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

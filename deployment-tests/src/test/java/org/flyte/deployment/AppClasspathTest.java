package org.flyte.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What each app's Boot jar must not carry, and why. */
class AppClasspathTest {

  /**
   * Jackson 2's XML module makes Spring build a Jackson 2 XML message converter at every start
   * (docs/adr/0046-no-jackson-2-xml-module.md); only google-cloud-storage's XML multipart-upload
   * API, which none of the apps uses, needs it. (The sandbox keeps it: its S3 server, s3proxy,
   * speaks S3's XML.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"flyteadmin", "datacatalog", "flytescheduler"})
  void noAppCarriesJacksonTwosXmlModule(String app) throws Exception {
    Path jar = ImageLayers.execJar(Charts.ROOT.resolve(app));
    assumeTrue(jar != null, app + "/target has no -exec.jar: run with -am so the app is packaged");
    List<String> libraries;
    try (JarFile file = new JarFile(jar.toFile())) {
      libraries =
          file.stream()
              .map(e -> e.getName())
              .filter(name -> name.startsWith("BOOT-INF/lib/"))
              .toList();
    }
    assertThat(libraries)
        .as("the app's libraries")
        .isNotEmpty()
        .noneMatch(name -> name.startsWith("BOOT-INF/lib/jackson-dataformat-xml-"));
  }
}

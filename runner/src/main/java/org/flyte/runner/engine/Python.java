package org.flyte.runner.engine;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The configured Python environment: where {@code pyflyte-execute} and its siblings are found. */
final class Python {

  private Python() {}

  /** The {@code bin} directory of the environment, or null when none is configured. */
  static Path bin(Path python) {
    if (python == null) {
      return null;
    }
    if (Files.isDirectory(python)) {
      Path bin = python.resolve("bin");
      return Files.isDirectory(bin) ? bin : python;
    }
    return python.toAbsolutePath().getParent();
  }

  /** {@code program} from the environment's {@code bin} when there, else as given (PATH). */
  static String program(Path python, String program) {
    Path bin = bin(python);
    if (bin != null && !program.contains("/")) {
      Path candidate = bin.resolve(program);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return program;
  }

  /** Puts the environment's {@code bin} first on the PATH and marks the venv active. */
  static void prependPath(Path python, Map<String, String> env) {
    Path bin = bin(python);
    if (bin == null) {
      return;
    }
    String path = env.getOrDefault("PATH", "");
    env.put("PATH", bin + (path.isEmpty() ? "" : File.pathSeparator + path));
    if (Files.exists(bin.getParent().resolve("pyvenv.cfg"))) {
      env.put("VIRTUAL_ENV", bin.getParent().toString());
    }
  }
}

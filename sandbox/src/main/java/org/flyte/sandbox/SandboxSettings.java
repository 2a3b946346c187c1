package org.flyte.sandbox;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the sandbox keeps its data and which ports its three apps listen on. The defaults are
 * Flyte's: admin HTTP 8088 and gRPC 8089, DataCatalog gRPC 8081 (its code default, which Flyte's
 * single binary uses), the scheduler's metrics on 10254; DataCatalog's health port is 8080.
 *
 * @param dir the data directory: the embedded PostgreSQL under {@code postgres/}, object storage
 *     under {@code storage/}
 */
public record SandboxSettings(
    Path dir,
    int adminHttpPort,
    int adminGrpcPort,
    int catalogGrpcPort,
    int catalogHttpPort,
    int schedulerPort) {

  /** The environment variable that moves the data directory away from {@code ./.sandbox}. */
  public static final String DIR_VARIABLE = "FLYTE_SANDBOX_DIR";

  public static SandboxSettings defaults(Map<String, String> environment) {
    String dir = environment.getOrDefault(DIR_VARIABLE, ".sandbox");
    return new SandboxSettings(
        Path.of(dir).toAbsolutePath().normalize(), 8088, 8089, 8081, 8080, 10254);
  }

  Path postgresDir() {
    return dir.resolve("postgres");
  }

  Path storageDir() {
    return dir.resolve("storage");
  }
}

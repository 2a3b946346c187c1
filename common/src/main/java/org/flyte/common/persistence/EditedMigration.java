package org.flyte.common.persistence;

import java.util.Objects;

/**
 * An applied Flyway migration whose file was later edited without changing what it does (its
 * comments), declared as a bean by the app that owns it. Flyway stores a CRC32 of every applied
 * file and refuses to start when a file no longer matches; {@link EditedMigrationChecksums} moves
 * exactly the stored checksum {@code checksumBefore} of {@code version} to {@code checksumAfter},
 * so databases migrated by an earlier build keep starting. Any other mismatch still fails
 * validation.
 *
 * @param version the migration version, as in its file name ({@code V1__...} is {@code "1"})
 * @param checksumBefore Flyway's checksum of the file as earlier builds applied it
 * @param checksumAfter Flyway's checksum of the file as it is now
 */
public record EditedMigration(String version, int checksumBefore, int checksumAfter) {

  public EditedMigration {
    Objects.requireNonNull(version, "version");
  }
}

package org.flyte.common.persistence;

/**
 * Why a start cannot skip Flyway: the schema history or the configuration is anything but the plain
 * "every packaged migration applied, nothing else" (see {@link MigrateWhenNeeded}).
 */
final class FlywayNeeded extends Exception {

  FlywayNeeded(String reason) {
    super(reason, null, false, false);
  }
}

package org.flyte.admin.config;

import org.flyte.common.persistence.EditedMigration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * FlyteAdmin's migrations edited after earlier builds applied them (comments only; see {@link
 * EditedMigration}).
 */
@Configuration(proxyBeanMethods = false)
public class EditedMigrationsConfiguration {

  /** 2026-12-03: V1__baseline.sql's comments cite Flyte's migrations.go instead of our notes. */
  @Bean
  static EditedMigration baselineCitesFlytesFiles() {
    return new EditedMigration("1", -1185133504, -337731633);
  }
}

package org.flyte.datacatalog.config;

import org.flyte.common.persistence.EditedMigration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * DataCatalog's migrations edited after earlier builds applied them (comments only; see {@link
 * EditedMigration}).
 */
@Configuration(proxyBeanMethods = false)
public class EditedMigrationsConfiguration {

  /** 2026-12-03: V1__baseline.sql's comments cite Flyte's datacatalog models. */
  @Bean
  static EditedMigration baselineCitesFlytesFiles() {
    return new EditedMigration("1", -1129340612, 386235622);
  }

  /** 2026-12-03: V2__add_lookup_indexes.sql's comments no longer cite our notes. */
  @Bean
  static EditedMigration lookupIndexesCiteNoNotes() {
    return new EditedMigration("2", -776965575, -1929113556);
  }
}

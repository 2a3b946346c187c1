package org.flyte.datacatalog.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import org.flyte.testing.TempPaths;
import org.flyte.testing.TestPostgres;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/** {@link DataCatalogApp} on a fresh test database and local-disk storage in a temp directory. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DataCatalogApp
@ContextConfiguration(initializers = LocalStorage.Initializer.class)
public @interface LocalStorage {

  /** Points the context at its own database and storage directory. */
  class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      Path root = TempPaths.directory("datacatalog-storage");
      TestPropertyValues.of(TestPostgres.properties(TestPostgres.newDatabaseName()))
          .and(
              "flyte.storage.type=local",
              "flyte.storage.container=catalog",
              "flyte.storage.local.path=" + root)
          .applyTo(context);
    }
  }
}

package org.flyte.datacatalog.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.UUID;
import org.flyte.testing.TestPostgres;
import org.flyte.testing.TestS3;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/** {@link DataCatalogApp} on a fresh test database and a fresh bucket of the JVM's s3proxy. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DataCatalogApp
@ContextConfiguration(initializers = S3Storage.Initializer.class)
public @interface S3Storage {

  /** Points the context at its own database and bucket. */
  class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      String bucket = "catalog-" + UUID.randomUUID().toString().substring(0, 8);
      TestPropertyValues.of(TestPostgres.properties(TestPostgres.newDatabaseName()))
          .and(TestS3.storageProperties(bucket))
          .applyTo(context);
    }
  }
}

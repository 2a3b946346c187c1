package org.flyte.datacatalog.app;

import java.io.InputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Optional;
import org.flyte.common.error.FlyteException;
import org.flyte.common.storage.BlobMetadata;
import org.flyte.common.storage.BlobStore;
import org.flyte.common.storage.BlobStoreSettings;
import org.flyte.common.storage.DataReference;
import org.flyte.common.storage.SignedUrl;
import org.flyte.common.storage.SignedUrlRequest;
import org.flyte.common.storage.WriteOptions;
import org.flyte.common.storage.memory.InMemoryBlobStore;
import org.flyte.testing.TestPostgres;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@link DataCatalogApp} on a fresh database and an in-memory store whose writes fail for every
 * output named {@value #FAILING_OUTPUT}, as a backend outage would. The app's own {@link BlobStore}
 * bean is the storage seam (the storage auto-configuration backs off), not an override.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DataCatalogApp
@ContextConfiguration(initializers = FailingStorage.Initializer.class)
@Import(FailingStorage.StoreConfiguration.class)
public @interface FailingStorage {

  String FAILING_OUTPUT = "unwritable";

  /** Points the context at its own database. */
  class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertyValues.of(TestPostgres.properties(TestPostgres.newDatabaseName()))
          .and("flyte.storage.type=mem")
          .applyTo(context);
    }
  }

  /** The failing store. */
  @TestConfiguration(proxyBeanMethods = false)
  class StoreConfiguration {
    @Bean
    BlobStore blobStore() {
      return new FailingBlobStore(new InMemoryBlobStore(BlobStoreSettings.of("catalog")));
    }
  }

  /** Delegates to a real store; refuses writes of the failing output. */
  final class FailingBlobStore implements BlobStore {

    private final BlobStore delegate;

    FailingBlobStore(BlobStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public void write(DataReference reference, byte[] data, WriteOptions options) {
      if (reference.key().contains("/" + FAILING_OUTPUT + "/")) {
        throw FlyteException.internal("failed to write [%s]: the store is down", reference);
      }
      delegate.write(reference, data, options);
    }

    @Override
    public String write(
        DataReference reference, InputStream data, long length, WriteOptions options) {
      return delegate.write(reference, data, length, options);
    }

    @Override
    public DataReference baseContainer() {
      return delegate.baseContainer();
    }

    @Override
    public byte[] read(DataReference reference) {
      return delegate.read(reference);
    }

    @Override
    public InputStream open(DataReference reference) {
      return delegate.open(reference);
    }

    @Override
    public Optional<BlobMetadata> head(DataReference reference) {
      return delegate.head(reference);
    }

    @Override
    public List<DataReference> list(DataReference prefix) {
      return delegate.list(prefix);
    }

    @Override
    public void delete(DataReference reference) {
      delegate.delete(reference);
    }

    @Override
    public boolean supportsSignedUrls() {
      return false;
    }

    @Override
    public SignedUrl signedUrl(DataReference reference, SignedUrlRequest request) {
      return delegate.signedUrl(reference, request);
    }
  }
}

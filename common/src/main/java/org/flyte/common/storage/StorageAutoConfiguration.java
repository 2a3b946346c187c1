package org.flyte.common.storage;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Provides the {@link BlobStore} chosen by {@code flyte.storage.*} and a {@link ProtoStore} over
 * it. An application (or a test) that defines its own {@link BlobStore} bean replaces the
 * configured one.
 */
@AutoConfiguration
@EnableConfigurationProperties(StorageProperties.class)
public class StorageAutoConfiguration {

  /** The configured store; closed with the context. */
  @Bean
  @ConditionalOnMissingBean
  public BlobStore blobStore(StorageProperties properties) {
    return BlobStoreFactory.create(properties);
  }

  @Bean
  @ConditionalOnMissingBean
  public ProtoStore protoStore(BlobStore blobStore) {
    return new ProtoStore(blobStore);
  }
}

package org.flyte.common.storage;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binds {@link StorageProperties} from property names, the way Spring Boot does at start-up. */
public final class StorageTestProperties {

  private StorageTestProperties() {}

  /** Binds {@code flyte.storage.*} from {@code properties} (full names, relaxed spellings). */
  public static StorageProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("flyte.storage", StorageProperties.class);
  }
}

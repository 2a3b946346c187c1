package org.flyte.admin.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The storage keys of Flyte's {@code flyteadmin} section under {@code flyte.flyteadmin}
 * (flyteadmin/pkg/runtime/application_config_provider.go, v1.16.8).
 *
 * @param metadataStoragePrefix the path segments, under the storage container, of the compiled
 *     workflow closures ({@code metadata/admin})
 */
@ConfigurationProperties(prefix = "flyte.flyteadmin")
public record AdminStorageProperties(
    @DefaultValue({"metadata", "admin"}) List<String> metadataStoragePrefix) {}

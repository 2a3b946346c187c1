package org.flyte.admin.warmup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The self-warm at start, under {@code flyte.flyteadmin.warmup} ({@code flyteadmin: {warmup: ...}}
 * in Flyte's configuration file; not a Flyte setting). See docs/adr/0037-warm-up.md.
 *
 * @param enabled whether to run it (default false: it delays ready by {@code duration})
 * @param duration how long it runs (default 10s); the app reports ready that much later
 */
@ConfigurationProperties(prefix = "flyte.flyteadmin.warmup")
public record WarmupProperties(
    @DefaultValue("false") boolean enabled, @DefaultValue("10s") Duration duration) {}

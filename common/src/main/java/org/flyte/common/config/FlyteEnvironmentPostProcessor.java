package org.flyte.common.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Bridges Flyte's configuration keys (under {@code flyte.}, spelled as Flyte spells them: {@code
 * httpPort}, {@code grpc.port}, ...) to the Spring properties that start the servers, so that one
 * Flyte configuration drives both. Spring's own keys ({@code server.port}, {@code
 * spring.grpc.server.port}) still win when set explicitly.
 *
 * <p>Flyte's own configuration files, named by {@code --config=<glob>} or {@code FLYTE_CONFIG}
 * (e.g. {@code /etc/flyte/config/*.yaml}, the Helm charts' ConfigMaps), are read unchanged into
 * {@code flyte.*} by {@link FlyteConfigFiles}.
 *
 * <p>With no {@code flyte.storage} key at all, an app stores objects on local disk under {@code
 * ~/.flyte/storage} (container {@code flyte}), as it runs an embedded PostgreSQL when no database
 * is configured: zero configuration is a working development setup.
 *
 * <p>It also gives each app a unique name for its in-process gRPC server, which the REST gateway
 * dispatches to, so that several apps (the sandbox) or test contexts can share one JVM.
 */
public class FlyteEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

  private static final String SYSTEM_ENVIRONMENT =
      StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

  /** The property Spring gRPC reads to start its in-process server. */
  public static final String IN_PROCESS_NAME = "spring.grpc.server.inprocess.name";

  /**
   * Spring property ← Flyte keys, first bound wins (admin's {@code server}, catalog's {@code
   * application}).
   */
  private static final Map<String, List<String>> BRIDGES =
      Map.of(
          "server.port",
          List.of(
              "flyte.server.http-port",
              "flyte.application.http-port",
              "flyte.scheduler.profiler-port"),
          "spring.grpc.server.port",
          List.of("flyte.server.grpc.port", "flyte.application.grpc-port"),
          "spring.grpc.server.reflection.enabled",
          List.of(
              "flyte.server.grpc.server-reflection", "flyte.application.grpc-server-reflection"));

  /** Defaults shared by all apps; an app's own yaml or any other source overrides them. */
  private static final Map<String, Object> DEFAULTS =
      Map.of(
          // The gRPC metrics are ours, named as Flyte names them (MetricsInterceptor).
          "spring.grpc.server.observation.enabled",
          false,
          // Unknown paths belong to the REST gateway, which answers them with a Status body.
          "spring.web.resources.add-mappings",
          false,
          // Bodies are read raw by their handlers (REST gateway, signed-URL uploads): Spring must
          // not parse PUT/PATCH/DELETE form bodies into parameters.
          "spring.mvc.formcontent.filter.enabled",
          false,
          "spring.grpc.server.health.schedule.delay",
          "0s",
          "server.shutdown",
          "graceful",
          // /actuator/health/readiness and /liveness everywhere, not only on Kubernetes.
          "management.endpoint.health.probes.enabled",
          true,
          "management.endpoints.web.exposure.include",
          "health,info,prometheus");

  /**
   * Flyte's {@code server.gracefulShutdownTimeoutSeconds} (flyteadmin/pkg/config/config.go,
   * v1.16.8): how long a stopping app lets requests in flight finish, on each of its servers.
   */
  static final String GRACEFUL_SHUTDOWN_SECONDS = "flyte.server.graceful-shutdown-timeout-seconds";

  /** Flyte's default of {@value #GRACEFUL_SHUTDOWN_SECONDS}. */
  static final int DEFAULT_GRACEFUL_SHUTDOWN_SECONDS = 10;

  /** The environment variable that names Flyte configuration files, as {@code --config} does. */
  public static final String CONFIG_VARIABLE = "FLYTE_CONFIG";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    addFlyteConfigFiles(environment);
    Binder binder = Binder.get(environment);
    Map<String, Object> derived = new LinkedHashMap<>(DEFAULTS);
    BRIDGES.forEach(
        (target, sources) ->
            firstBound(binder, sources).ifPresent(value -> derived.put(target, value)));
    long maxBytes = binder.bind("flyte.server.grpc.max-message-size-bytes", Long.class).orElse(0L);
    long maxMbs =
        binder.bind("flyte.application.grpc-max-recv-msg-size-mbs", Long.class).orElse(0L);
    if (maxBytes > 0) {
      derived.put("spring.grpc.server.inbound.message.max-size", maxBytes + "B");
    } else if (maxMbs > 0) {
      derived.put("spring.grpc.server.inbound.message.max-size", maxMbs + "MB");
    }
    int graceSeconds =
        binder
            .bind(GRACEFUL_SHUTDOWN_SECONDS, Integer.class)
            .orElse(DEFAULT_GRACEFUL_SHUTDOWN_SECONDS);
    derived.put("spring.grpc.server.shutdown.grace-period", graceSeconds + "s");
    derived.put("spring.lifecycle.timeout-per-shutdown-phase", graceSeconds + "s");
    if (!binder.bind("flyte.storage", Bindable.mapOf(String.class, Object.class)).isBound()) {
      // No storage configured at all: local disk beside the embedded database, for development.
      derived.put("flyte.storage.type", "local");
      derived.put("flyte.storage.container", "flyte");
      derived.put(
          "flyte.storage.local.path",
          Path.of(System.getProperty("user.home"), ".flyte", "storage").toString());
    }
    if (environment.getProperty(IN_PROCESS_NAME) == null) {
      String app = environment.getProperty("spring.application.name", "flyte");
      derived.put(IN_PROCESS_NAME, app + "-" + UUID.randomUUID());
    }
    environment.getPropertySources().addLast(new MapPropertySource("flyteDerived", derived));
  }

  /**
   * Loads Flyte's configuration files named by {@code --config=<glob>[,<glob>]} or {@value
   * #CONFIG_VARIABLE}, above the app's own defaults and below environment variables and
   * command-line arguments: Flyte's order (flag, env, files, defaults).
   */
  private static void addFlyteConfigFiles(ConfigurableEnvironment environment) {
    String globs = environment.getProperty("config", environment.getProperty(CONFIG_VARIABLE));
    if (globs == null || globs.isBlank()) {
      return;
    }
    List<Path> files = FlyteConfigFiles.expand(List.of(globs.split(",")));
    if (files.isEmpty()) {
      throw new IllegalStateException("No Flyte configuration file matches " + globs);
    }
    MapPropertySource source =
        new MapPropertySource("flyteConfigFiles " + files, FlyteConfigFiles.load(files, "flyte"));
    if (environment.getPropertySources().contains(SYSTEM_ENVIRONMENT)) {
      environment.getPropertySources().addAfter(SYSTEM_ENVIRONMENT, source);
    } else {
      environment.getPropertySources().addLast(source);
    }
  }

  private static Optional<String> firstBound(Binder binder, List<String> names) {
    for (String name : names) {
      var bound = binder.bind(name, String.class);
      if (bound.isBound()) {
        return Optional.of(bound.get());
      }
    }
    return Optional.empty();
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}

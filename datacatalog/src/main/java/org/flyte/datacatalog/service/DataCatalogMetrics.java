package org.flyte.datacatalog.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;
import org.flyte.common.error.FlyteException;
import org.springframework.stereotype.Component;

/**
 * DataCatalog's business metrics, Prometheus-style (ADR 0003): per entity and operation a duration
 * ({@code flyte_datacatalog_<entity>_<operation>_duration_seconds}) and outcome counters ({@code
 * flyte_datacatalog_<entity>_<operation>_success_total}, {@code ..._failure_total}, {@code
 * flyte_datacatalog_<entity>_validation_failure_total}, {@code ..._already_exists_total}, {@code
 * ..._not_found_total}), labelled {@code project} and {@code domain}. docs/metrics.md maps Flyte's
 * {@code <scope>:datacatalog:...} names to these.
 *
 * <p>Follows the metrics of {@code datacatalog/pkg/manager/impl/*_manager.go} (v1.16.8).
 */
@Component
public class DataCatalogMetrics {

  private final MeterRegistry registry;

  public DataCatalogMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Times {@code call} and counts its outcome. */
  public <T> T record(
      String entity, String operation, String project, String domain, Supplier<T> call) {
    Timer.Sample sample = Timer.start(registry);
    String outcome = operation + ".failure";
    try {
      T result = call.get();
      outcome = operation + ".success";
      return result;
    } catch (FlyteException e) {
      outcome =
          switch (e.code()) {
            case INVALID_ARGUMENT -> "validation.failure";
            case ALREADY_EXISTS -> "already.exists";
            case NOT_FOUND -> "not.found";
            default -> operation + ".failure";
          };
      throw e;
    } finally {
      sample.stop(
          Timer.builder("flyte.datacatalog." + entity + "." + operation + ".duration")
              .description("Duration of DataCatalog " + entity + " " + operation + " calls")
              .tags("project", project, "domain", domain)
              .register(registry));
      count(entity, outcome, project, domain);
    }
  }

  /** Counts one event, e.g. {@code reservation}, {@code acquired}. */
  public void count(String entity, String event, String project, String domain) {
    Counter.builder("flyte.datacatalog." + entity + "." + event)
        .tags("project", project, "domain", domain)
        .register(registry)
        .increment();
  }
}

package org.flyte.sandbox;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the sandbox as a whole serves: one instance shared by the three apps' contexts, where it
 * is the health contributor {@value #NAME} of their readiness group. So each app's {@code
 * /healthcheck} and {@code /actuator/health/readiness} answer 503 until all three apps listen, and
 * again from the moment the sandbox begins to stop.
 *
 * <p>FlyteAdmin's gRPC health service {@code flyteadmin} leaves it out: the scheduler, the last app
 * to start, waits for that service before it is up.
 */
final class SandboxReadiness implements HealthIndicator {

  /** The name of this contributor in each app's health. */
  static final String NAME = "sandbox";

  private enum State {
    STARTING,
    SERVING,
    STOPPING
  }

  private volatile State state = State.STARTING;

  void serving() {
    state = State.SERVING;
  }

  void stopping() {
    state = State.STOPPING;
  }

  @Override
  public Health health() {
    Health.Builder health = state == State.SERVING ? Health.up() : Health.outOfService();
    return health.withDetail("sandbox", state.name().toLowerCase(java.util.Locale.ROOT)).build();
  }
}

package org.flyte.admin.service.execution;

import flyteidl.admin.LaunchPlanOuterClass.ConcurrencyPolicy;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.core.IdentifierOuterClass.Identifier;
import org.flyte.admin.repository.execution.ExecutionRepository;
import org.flyte.common.error.FlyteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A launch plan's concurrency policy. Follows {@code checkLaunchPlanConcurrency} of {@code
 * flyteadmin/pkg/manager/impl/execution_manager.go} (v1.16.8): the QUEUED and RUNNING executions of
 * any version of the launch plan (in its own project and domain) are counted; at the limit, SKIP
 * refuses the execution with ALREADY_EXISTS (what the scheduler treats as "already fired") and an
 * unspecified behavior lets it through. As in Flyte the count is not atomic with the insert, so
 * concurrent creations may overshoot the limit; a failed count counts as 0.
 */
@Component
class ConcurrencyPolicies {

  private static final Logger log = LoggerFactory.getLogger(ConcurrencyPolicies.class);

  private final ExecutionRepository executions;

  ConcurrencyPolicies(ExecutionRepository executions) {
    this.executions = executions;
  }

  /**
   * @throws FlyteException ALREADY_EXISTS when the limit is reached and the behavior is SKIP
   */
  void check(LaunchPlan launchPlan) {
    if (!launchPlan.getSpec().hasConcurrencyPolicy()) {
      return;
    }
    ConcurrencyPolicy policy = launchPlan.getSpec().getConcurrencyPolicy();
    Identifier id = launchPlan.getId();
    long active;
    try {
      active = executions.countActive(id.getProject(), id.getDomain(), id.getName());
    } catch (RuntimeException e) {
      log.error(
          "failed to count the active executions of launch plan {}: {}",
          id.getName(),
          e.toString());
      active = 0;
    }
    if (active < policy.getMax()) {
      return;
    }
    switch (policy.getBehavior()) {
      case CONCURRENCY_LIMIT_BEHAVIOR_SKIP ->
          throw FlyteException.alreadyExists(
              "concurrency limit (%d) reached for launch plan %s; skipping execution",
              policy.getMax(), id.getName());
      case CONCURRENCY_LIMIT_BEHAVIOR_UNSPECIFIED -> {
        // not enforced
      }
      default ->
          throw FlyteException.internal(
              "unsupported concurrency-limit behavior: %s",
              policy.getBehavior()
                      == flyteidl.admin.LaunchPlanOuterClass.ConcurrencyLimitBehavior.UNRECOGNIZED
                  ? String.valueOf(policy.getBehaviorValue())
                  : policy.getBehavior().name());
    }
  }
}

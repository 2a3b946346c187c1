package org.flyte.sandbox.scheduler;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.flyte.admin.executor.AbortData;
import org.flyte.admin.executor.ExecutionData;
import org.flyte.admin.executor.ExecutionResponse;
import org.flyte.admin.executor.WorkflowExecutor;

/**
 * FlyteAdmin's executor in these tests: starts nothing, counts what it is given, and can hold the
 * next execution of one launch plan inside admin's CreateExecution (after admin has claimed the
 * execution's name, before it answers) until the test releases it: a CreateExecution under way when
 * a scheduler replica is killed.
 */
final class HoldingWorkflowExecutor implements WorkflowExecutor {

  private record Hold(String launchPlan, CountDownLatch reached, CountDownLatch released) {}

  private final AtomicReference<Hold> hold = new AtomicReference<>();
  private final AtomicInteger executed = new AtomicInteger();

  /**
   * Holds the next execution of {@code launchPlan}.
   *
   * @return counted down once that execution is held
   */
  CountDownLatch holdNext(String launchPlan) {
    Hold next = new Hold(launchPlan, new CountDownLatch(1), new CountDownLatch(1));
    hold.set(next);
    return next.reached();
  }

  /** Lets the held execution (and any later one of the same launch plan) go on. */
  void release() {
    Hold current = hold.getAndSet(null);
    if (current != null) {
      current.released().countDown();
    }
  }

  /** How many executions admin started. */
  int executed() {
    return executed.get();
  }

  @Override
  public ExecutionResponse execute(ExecutionData data) {
    Hold current = hold.get();
    if (current != null
        && current.launchPlan().equals(data.referenceLaunchPlanName())
        && current.reached().getCount() > 0) {
      current.reached().countDown();
      try {
        current.released().await(2, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    executed.incrementAndGet();
    return new ExecutionResponse("holding-cluster");
  }

  @Override
  public void abort(AbortData data) {}

  @Override
  public String id() {
    return "holding";
  }
}

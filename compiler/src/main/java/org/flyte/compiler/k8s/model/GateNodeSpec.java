package org.flyte.compiler.k8s.model;

import flyteidl.core.Workflow.ApproveCondition;
import flyteidl.core.Workflow.SignalCondition;
import flyteidl.core.Workflow.SleepCondition;

/**
 * A gate node ({@code v1alpha1.GateNodeSpec}): waits for an approval, a signal or a duration.
 *
 * @param kind {@code approve}, {@code signal} or {@code sleep}
 * @param approve the approval awaited; null unless {@code approve}
 * @param signal the signal awaited; null unless {@code signal}
 * @param sleep the sleep; null unless {@code sleep}
 */
public record GateNodeSpec(
    String kind, ApproveCondition approve, SignalCondition signal, SleepCondition sleep) {}

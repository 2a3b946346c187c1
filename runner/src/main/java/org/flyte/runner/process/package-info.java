/**
 * Task processes: the launcher seam and the local implementation that stands in for a pod. Follows
 * {@code flyteplugins/go/tasks/pluginmachinery/flytek8s/container_helper.go} (Flyte v1.16.8).
 */
package org.flyte.runner.process;

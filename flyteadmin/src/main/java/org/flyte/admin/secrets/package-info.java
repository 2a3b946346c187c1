/**
 * {@code flyteadmin secrets init|create}: FlyteAdmin's authentication secrets generated into a
 * directory and put into a Kubernetes Secret, as Flyte's Helm chart does in FlyteAdmin's pod.
 */
package org.flyte.admin.secrets;

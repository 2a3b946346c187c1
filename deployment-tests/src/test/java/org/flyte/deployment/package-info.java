/**
 * Tests of what operators deploy, without a cluster or a container engine: the Helm charts rendered
 * and linted with Helm's own library ({@link org.flyte.deployment.Charts}), the committed renders
 * ({@link org.flyte.deployment.Render}), their objects against fabric8's typed model, the
 * flyte-core values contract, docker-compose.yml, the images' layout, and the three apps booting
 * from rendered configuration ({@link org.flyte.deployment.ControlPlane}).
 */
package org.flyte.deployment;

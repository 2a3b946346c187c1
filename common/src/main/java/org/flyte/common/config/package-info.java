/**
 * Configuration shared by the apps: Flyte's configuration sections live under the {@code flyte.}
 * prefix (Flyte's {@code server} section would collide with Spring's own), bound to one
 * {@code @ConfigurationProperties} record per section, and bridged to the Spring properties that
 * start the HTTP and gRPC servers.
 */
package org.flyte.common.config;

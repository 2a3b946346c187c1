package org.flyte.admin.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Flyte's {@code secrets} section under {@code flyte.secrets}: where FlyteAdmin reads the auth
 * secrets. A secret {@code <name>} is the environment variable {@code <envPrefix><name>} when set,
 * else the file {@code <secretsPrefix>/<name>}. Follows {@code
 * flytepropeller/pkg/controller/nodes/task/secretmanager} (v1.16.8), which FlyteAdmin uses.
 *
 * @param secretsPrefix the directory of secret files; default {@code /etc/secrets}
 * @param envPrefix the prefix of secret variables; default {@code FLYTE_SECRET_}
 */
@ConfigurationProperties(prefix = "flyte.secrets")
public record SecretsProperties(
    @DefaultValue("/etc/secrets") String secretsPrefix,
    @DefaultValue("FLYTE_SECRET_") String envPrefix) {}

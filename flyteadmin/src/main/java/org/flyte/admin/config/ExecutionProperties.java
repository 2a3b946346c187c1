package org.flyte.admin.config;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The execution keys of Flyte's {@code flyteadmin} section under {@code flyte.flyteadmin} (the
 * platform defaults of the execution config are in {@link FlyteAdminProperties}). Follows {@code
 * flyteadmin/pkg/runtime/interfaces/application_configuration.go} (v1.16.8).
 *
 * @param eventVersion the event version executions are started with; default 2
 * @param roleNameKey the annotation key that carries an execution's IAM role; default none
 * @param envs environment variables of every execution, the lowest-priority source of its {@code
 *     envs}; default none
 * @param injectIdentityAnnotations whether executions carry the caller's identity as annotations
 *     ({@code <prefix>/user-<key>}, {@code <prefix>/app-<key>}); default false
 * @param identityAnnotationPrefix the annotations' prefix, a DNS-1123 subdomain (else nothing is
 *     injected); default {@code flyte.org}
 * @param identityAnnotationKeys which parts of the identity: {@code email}, {@code sub} (and {@code
 *     id} for apps); default none
 */
@ConfigurationProperties(prefix = "flyte.flyteadmin")
public record ExecutionProperties(
    @DefaultValue("2") int eventVersion,
    @DefaultValue("") String roleNameKey,
    @DefaultValue Map<String, String> envs,
    @DefaultValue("false") boolean injectIdentityAnnotations,
    @DefaultValue("flyte.org") String identityAnnotationPrefix,
    @DefaultValue List<String> identityAnnotationKeys) {}

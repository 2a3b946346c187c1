package org.flyte.admin.service.execution;

import java.util.LinkedHashMap;
import java.util.Map;
import org.flyte.admin.config.ExecutionProperties;
import org.flyte.admin.service.validation.KubernetesNames;
import org.flyte.common.auth.CallerIdentity;
import org.jspecify.annotations.Nullable;

/**
 * The caller's identity as annotations of its executions. Follows {@code addIdentityAnnotations} of
 * {@code flyteadmin/pkg/manager/impl/execution_manager.go} (v1.16.8): only with {@code
 * flyteadmin.injectIdentityAnnotations} and an authenticated caller; an app ({@code client_id})
 * gets {@code <prefix>/app-<key>} = its id for the keys {@code email}, {@code sub} and {@code id};
 * a user gets {@code <prefix>/user-email} and {@code <prefix>/user-sub} from its profile; an
 * annotation already set is kept, an empty value is not written, and a prefix that is not a
 * DNS-1123 subdomain injects nothing.
 */
final class IdentityAnnotations {

  private IdentityAnnotations() {}

  /** {@code annotations} with the identity's added. */
  static Map<String, String> add(
      Map<String, String> annotations,
      @Nullable CallerIdentity caller,
      ExecutionProperties properties) {
    String prefix = properties.identityAnnotationPrefix();
    if (!properties.injectIdentityAnnotations()
        || caller == null
        || !KubernetesNames.dns1123Subdomain(prefix).isEmpty()) {
      return annotations;
    }
    Map<String, String> added = new LinkedHashMap<>(annotations);
    boolean app = !caller.clientId().isEmpty();
    for (String key : properties.identityAnnotationKeys()) {
      String value;
      if (app) {
        value =
            switch (key) {
              case "email", "sub", "id" -> caller.clientId();
              default -> "";
            };
      } else {
        value =
            switch (key) {
              case "email" -> caller.userInfo().getEmail();
              case "sub" -> caller.userInfo().getSubject();
              default -> "";
            };
      }
      if (!value.isEmpty()) {
        added.putIfAbsent(prefix + (app ? "/app-" : "/user-") + key, value);
      }
    }
    return added;
  }
}

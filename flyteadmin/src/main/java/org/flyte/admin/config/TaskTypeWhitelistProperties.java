package org.flyte.admin.config;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Flyte's {@code task_type_whitelist} section under {@code flyte.task_type_whitelist}: task types
 * that only some projects (or project domains) may register. A type without entries is open to all.
 * Follows {@code flyteadmin/pkg/runtime/interfaces/whitelist.go} (v1.16.8).
 *
 * @param taskTypeWhitelist for each restricted task type, the scopes allowed to use it
 */
@ConfigurationProperties(prefix = "flyte")
public record TaskTypeWhitelistProperties(
    @DefaultValue Map<String, List<Scope>> taskTypeWhitelist) {

  /**
   * @param project the project allowed; empty means every project
   * @param domain the domain of that project allowed; empty means every domain
   */
  public record Scope(String project, String domain) {}

  /** Whether {@code project}/{@code domain} may register tasks of {@code type}. */
  public boolean allows(String type, String project, String domain) {
    List<Scope> scopes = taskTypeWhitelist.get(type);
    if (scopes == null || scopes.isEmpty()) {
      return true;
    }
    return scopes.stream()
        .anyMatch(
            s ->
                empty(s.project())
                    || (s.project().equals(project)
                        && (empty(s.domain()) || s.domain().equals(domain))));
  }

  private static boolean empty(String text) {
    return text == null || text.isEmpty();
  }
}

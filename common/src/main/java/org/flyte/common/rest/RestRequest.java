package org.flyte.common.rest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP request as the gateway sees it, independent of the servlet API.
 *
 * @param method the HTTP method, e.g. {@code GET}
 * @param rawPath the path as sent, still percent-encoded, starting with '/' (no context path)
 * @param rawQuery the query string as sent, without '?', or {@code null}
 * @param headers header values by name; names are matched case-insensitively
 * @param body the request body (empty when there is none)
 * @param remoteAddress the client IP address (appended to {@code x-forwarded-for}), or {@code null}
 */
public record RestRequest(
    String method,
    String rawPath,
    @Nullable String rawQuery,
    Map<String, List<String>> headers,
    byte[] body,
    @Nullable String remoteAddress) {

  public RestRequest {
    Map<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (name, values) ->
            caseInsensitive.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
    caseInsensitive.replaceAll((name, values) -> List.copyOf(values));
    headers = Collections.unmodifiableMap(caseInsensitive);
  }

  /** Every value of a header, in order; empty when absent. */
  public List<String> headerValues(String name) {
    return headers.getOrDefault(name, List.of());
  }

  /** The first value of a header, or {@code null}. */
  public @Nullable String header(String name) {
    List<String> values = headerValues(name);
    return values.isEmpty() ? null : values.get(0);
  }
}

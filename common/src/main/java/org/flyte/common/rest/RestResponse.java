package org.flyte.common.rest;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The gateway's answer: an HTTP status, headers (in the order they were set) and the encoded body.
 */
public record RestResponse(int status, Map<String, List<String>> headers, byte[] body) {

  /** The first value of a header (name matched case-insensitively), or {@code null}. */
  public @Nullable String header(String name) {
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
        return entry.getValue().get(0);
      }
    }
    return null;
  }
}

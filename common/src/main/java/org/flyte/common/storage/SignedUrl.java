package org.flyte.common.storage;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * A pre-signed URL.
 *
 * <p>Follows {@code SignedURLResponse} of {@code flytestdlib/storage/storage.go} (v1.16.8), with
 * the expiry added.
 *
 * @param url the URL to call
 * @param headers the headers the client must send with it (e.g. {@code Content-MD5}, {@code
 *     x-amz-meta-flytecontentmd5}); empty for a plain GET. Unlike Flyte's stow layer this does not
 *     include a {@code Content-Length} entry (stow filled it with the length of the MD5 string).
 * @param expiresAt when the URL stops working
 */
public record SignedUrl(URI url, Map<String, String> headers, Instant expiresAt) {

  public SignedUrl {
    headers = Map.copyOf(headers);
  }
}

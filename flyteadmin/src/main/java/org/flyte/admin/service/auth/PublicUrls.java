package org.flyte.admin.service.auth;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The service's public URL for a request, and which URLs may be redirected to, from {@code
 * auth.authorizedUris}. Follows {@code flyteadmin/auth/handler_utils.go GetPublicURL} (v1.16.8):
 * the request's host (gRPC {@code x-forwarded-host} or {@code :authority}, HTTP {@code Host}),
 * taken as {@code https}, is matched against the authorized URIs: same host and scheme wins, then
 * same host and port, then same host, then the first entry; without authorized URIs it is {@code
 * https://<host>}.
 */
public final class PublicUrls {

  private final List<URI> authorized;

  public PublicUrls(List<URI> authorizedUris) {
    this.authorized = List.copyOf(authorizedUris);
  }

  public List<URI> authorized() {
    return authorized;
  }

  /**
   * The public URL for a request addressed to {@code hostAndPort} over {@code scheme} ({@code
   * https} when unknown, as in Flyte).
   */
  public String forRequest(@Nullable String scheme, @Nullable String hostAndPort) {
    URI request = null;
    if (hostAndPort != null && !hostAndPort.isEmpty()) {
      try {
        request = URI.create((scheme == null ? "https" : scheme) + "://" + hostAndPort);
      } catch (IllegalArgumentException e) {
        request = null; // an unparseable host: fall back as if there were none
      }
    }
    if (request == null || request.getHost() == null) {
      return authorized.isEmpty() ? "" : text(authorized.get(0));
    }
    URI hostMatch = null;
    URI hostAndPortMatch = null;
    for (URI candidate : authorized) {
      if (request.getHost().equalsIgnoreCase(Objects.toString(candidate.getHost(), ""))) {
        if (hostMatch == null) {
          hostMatch = candidate;
        }
        if (port(request) == port(candidate) && hostAndPortMatch == null) {
          hostAndPortMatch = candidate;
        }
        if (request.getScheme().equalsIgnoreCase(candidate.getScheme())) {
          return text(candidate);
        }
      }
    }
    if (hostAndPortMatch != null) {
      return text(hostAndPortMatch);
    }
    if (hostMatch != null) {
      return text(hostMatch);
    }
    return authorized.isEmpty() ? text(request) : text(authorized.get(0));
  }

  /**
   * The audiences an access token may carry for a request whose public URL is {@code publicUrl}:
   * that URL, every authorized URI (all name this service; tokens minted for the in-cluster URL
   * work through the ingress and back), and {@code extra} (the issuer, {@code allowedAudience}).
   */
  public Set<String> acceptedAudiences(String publicUrl, List<String> extra) {
    Set<String> accepted = new LinkedHashSet<>();
    if (!publicUrl.isEmpty()) {
      accepted.add(publicUrl);
    }
    authorized.forEach(uri -> accepted.add(text(uri)));
    extra.stream().filter(value -> !value.isEmpty()).forEach(accepted::add);
    return accepted;
  }

  /**
   * Whether {@code redirectUrl} may end a login: relative URLs may, absolute ones only toward an
   * authorized URI's scheme, host and port ({@code GetRedirectURLAllowed}).
   */
  public boolean redirectAllowed(@Nullable String redirectUrl) {
    if (redirectUrl == null || redirectUrl.isEmpty()) {
      return true;
    }
    URI target;
    try {
      target = URI.create(redirectUrl);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (target.getRawAuthority() == null) {
      return !redirectUrl.startsWith("//") && !redirectUrl.startsWith("\\");
    }
    for (URI candidate : authorized) {
      if (Objects.equals(target.getHost(), candidate.getHost())
          && target.getPort() == candidate.getPort()
          && Objects.equals(target.getScheme(), candidate.getScheme())) {
        return true;
      }
    }
    return false;
  }

  private static int port(URI uri) {
    return uri.getPort();
  }

  private static String text(URI uri) {
    return uri.toString();
  }
}

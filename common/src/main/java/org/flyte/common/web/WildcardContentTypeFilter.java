package org.flyte.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hides a wildcard {@code Content-Type} ({@code *}&#47;{@code *}, {@code application/*}, {@code
 * application/*+json}, ...) from everything behind it, so that a request carrying one is served as
 * if it had no {@code Content-Type}: the REST gateway then decodes with its default marshaler,
 * which is what grpc-gateway does with a type it has not registered ({@code MarshalerForRequest}),
 * and every other handler ({@code /healthcheck}, {@code /storage/v1}, the actuator) ignores it.
 * Spring MVC would otherwise fail such a request with 500 while reading its headers ({@code
 * HttpHeaders.setContentType} refuses wildcards).
 *
 * <p>Runs first ({@link #ORDER}), before CORS and any other filter that reads the headers.
 */
public final class WildcardContentTypeFilter extends OncePerRequestFilter {

  /** The filter's order: before every other filter of the app. */
  public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

  private static final String CONTENT_TYPE = "Content-Type";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(
        isWildcard(request.getContentType()) ? new WithoutContentType(request) : request, response);
  }

  /** Whether a {@code Content-Type} value names no concrete type. */
  static boolean isWildcard(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return type.isWildcardType() || type.isWildcardSubtype();
    } catch (InvalidMediaTypeException e) {
      // Spring ignores an unparsable Content-Type, and so does the REST gateway.
      return false;
    }
  }

  /** The request as if it carried no {@code Content-Type} header. */
  private static final class WithoutContentType extends HttpServletRequestWrapper {

    WithoutContentType(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getContentType() {
      return null;
    }

    @Override
    public String getHeader(String name) {
      return CONTENT_TYPE.equalsIgnoreCase(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return CONTENT_TYPE.equalsIgnoreCase(name)
          ? Collections.emptyEnumeration()
          : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      List<String> names = Collections.list(super.getHeaderNames());
      names.removeIf(CONTENT_TYPE::equalsIgnoreCase);
      return Collections.enumeration(names);
    }
  }
}

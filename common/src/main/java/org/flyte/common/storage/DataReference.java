package org.flyte.common.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.flyte.common.error.FlyteException;

/**
 * A reference to a blob: {@code <scheme>://<container>/<key>}, for example {@code
 * s3://my-bucket/metadata/p/d/execution%20name/inputs}.
 *
 * <p>Follows {@code flytestdlib/storage/storage.go} ({@code DataReference.Split}) and {@code
 * flytestdlib/storage/url_path.go} ({@code ConstructReference}), v1.16.8.
 *
 * <p>The string form is URL text: the path is percent-encoded, and {@link #key()} is that path
 * decoded and stripped of leading and trailing slashes (so the object key of {@code
 * s3://b/execution%20name} is {@code execution name}, as in Flyte). Parsing accepts an unescaped
 * path too ({@code s3://b/a b}) and stores its canonical escaped form.
 *
 * <p>Deliberate differences from Go, all of which turn silent surprises into errors:
 *
 * <ul>
 *   <li>The scheme-less form of Flyte's in-memory store ({@code /metadata/...}) is rejected: our
 *       in-memory store uses {@code mem://<container>/...} like every other backend.
 *   <li>A query ({@code ?}) or fragment ({@code #}) in a reference is rejected; Go would drop it
 *       from the key silently. In keys given to {@link #resolve}, {@code ?} and {@code #} are
 *       encoded ({@code %3F}, {@code %23}) and so become part of the key.
 *   <li>A colon in the first joined key segment is rejected; Go either fails or, when the text
 *       before the colon looks like a URL scheme, returns that text instead of a reference under
 *       the base.
 * </ul>
 */
public final class DataReference {

  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
  private static final Pattern CONTAINER = Pattern.compile("[A-Za-z0-9._-]+");

  private final String scheme;
  private final String container;
  private final String escapedPath;
  private final String key;

  private DataReference(String scheme, String container, String escapedPath) {
    this.scheme = scheme;
    this.container = container;
    this.escapedPath = escapedPath;
    this.key = trimSlashes(UrlPaths.unescape(escapedPath));
  }

  /**
   * Parses {@code <scheme>://<container>[/<path>]}.
   *
   * @throws FlyteException INVALID_ARGUMENT when the text is not of that shape
   */
  public static DataReference parse(String reference) {
    if (reference == null || reference.isBlank()) {
      throw FlyteException.invalidArgument("data reference must not be empty");
    }
    int schemeEnd = reference.indexOf("://");
    if (schemeEnd <= 0 || !SCHEME.matcher(reference.substring(0, schemeEnd)).matches()) {
      throw FlyteException.invalidArgument(
          "data reference [%s] must look like <scheme>://<container>/<key>", reference);
    }
    String rest = reference.substring(schemeEnd + 3);
    int slash = rest.indexOf('/');
    String container = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash);
    checkContainer(reference, container);
    if (path.indexOf('?') >= 0 || path.indexOf('#') >= 0) {
      throw FlyteException.invalidArgument(
          "data reference [%s] must not contain a query or fragment ('?', '#')", reference);
    }
    return new DataReference(
        reference.substring(0, schemeEnd), container, UrlPaths.canonical(path));
  }

  /** The reference to {@code key} (decoded; may be empty) in {@code container}. */
  public static DataReference of(String scheme, String container, String key) {
    if (!SCHEME.matcher(scheme).matches()) {
      throw FlyteException.invalidArgument("invalid data reference scheme [%s]", scheme);
    }
    checkContainer(scheme + "://" + container, container);
    String trimmed = trimSlashes(key);
    return new DataReference(
        scheme, container, trimmed.isEmpty() ? "" : "/" + UrlPaths.escape(trimmed));
  }

  /** The scheme, e.g. {@code s3}, {@code gs}, {@code file}, {@code abfs}, {@code mem}. */
  public String scheme() {
    return scheme;
  }

  /** The container (bucket) name. */
  public String container() {
    return container;
  }

  /** The object key: the decoded path without leading or trailing slashes; may be empty. */
  public String key() {
    return key;
  }

  /**
   * Builds a reference below this one, as Flyte's {@code ConstructReference} does: each key is
   * trimmed of slashes, the keys are joined with {@code /} and resolved as a relative URL against
   * this reference with a trailing slash. Keys are URL path text: characters that URLs do not allow
   * are percent-encoded ({@code execution name} becomes {@code execution%20name}), {@code %XX}
   * escapes already present are kept, and {@code .} and {@code ..} segments are resolved. An empty
   * first key makes the remaining keys absolute (they replace this reference's path), as in Flyte.
   *
   * @throws FlyteException INVALID_ARGUMENT on a malformed {@code %} escape or a colon in the first
   *     joined segment
   */
  public DataReference resolve(String... keys) {
    List<String> trimmed = new ArrayList<>(keys.length);
    for (String k : keys) {
      trimmed.add(trimSlashes(k));
    }
    String relative = String.join("/", trimmed).replace("?", "%3F").replace("#", "%23");
    int firstSlash = relative.indexOf('/');
    String firstSegment = firstSlash < 0 ? relative : relative.substring(0, firstSlash);
    if (firstSegment.indexOf(':') >= 0) {
      throw FlyteException.invalidArgument(
          "cannot build a reference under [%s] from keys %s: the first path segment [%s] must not"
              + " contain a colon",
          this, List.of(keys), firstSegment);
    }
    String escapedRelative = UrlPaths.canonical(relative);
    String basePath = escapedPath.endsWith("/") ? escapedPath : escapedPath + "/";
    String merged;
    if (escapedRelative.isEmpty()) {
      merged = basePath;
    } else if (escapedRelative.startsWith("/")) {
      merged = escapedRelative;
    } else {
      merged = basePath + escapedRelative;
    }
    return new DataReference(scheme, container, UrlPaths.removeDotSegments(merged));
  }

  /**
   * The reference below this one with the given segments, each already one escaped path segment (no
   * {@code /}, never {@code .} or {@code ..}); for {@link StorageKeys#under}.
   */
  DataReference withSegments(String... escapedSegments) {
    String basePath = escapedPath.endsWith("/") ? escapedPath : escapedPath + "/";
    return new DataReference(scheme, container, basePath + String.join("/", escapedSegments));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DataReference that && toString().equals(that.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  /** The URL form, e.g. {@code s3://bucket/a/b}; a container reference has no trailing slash. */
  @Override
  public String toString() {
    return scheme + "://" + container + escapedPath;
  }

  private static void checkContainer(String reference, String container) {
    if (!CONTAINER.matcher(container).matches()) {
      throw FlyteException.invalidArgument(
          "data reference [%s] has an invalid container [%s]: expected letters, digits, '.', '-'"
              + " or '_'",
          reference, container);
    }
  }

  private static String trimSlashes(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '/') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == '/') {
      end--;
    }
    return s.substring(start, end);
  }
}

package org.flyte.admin.service.validation;

import flyteidl.core.IdentifierOuterClass.Identifier;
import java.nio.charset.StandardCharsets;
import org.flyte.common.error.FlyteException;

/**
 * The check of every identifier a write RPC stores (tasks, workflows, launch plans, upload
 * locations; executions use it too): each part is a name a storage key and a database index can
 * hold. Beyond Flyte, whose validators accept any non-empty text, a part is refused with
 * INVALID_ARGUMENT when it
 *
 * <ul>
 *   <li>contains {@code /} (a name such as {@code evil/../wfs.basics.sub} would otherwise address
 *       another entity's stored closure, and Flyte's own layout cannot hold it),
 *   <li>is {@code .} or {@code ..},
 *   <li>contains a control character (a NUL byte cannot be stored by PostgreSQL at all),
 *   <li>is longer than {@value #MAX_BYTES} UTF-8 bytes (Flyte has no limit for these parts; a file
 *       system stores at most 255 bytes per name, and PostgreSQL's index entries are bounded too).
 * </ul>
 *
 * <p>Every character flytekit and flytectl produce stays valid: letters, digits, {@code . _ -}, the
 * {@code =} of base64 versions, and any other printable text. Storage keys are built by {@link
 * org.flyte.common.storage.StorageKeys}, which keeps even a hostile name inside its place.
 */
public final class IdentifierValidator {

  /** The longest part in UTF-8 bytes (as Go's {@code len} counts). */
  public static final int MAX_BYTES = 255;

  private IdentifierValidator() {}

  /** Project, domain, name, version and (when set) org of an identifier of a stored entity. */
  public static void validate(Identifier id) {
    validatePart("project", id.getProject());
    validatePart("domain", id.getDomain());
    validatePart("name", id.getName());
    validatePart("version", id.getVersion());
    if (!id.getOrg().isEmpty()) {
      validatePart("org", id.getOrg());
    }
  }

  /**
   * One part of an identifier (also an execution or file name).
   *
   * @param field the part's name in messages ({@code name}, {@code version}, ...)
   * @throws FlyteException INVALID_ARGUMENT naming the part and the problem
   */
  public static void validatePart(String field, String value) {
    if (value.equals(".") || value.equals("..")) {
      throw FlyteException.invalidArgument("%s [%s] must not be '.' or '..'", field, value);
    }
    if (value.indexOf('/') >= 0) {
      throw FlyteException.invalidArgument("%s [%s] must not contain '/'", field, shown(value));
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw FlyteException.invalidArgument(
            "%s [%s] must not contain control characters", field, shown(value));
      }
    }
    if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw FlyteException.invalidArgument(
          "%s [%s] cannot exceed %d characters", field, shown(value), MAX_BYTES);
    }
  }

  /** The value as a message shows it: control characters escaped, at most 100 characters. */
  static String shown(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.length() <= 100 ? out.toString() : out.substring(0, 100) + "...";
  }
}

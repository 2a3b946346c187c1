package org.flyte.common.auth;

/**
 * A credential was refused. The {@link Reason} says which check failed and the message names the
 * values involved (the audiences wanted, the key id, the expiry), so that a caller and an operator
 * see the cause without reading server logs. Mapped to {@code UNAUTHENTICATED} (HTTP 401).
 */
public final class AuthenticationFailure extends RuntimeException {

  /** Which check refused the credential. */
  public enum Reason {
    /** No credential at all. */
    NO_TOKEN("no token"),
    /** The credential is not a JWT, or its scheme is unknown. */
    MALFORMED("malformed token"),
    /** {@code exp} is in the past. */
    EXPIRED("token expired"),
    /** {@code nbf} or {@code iat} is in the future. */
    NOT_YET_VALID("token not yet valid"),
    /** None of the token's {@code aud} values is accepted. */
    WRONG_AUDIENCE("wrong audience"),
    /** The {@code iss} claim is not the configured issuer. */
    WRONG_ISSUER("wrong issuer"),
    /** The token names a signing key that the issuer does not publish. */
    UNKNOWN_KEY("unknown signing key"),
    /** The signature does not verify with the issuer's keys. */
    BAD_SIGNATURE("bad signature"),
    /** The token is valid but lacks the scope {@code all}. */
    MISSING_SCOPE("missing scope"),
    /** The issuer's keys could not be fetched. */
    KEYS_UNAVAILABLE("signing keys unavailable");

    private final String label;

    Reason(String label) {
      this.label = label;
    }

    /** A short human label, e.g. {@code token expired}. */
    public String label() {
      return label;
    }
  }

  private final Reason reason;

  public AuthenticationFailure(Reason reason, String detail) {
    super(reason.label() + ": " + detail);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}

package org.flyte.common.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.flyte.common.auth.AuthenticationFailure.Reason;
import org.jspecify.annotations.Nullable;

/**
 * Verifies a signed JWT against an issuer's JSON Web Key Set and checks its time claims, naming the
 * check that failed ({@link AuthenticationFailure}). Audience and issuer are checked separately
 * ({@link #requireAudience}, {@link #requireIssuer}) because the accepted values depend on the
 * call.
 *
 * <p>The signing key is chosen by the header's {@code kid}, or by FlyteAdmin's own header {@code
 * key_id} (its built-in server writes that one, {@code flyteadmin/auth/authzserver/provider.go},
 * v1.16.8); a token without either is tried against every key. With {@code firstKeyFallback} (the
 * built-in server's keys), an unknown key id is tried against every key as well, as Flyte falls
 * back to its first key.
 */
public final class JwtVerifier {

  /** FlyteAdmin's header for the key id of its self-issued tokens. */
  public static final String FLYTE_KEY_ID_HEADER = "key_id";

  private static final Set<JWSAlgorithm> ALGORITHMS =
      Stream.concat(JWSAlgorithm.Family.RSA.stream(), JWSAlgorithm.Family.EC.stream())
          .collect(Collectors.toUnmodifiableSet());

  private final JWKSource<SecurityContext> keys;
  private final boolean firstKeyFallback;
  private final Clock clock;
  private final Duration leeway;
  private final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();

  public JwtVerifier(
      JWKSource<SecurityContext> keys, boolean firstKeyFallback, Clock clock, Duration leeway) {
    this.keys = keys;
    this.firstKeyFallback = firstKeyFallback;
    this.clock = clock;
    this.leeway = leeway;
  }

  /**
   * The claims of a token whose signature and time claims are valid.
   *
   * @throws AuthenticationFailure naming the failed check
   */
  public JWTClaimsSet verify(String token) {
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new AuthenticationFailure(
          Reason.MALFORMED, "not a signed JWT (" + e.getMessage() + ")");
    }
    JWSHeader header = jwt.getHeader();
    if (!ALGORITHMS.contains(header.getAlgorithm())) {
      throw new AuthenticationFailure(
          Reason.MALFORMED, "unsupported signing algorithm " + header.getAlgorithm());
    }
    String keyId = keyId(header);
    List<JWK> candidates = select(header.getAlgorithm(), keyId);
    boolean unknownKey = keyId != null && candidates.isEmpty();
    if (unknownKey && firstKeyFallback) {
      candidates = select(header.getAlgorithm(), null);
    }
    if (unknownKey && candidates.isEmpty()) {
      throw new AuthenticationFailure(
          Reason.UNKNOWN_KEY,
          "the token was signed with key id " + keyId + ", which the issuer does not publish");
    }
    if (!verifiesWithAny(jwt, candidates)) {
      if (unknownKey) {
        throw new AuthenticationFailure(
            Reason.UNKNOWN_KEY,
            "the token was signed with key id "
                + keyId
                + ", which the issuer does not publish, and matches none of its keys");
      }
      throw new AuthenticationFailure(
          Reason.BAD_SIGNATURE,
          "the signature matches none of the issuer's "
              + candidates.size()
              + " key(s)"
              + (keyId == null ? "" : " for key id " + keyId));
    }
    checkTimes(claims);
    return claims;
  }

  private static @Nullable String keyId(JWSHeader header) {
    if (header.getKeyID() != null && !header.getKeyID().isEmpty()) {
      return header.getKeyID();
    }
    return header.getCustomParam(FLYTE_KEY_ID_HEADER) instanceof String id && !id.isEmpty()
        ? id
        : null;
  }

  private List<JWK> select(JWSAlgorithm algorithm, @Nullable String keyId) {
    KeyType type = JWSAlgorithm.Family.EC.contains(algorithm) ? KeyType.EC : KeyType.RSA;
    JWKMatcher.Builder matcher =
        new JWKMatcher.Builder().keyType(type).keyUses(KeyUse.SIGNATURE, null);
    if (keyId != null) {
      matcher.keyID(keyId);
    }
    try {
      return keys.get(new JWKSelector(matcher.build()), null);
    } catch (RateLimitReachedException e) {
      return List.of(); // the key set was just refreshed: the key id is not in it
    } catch (KeySourceException e) {
      throw new AuthenticationFailure(Reason.KEYS_UNAVAILABLE, String.valueOf(e.getMessage()));
    }
  }

  private boolean verifiesWithAny(SignedJWT jwt, List<JWK> candidates) {
    for (JWK candidate : candidates) {
      try {
        Key key = ((AsymmetricJWK) candidate).toPublicKey();
        JWSVerifier verifier = verifiers.createJWSVerifier(jwt.getHeader(), key);
        if (jwt.verify(verifier)) {
          return true;
        }
      } catch (JOSEException | ClassCastException e) {
        // a key of the wrong shape for this algorithm: try the next one
      }
    }
    return false;
  }

  private void checkTimes(JWTClaimsSet claims) {
    Instant now = clock.instant();
    Date expiry = claims.getExpirationTime();
    if (expiry != null && now.isAfter(expiry.toInstant().plus(leeway))) {
      throw new AuthenticationFailure(
          Reason.EXPIRED, "the token expired at " + expiry.toInstant() + " (now " + now + ")");
    }
    Date notBefore = claims.getNotBeforeTime();
    if (notBefore != null && now.plus(leeway).isBefore(notBefore.toInstant())) {
      throw new AuthenticationFailure(
          Reason.NOT_YET_VALID, "the token is valid from " + notBefore.toInstant());
    }
    Date issuedAt = claims.getIssueTime();
    if (issuedAt != null && now.plus(leeway).isBefore(issuedAt.toInstant())) {
      throw new AuthenticationFailure(
          Reason.NOT_YET_VALID, "the token was issued in the future, at " + issuedAt.toInstant());
    }
  }

  /**
   * The first of the token's audiences that is accepted.
   *
   * @throws AuthenticationFailure {@link Reason#WRONG_AUDIENCE} naming both lists
   */
  public static String requireAudience(JWTClaimsSet claims, Collection<String> accepted) {
    List<String> audiences = claims.getAudience();
    for (String audience : audiences) {
      if (accepted.contains(audience)) {
        return audience;
      }
    }
    throw new AuthenticationFailure(
        Reason.WRONG_AUDIENCE,
        "the token's audience "
            + audiences
            + " is none of the accepted audiences "
            + accepted
            + " (auth.authorizedUris, auth.appAuth.externalAuthServer.allowedAudience)");
  }

  /**
   * @throws AuthenticationFailure {@link Reason#WRONG_ISSUER} when {@code iss} is not {@code
   *     issuer} (a trailing slash aside)
   */
  public static void requireIssuer(JWTClaimsSet claims, String issuer) {
    String actual = claims.getIssuer();
    if (actual == null || !trimSlash(actual).equals(trimSlash(issuer))) {
      throw new AuthenticationFailure(
          Reason.WRONG_ISSUER, "the token's issuer " + actual + " is not " + issuer);
    }
  }

  private static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}

package org.flyte.admin.service.auth;

import org.jspecify.annotations.Nullable;

/**
 * The browser login's parts, both present when {@code auth.userAuth.openId.baseUrl} is set, both
 * {@code null} otherwise (apps still authenticate with tokens; {@code /login} says what to set).
 */
public record BrowserLogin(@Nullable OpenIdProvider provider, @Nullable LoginCookies cookies) {

  public static BrowserLogin off() {
    return new BrowserLogin(null, null);
  }
}

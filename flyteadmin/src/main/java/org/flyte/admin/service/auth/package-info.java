/**
 * FlyteAdmin's authentication (docs/authentication.md): the {@code auth} section's secrets ({@link
 * org.flyte.admin.service.auth.AuthSecrets}), public URLs and audiences ({@link
 * org.flyte.admin.service.auth.PublicUrls}), token checks on every call ({@link
 * org.flyte.admin.service.auth.TokenAuthenticator}), the OpenID provider of the browser login
 * ({@link org.flyte.admin.service.auth.OpenIdProvider}) with its cookies ({@link
 * org.flyte.admin.service.auth.LoginCookies}), and the metadata clients discover ({@link
 * org.flyte.admin.service.auth.OAuth2MetadataService}). The built-in authorization server is in
 * {@code server}.
 */
package org.flyte.admin.service.auth;

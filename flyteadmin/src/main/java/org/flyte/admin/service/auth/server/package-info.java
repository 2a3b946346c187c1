/**
 * FlyteAdmin's built-in OAuth2 authorization server ({@code auth.appAuth.authServerType: Self}) on
 * Spring Authorization Server: the static clients ({@link
 * org.flyte.admin.service.auth.server.RegisteredClients}), Flyte-shaped access tokens ({@link
 * org.flyte.admin.service.auth.server.FlyteAccessTokens}), stateless authorization codes and
 * refresh tokens ({@link org.flyte.admin.service.auth.server.StatelessGrants}) so that any replica
 * can redeem them, and the user of {@code /oauth2/authorize} taken from the console login ({@link
 * org.flyte.admin.service.auth.server.LoginUserFilter}).
 */
package org.flyte.admin.service.auth.server;

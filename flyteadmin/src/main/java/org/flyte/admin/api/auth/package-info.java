/**
 * FlyteAdmin's auth edge, served only with {@code server.security.useAuth}: the anonymous {@code
 * AuthMetadataService}, {@code IdentityService.UserInfo} ({@code /me}) and the browser login
 * endpoints ({@code /login}, {@code /callback}, {@code /logout}, {@code
 * /.well-known/openid-configuration}). See docs/authentication.md.
 */
package org.flyte.admin.api.auth;

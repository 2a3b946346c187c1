/**
 * Authentication shared by the apps: who the caller is ({@link
 * org.flyte.common.auth.CallerIdentity}), why a credential was refused ({@link
 * org.flyte.common.auth.AuthenticationFailure}, each reason named), and signed-JWT verification
 * against a JSON Web Key Set ({@link org.flyte.common.auth.JwtVerifier}). The gRPC side is {@code
 * org.flyte.common.grpc.AuthenticationInterceptor}; the client side (our own apps calling
 * FlyteAdmin with client credentials) is {@code org.flyte.common.auth.client}.
 */
package org.flyte.common.auth;

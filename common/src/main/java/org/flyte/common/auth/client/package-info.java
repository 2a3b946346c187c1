/**
 * Our own apps as clients of FlyteAdmin: {@link org.flyte.common.auth.client.AdminAuthProperties}
 * (Flyte's {@code admin} client keys) and {@link org.flyte.common.auth.client.AdminAuthentication},
 * which makes any channel to FlyteAdmin send a client-credentials token once FlyteAdmin turns out
 * to require one.
 */
package org.flyte.common.auth.client;

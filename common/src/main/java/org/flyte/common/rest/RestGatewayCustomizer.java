package org.flyte.common.rest;

/**
 * Lets an app adjust its REST gateway before it is built: routes of services it does not serve
 * (FlyteAdmin routes the auth services even with auth off, so they answer 501, as Flyte's gateway
 * does), a metadata annotator, a response hook.
 */
@FunctionalInterface
public interface RestGatewayCustomizer {

  void customize(RestGateway.Builder builder);
}

package org.flyte.common.rest;

import java.util.Map;

/** A route chosen for a request, with the decoded values of its path variables by field path. */
record RouteMatch(Route route, Map<String, String> variables) {}

package org.flyte.common.rest;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The routes of the gateway, built once from gRPC service descriptors: one route per {@code
 * google.api.http} binding (the rule itself and each {@code additional_bindings}) of every unary
 * method, the way {@code protoc-gen-grpc-gateway} generates {@code Register*HandlerClient}.
 *
 * <p>Routing follows grpc-gateway v2's {@code ServeMux.ServeHTTP} ({@code runtime/mux.go}): a route
 * of the request's HTTP method whose template matches wins; if none does but a route of another
 * method matches the path, the answer is 405; otherwise 404. Where grpc-gateway lets the last
 * registered pattern win, this table lets the most specific one win (more literal segments; then,
 * segment by segment from the left, a literal before a variable before {@code **}), which is
 * deterministic whatever the registration order.
 */
public final class RouteTable {

  private static final Comparator<Route> PRECEDENCE =
      Comparator.comparing(Route::template, PathTemplate.MOST_SPECIFIC_FIRST)
          .thenComparing(Route::fullMethodName);

  private final List<Route> routes;
  private final Map<String, List<Route>> byHttpMethod;

  private RouteTable(List<Route> routes) {
    this.routes = List.copyOf(routes);
    Map<String, List<Route>> grouped = new LinkedHashMap<>();
    for (Route route : routes) {
      grouped.computeIfAbsent(route.httpMethod(), m -> new ArrayList<>()).add(route);
    }
    grouped.replaceAll((method, list) -> list.stream().sorted(PRECEDENCE).toList());
    this.byHttpMethod = Map.copyOf(grouped);
  }

  /**
   * Builds the table from gRPC service descriptors ({@code ServerServiceDefinition
   * #getServiceDescriptor()} or a generated {@code *Grpc.getServiceDescriptor()}).
   *
   * @throws IllegalArgumentException when a rule cannot be served: an unparsable template, a
   *     variable or body naming no field, a non-message body field, a {@code response_body}, or two
   *     methods claiming the same HTTP method and template
   */
  public static RouteTable of(Collection<ServiceDescriptor> services) {
    List<Route> routes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ServiceDescriptor service : services) {
      for (MethodDescriptor<?, ?> method : service.getMethods()) {
        for (Route route : routesOf(method)) {
          if (!seen.add(route.httpMethod() + " " + route.pathTemplate())) {
            throw new IllegalArgumentException("two methods are bound to " + route);
          }
          routes.add(route);
        }
      }
    }
    return new RouteTable(routes);
  }

  /** Every route, in service and method declaration order. */
  public List<Route> routes() {
    return routes;
  }

  @SuppressWarnings("unchecked")
  private static List<Route> routesOf(MethodDescriptor<?, ?> method) {
    if (method.getType() != MethodDescriptor.MethodType.UNARY
        || !(method.getSchemaDescriptor() instanceof ProtoMethodDescriptorSupplier supplier)) {
      return List.of();
    }
    Descriptors.MethodDescriptor protoMethod = supplier.getMethodDescriptor();
    if (!protoMethod.getOptions().hasExtension(AnnotationsProto.http)) {
      return List.of();
    }
    if (!(method.getRequestMarshaller() instanceof MethodDescriptor.PrototypeMarshaller<?> pm)
        || !(pm.getMessagePrototype() instanceof Message prototype)) {
      throw new IllegalArgumentException(
          method.getFullMethodName() + " has no protobuf prototype marshaller");
    }
    MethodDescriptor<Message, Message> typed = (MethodDescriptor<Message, Message>) method;
    HttpRule rule = protoMethod.getOptions().getExtension(AnnotationsProto.http);
    List<HttpRule> bindings = new ArrayList<>();
    bindings.add(rule);
    bindings.addAll(rule.getAdditionalBindingsList());
    List<Route> routes = new ArrayList<>();
    for (HttpRule binding : bindings) {
      Route route = routeOf(binding, typed, prototype);
      if (route != null) {
        routes.add(route);
      }
    }
    return routes;
  }

  private static @Nullable Route routeOf(
      HttpRule binding, MethodDescriptor<Message, Message> method, Message prototype) {
    String httpMethod;
    String path;
    switch (binding.getPatternCase()) {
      case GET -> {
        httpMethod = "GET";
        path = binding.getGet();
      }
      case PUT -> {
        httpMethod = "PUT";
        path = binding.getPut();
      }
      case POST -> {
        httpMethod = "POST";
        path = binding.getPost();
      }
      case DELETE -> {
        httpMethod = "DELETE";
        path = binding.getDelete();
      }
      case PATCH -> {
        httpMethod = "PATCH";
        path = binding.getPatch();
      }
      case CUSTOM -> {
        httpMethod = binding.getCustom().getKind();
        path = binding.getCustom().getPath();
      }
      default -> {
        return null;
      }
    }
    String where = method.getFullMethodName() + " (" + httpMethod + " " + path + ")";
    if (!binding.getResponseBody().isEmpty()) {
      throw new IllegalArgumentException(where + ": response_body is not supported");
    }
    PathTemplate template;
    try {
      template = PathTemplate.parse(path);
      for (String variable : template.variableNames()) {
        FieldPathBinder.resolveStrict(prototype.getDescriptorForType(), variable);
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
    String body = binding.getBody();
    if (!body.isEmpty() && !body.equals("*")) {
      Descriptors.FieldDescriptor field = prototype.getDescriptorForType().findFieldByName(body);
      if (field == null
          || field.isRepeated()
          || field.getJavaType() != Descriptors.FieldDescriptor.JavaType.MESSAGE) {
        throw new IllegalArgumentException(
            where + ": body '" + body + "' must name a singular message field of the request");
      }
    }
    return new Route(httpMethod, template, body, method, prototype);
  }

  /**
   * The route for a request.
   *
   * @param pathSegments the decoded segments of the request path
   * @throws RestException 405 when only other HTTP methods have a matching route, 404 when none
   */
  RouteMatch find(String httpMethod, List<String> pathSegments) {
    RouteMatch match = findFor(httpMethod, pathSegments);
    if (match != null) {
      return match;
    }
    for (Map.Entry<String, List<Route>> entry : byHttpMethod.entrySet()) {
      if (!entry.getKey().equals(httpMethod) && findFor(entry.getKey(), pathSegments) != null) {
        throw RestException.methodNotAllowed();
      }
    }
    throw RestException.notFound();
  }

  /** The most specific route of one HTTP method matching the path, or {@code null}. */
  @Nullable RouteMatch findFor(String httpMethod, List<String> pathSegments) {
    for (Route route : byHttpMethod.getOrDefault(httpMethod, List.of())) {
      Map<String, String> variables = route.template().match(pathSegments);
      if (variables != null) {
        return new RouteMatch(route, variables);
      }
    }
    return null;
  }
}

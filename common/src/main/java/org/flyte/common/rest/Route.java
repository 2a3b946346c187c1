package org.flyte.common.rest;

import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * One HTTP binding of a unary gRPC method: an HTTP method and path template from a {@code
 * google.api.http} rule (or one of its {@code additional_bindings}), and where the request body
 * goes.
 */
public final class Route {

  private final String httpMethod;
  private final PathTemplate template;
  private final String body;
  private final MethodDescriptor<Message, Message> grpcMethod;
  private final Message requestPrototype;
  private final List<String> queryExclusions;

  Route(
      String httpMethod,
      PathTemplate template,
      String body,
      MethodDescriptor<Message, Message> grpcMethod,
      Message requestPrototype) {
    this.httpMethod = httpMethod;
    this.template = template;
    this.body = body;
    this.grpcMethod = grpcMethod;
    this.requestPrototype = requestPrototype;
    List<String> exclusions = new ArrayList<>(template.variableNames());
    if (!body.isEmpty() && !body.equals("*")) {
      exclusions.add(body);
    }
    this.queryExclusions = List.copyOf(exclusions);
  }

  /** {@code GET}, {@code POST}, …, or a custom rule's kind. */
  public String httpMethod() {
    return httpMethod;
  }

  /** The path template as written in the proto, e.g. {@code /api/v1/tasks/{id.project}}. */
  public String pathTemplate() {
    return template.toString();
  }

  public PathTemplate template() {
    return template;
  }

  /** The full gRPC method name, e.g. {@code flyteidl.service.AdminService/GetTask}. */
  public String fullMethodName() {
    return grpcMethod.getFullMethodName();
  }

  /**
   * The rule's {@code body}: {@code "*"} (whole request from the body), a top-level field name, or
   * empty (no body; every non-path field comes from the query string).
   */
  public String body() {
    return body;
  }

  public MethodDescriptor<Message, Message> grpcMethod() {
    return grpcMethod;
  }

  /** The default instance of the request message. */
  public Message requestPrototype() {
    return requestPrototype;
  }

  /** Paths that query parameters may not set: path variables and the body field. */
  List<String> queryExclusions() {
    return queryExclusions;
  }

  @Override
  public String toString() {
    return httpMethod + " " + template + " -> " + fullMethodName();
  }
}

package org.flyte.common.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodOptions;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.AuthMetadataServiceGrpc;
import flyteidl.service.DataProxyServiceGrpc;
import flyteidl.service.IdentityServiceGrpc;
import flyteidl.service.SignalServiceGrpc;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RouteTableTest {

  private static final RouteTable FLYTE =
      RouteTable.of(
          List.of(
              AdminServiceGrpc.getServiceDescriptor(),
              DataProxyServiceGrpc.getServiceDescriptor(),
              SignalServiceGrpc.getServiceDescriptor(),
              AuthMetadataServiceGrpc.getServiceDescriptor(),
              IdentityServiceGrpc.getServiceDescriptor()));

  private static String route(String method, String rawPath) {
    return FLYTE.find(method, UrlComponents.pathSegments(rawPath)).route().fullMethodName();
  }

  @Test
  void flyteRoutesResolveToTheirMethods() {
    assertThat(route("GET", "/api/v1/tasks/p/d/n/v"))
        .isEqualTo("flyteidl.service.AdminService/GetTask");
    assertThat(route("GET", "/api/v1/tasks/p/d/n"))
        .isEqualTo("flyteidl.service.AdminService/ListTasks");
    assertThat(route("GET", "/api/v1/tasks/p/d"))
        .isEqualTo("flyteidl.service.AdminService/ListTasks");
    assertThat(route("POST", "/api/v1/executions/relaunch"))
        .isEqualTo("flyteidl.service.AdminService/RelaunchExecution");
    assertThat(route("DELETE", "/api/v1/executions/p/d/n"))
        .isEqualTo("flyteidl.service.AdminService/TerminateExecution");
    assertThat(route("GET", "/api/v1/node_executions/p/d/n/node/dynamic_workflow"))
        .isEqualTo("flyteidl.service.AdminService/GetDynamicNodeWorkflow");
    assertThat(route("GET", "/api/v1/data")).isEqualTo("flyteidl.service.DataProxyService/GetData");
    assertThat(route("GET", "/me")).isEqualTo("flyteidl.service.IdentityService/UserInfo");
    assertThat(route("GET", "/.well-known/oauth-authorization-server"))
        .isEqualTo("flyteidl.service.AuthMetadataService/GetOAuth2Metadata");
  }

  @Test
  void routesAreInspectable() {
    assertThat(FLYTE.routes()).hasSize(69);
    Route listTasks =
        FLYTE.routes().stream()
            .filter(r -> r.pathTemplate().equals("/api/v1/tasks/{id.project}/{id.domain}"))
            .findFirst()
            .orElseThrow();
    assertThat(listTasks.httpMethod()).isEqualTo("GET");
    assertThat(listTasks.fullMethodName()).isEqualTo("flyteidl.service.AdminService/ListTasks");
    assertThat(listTasks.body()).isEmpty();
    assertThat(listTasks.toString())
        .isEqualTo(
            "GET /api/v1/tasks/{id.project}/{id.domain} -> flyteidl.service.AdminService/ListTasks");
    assertThat(FLYTE.routes())
        .noneMatch(
            r -> r.fullMethodName().equals("flyteidl.service.SignalService/GetOrCreateSignal"));
  }

  @Test
  void unknownPathIsNotFoundAndOtherMethodIsMethodNotAllowed() {
    assertThatThrownBy(() -> route("GET", "/api/v1/tasks"))
        .isInstanceOfSatisfying(
            RestException.class, e -> assertThat(e.httpStatus()).isEqualTo(405));
    assertThatThrownBy(() -> route("GET", "/api/v2/tasks"))
        .isInstanceOfSatisfying(
            RestException.class, e -> assertThat(e.httpStatus()).isEqualTo(404));
  }

  // ---- synthetic services: templates the Flyte protos do not use ----

  private static final Descriptors.Descriptor SAMPLE = SampleTypes.SAMPLE;

  /** A one-file service over {@code test.Sample} whose methods carry the given rules. */
  private static List<ServerServiceDefinition> serviceWith(
      Map<String, HttpRule> rules, AtomicReference<Message> received) {
    ServiceDescriptorProto.Builder service = ServiceDescriptorProto.newBuilder().setName("Things");
    rules.forEach(
        (name, rule) ->
            service.addMethod(
                MethodDescriptorProto.newBuilder()
                    .setName(name)
                    .setInputType(".test.Sample")
                    .setOutputType(".test.Sample")
                    .setOptions(
                        MethodOptions.newBuilder().setExtension(AnnotationsProto.http, rule))));
    Descriptors.FileDescriptor file;
    try {
      file =
          Descriptors.FileDescriptor.buildFrom(
              FileDescriptorProto.newBuilder()
                  .setName("test/things.proto")
                  .setPackage("test")
                  .setSyntax("proto3")
                  .addDependency(SampleTypes.FILE.getName())
                  .addService(service)
                  .build(),
              new Descriptors.FileDescriptor[] {SampleTypes.FILE});
    } catch (Descriptors.DescriptorValidationException e) {
      throw new IllegalStateException(e);
    }
    Descriptors.ServiceDescriptor protoService = file.findServiceByName("Things");
    DynamicMessage prototype = DynamicMessage.getDefaultInstance(SAMPLE);
    List<MethodDescriptor<DynamicMessage, DynamicMessage>> methods = new ArrayList<>();
    ServiceDescriptor.Builder grpcService = ServiceDescriptor.newBuilder("test.Things");
    for (Descriptors.MethodDescriptor protoMethod : protoService.getMethods()) {
      MethodDescriptor<DynamicMessage, DynamicMessage> method =
          MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
              .setType(MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(
                  MethodDescriptor.generateFullMethodName("test.Things", protoMethod.getName()))
              .setRequestMarshaller(ProtoUtils.marshaller(prototype))
              .setResponseMarshaller(ProtoUtils.marshaller(prototype))
              .setSchemaDescriptor(
                  new ProtoMethodDescriptorSupplier() {
                    @Override
                    public Descriptors.MethodDescriptor getMethodDescriptor() {
                      return protoMethod;
                    }

                    @Override
                    public Descriptors.ServiceDescriptor getServiceDescriptor() {
                      return protoService;
                    }

                    @Override
                    public Descriptors.FileDescriptor getFileDescriptor() {
                      return file;
                    }
                  })
              .build();
      methods.add(method);
      grpcService.addMethod(method);
    }
    ServerServiceDefinition.Builder definition =
        ServerServiceDefinition.builder(grpcService.build());
    for (MethodDescriptor<DynamicMessage, DynamicMessage> method : methods) {
      definition.addMethod(
          method,
          ServerCalls.asyncUnaryCall(
              (request, observer) -> {
                received.set(request);
                observer.onNext(request);
                observer.onCompleted();
              }));
    }
    return List.of(definition.build());
  }

  private static Object field(Message message, String dottedPath) {
    Object value = message;
    for (String name : dottedPath.split("\\.")) {
      Message current = (Message) value;
      value = current.getField(current.getDescriptorForType().findFieldByName(name));
    }
    return value;
  }

  @Test
  void doubleWildcardVerbAndBodyFieldEndToEnd() {
    Map<String, HttpRule> rules = new LinkedHashMap<>();
    rules.put(
        "Peek",
        HttpRule.newBuilder().setGet("/v1/{text}/things/{nested.leaf_name=**}:peek").build());
    rules.put("Put", HttpRule.newBuilder().setPut("/v1/samples/{i32}").setBody("nested").build());
    rules.put(
        "Head",
        HttpRule.newBuilder()
            .setCustom(
                com.google.api.CustomHttpPattern.newBuilder().setKind("HEAD").setPath("/v1/h"))
            .build());
    AtomicReference<Message> received = new AtomicReference<>();
    try (GatewayHarness harness = new GatewayHarness(serviceWith(rules, received))) {
      MockHttpServletResponse peek =
          harness.send("GET", "/v1/t%20x/things/a/b/c:peek?i64=5&nested.color=BLUE");
      assertThat(peek.getStatus()).isEqualTo(200);
      assertThat(field(received.get(), "text")).isEqualTo("t x");
      assertThat(field(received.get(), "nested.leaf_name")).isEqualTo("a/b/c");
      assertThat(field(received.get(), "nested.color").toString()).isEqualTo("BLUE");
      assertThat(field(received.get(), "i64")).isEqualTo(5L);

      MockHttpServletRequest put =
          GatewayHarness.request("PUT", "/v1/samples/7?text=q&nested.color=GREEN");
      put.setContentType("application/json");
      put.setContent("{\"leafName\": \"from-body\"}".getBytes(StandardCharsets.UTF_8));
      assertThat(harness.send(put).getStatus()).isEqualTo(200);
      assertThat(field(received.get(), "i32")).isEqualTo(7);
      assertThat(field(received.get(), "text")).isEqualTo("q");
      assertThat(field(received.get(), "nested.leaf_name")).isEqualTo("from-body");
      assertThat(field(received.get(), "nested.color").toString()).isEqualTo("RED");

      assertThat(harness.send("HEAD", "/v1/h").getStatus()).isEqualTo(200);
      assertThat(harness.send("GET", "/v1/h").getStatus()).isEqualTo(405);
    }
  }

  @Test
  void rulesThatCannotBeServedFailAtStartUp() {
    Map<String, HttpRule> bad = new LinkedHashMap<>();
    bad.put("A", HttpRule.newBuilder().setGet("/v1/{missing}").build());
    assertThatThrownBy(() -> new GatewayHarness(serviceWith(bad, new AtomicReference<>())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("test.Things/A")
        .hasMessageContaining("missing");

    bad.clear();
    bad.put("A", HttpRule.newBuilder().setPost("/v1/a").setBody("text").build());
    assertThatThrownBy(() -> new GatewayHarness(serviceWith(bad, new AtomicReference<>())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("body 'text'");

    bad.clear();
    bad.put("A", HttpRule.newBuilder().setGet("/v1/a").setResponseBody("nested").build());
    assertThatThrownBy(() -> new GatewayHarness(serviceWith(bad, new AtomicReference<>())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("response_body");

    bad.clear();
    bad.put("A", HttpRule.newBuilder().setGet("/v1/a/{text}").build());
    bad.put("B", HttpRule.newBuilder().setGet("/v1/a/{text}").build());
    assertThatThrownBy(() -> new GatewayHarness(serviceWith(bad, new AtomicReference<>())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two methods");

    bad.clear();
    bad.put("A", HttpRule.newBuilder().setGet("/v1/{text.x}").build());
    assertThatThrownBy(() -> new GatewayHarness(serviceWith(bad, new AtomicReference<>())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mostSpecificRouteWinsWhateverTheDeclarationOrder() {
    for (boolean literalFirst : List.of(true, false)) {
      Map<String, HttpRule> rules = new LinkedHashMap<>();
      HttpRule literal = HttpRule.newBuilder().setGet("/v1/things/special").build();
      HttpRule variable = HttpRule.newBuilder().setGet("/v1/things/{text}").build();
      rules.put(literalFirst ? "Special" : "Any", literalFirst ? literal : variable);
      rules.put(literalFirst ? "Any" : "Special", literalFirst ? variable : literal);
      RouteTable table =
          RouteTable.of(
              serviceWith(rules, new AtomicReference<>()).stream()
                  .map(ServerServiceDefinition::getServiceDescriptor)
                  .toList());
      assertThat(
              table
                  .find("GET", UrlComponents.pathSegments("/v1/things/special"))
                  .route()
                  .fullMethodName())
          .isEqualTo("test.Things/Special");
      assertThat(
              table
                  .find("GET", UrlComponents.pathSegments("/v1/things/other"))
                  .route()
                  .fullMethodName())
          .isEqualTo("test.Things/Any");
    }
  }
}

package org.flyte.admin.api;

import com.google.protobuf.Timestamp;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanCreateRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Interface.Parameter;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows the launch plan tests stand on, written directly: a fresh ACTIVE project and registered
 * workflows (their registration RPCs are built elsewhere), plus message builders.
 */
final class LaunchPlanFixtures {

  static final String DOMAIN = "development";

  private final JdbcClient jdbc;

  LaunchPlanFixtures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A new ACTIVE project with a random id. */
  String project() {
    String id = "lp-" + UUID.randomUUID().toString().substring(0, 12);
    jdbc.sql(
            "INSERT INTO projects (identifier, name, description, state, created_at, updated_at)"
                + " VALUES (:id, :id, 'launch plan tests', 0, now(), now())")
        .param("id", id)
        .update();
    return id;
  }

  /** A workflows row as CreateWorkflow writes it (interface only; no closure needed here). */
  Identifier workflow(String project, String name, TypedInterface typedInterface) {
    jdbc.sql(
            "INSERT INTO workflows (created_at, updated_at, project, domain, name, version,"
                + " typed_interface, remote_closure_identifier, digest) VALUES (now(), now(),"
                + " :project, :domain, :name, 'v1', :iface, :closure, :digest)")
        .param("project", project)
        .param("domain", DOMAIN)
        .param("name", name)
        .param("iface", typedInterface.toByteArray())
        .param("closure", "mem://flyte/metadata/admin/" + project + "/" + name + "/v1")
        .param("digest", new byte[] {1})
        .update();
    return Identifier.newBuilder()
        .setResourceType(ResourceType.WORKFLOW)
        .setProject(project)
        .setDomain(DOMAIN)
        .setName(name)
        .setVersion("v1")
        .build();
  }

  /** inputs {@code a: INTEGER}, {@code b: STRING}, {@code kickoff: DATETIME}; output {@code o}. */
  static TypedInterface standardInterface() {
    return TypedInterface.newBuilder()
        .setInputs(
            VariableMap.newBuilder()
                .putVariables("a", variable(SimpleType.INTEGER, "an integer"))
                .putVariables("b", variable(SimpleType.STRING, "a string"))
                .putVariables("kickoff", variable(SimpleType.DATETIME, "the scheduled time")))
        .setOutputs(VariableMap.newBuilder().putVariables("o", variable(SimpleType.INTEGER, "")))
        .build();
  }

  static Variable variable(SimpleType type, String description) {
    return Variable.newBuilder().setType(simple(type)).setDescription(description).build();
  }

  static LiteralType simple(SimpleType type) {
    return LiteralType.newBuilder().setSimple(type).build();
  }

  static Literal integer(long value) {
    return Literal.newBuilder()
        .setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setInteger(value)))
        .build();
  }

  static Literal string(String value) {
    return Literal.newBuilder()
        .setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setStringValue(value)))
        .build();
  }

  static Literal datetime(long seconds) {
    return Literal.newBuilder()
        .setScalar(
            Scalar.newBuilder()
                .setPrimitive(
                    Primitive.newBuilder().setDatetime(Timestamp.newBuilder().setSeconds(seconds))))
        .build();
  }

  static Parameter defaultParameter(SimpleType type, Literal value) {
    return Parameter.newBuilder().setVar(variable(type, "")).setDefault(value).build();
  }

  static Identifier launchPlanId(String project, String name, String version) {
    return Identifier.newBuilder()
        .setResourceType(ResourceType.LAUNCH_PLAN)
        .setProject(project)
        .setDomain(DOMAIN)
        .setName(name)
        .setVersion(version)
        .build();
  }

  /** A launch plan of {@code workflow} binding {@code a} by default and {@code b} as fixed. */
  static LaunchPlanCreateRequest.Builder request(Identifier id, Identifier workflow) {
    return LaunchPlanCreateRequest.newBuilder()
        .setId(id)
        .setSpec(
            LaunchPlanSpec.newBuilder()
                .setWorkflowId(workflow)
                .setDefaultInputs(
                    flyteidl.core.Interface.ParameterMap.newBuilder()
                        .putParameters("a", defaultParameter(SimpleType.INTEGER, integer(5))))
                .setFixedInputs(
                    flyteidl.core.Literals.LiteralMap.newBuilder().putLiterals("b", string("x"))));
  }
}

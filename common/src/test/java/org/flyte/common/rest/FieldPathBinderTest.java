package org.flyte.common.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.Timestamps;
import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.admin.Common.NamedEntityListRequest;
import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.Common.Sort;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionListRequest;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldPathBinderTest {

  private static <B extends Message.Builder> B bind(
      B builder, String rawQuery, String... excluded) {
    FieldPathBinder.bindQuery(builder, UrlComponents.parseQuery(rawQuery), List.of(excluded));
    return builder;
  }

  private static DynamicMessage sample(String rawQuery) {
    return bind(SampleTypes.sample(), rawQuery).build();
  }

  private static Object field(Message message, String name) {
    FieldDescriptor field = message.getDescriptorForType().findFieldByName(name);
    return message.getField(field);
  }

  private static RestException refusal(String rawQuery) {
    try {
      sample(rawQuery);
    } catch (RestException e) {
      return e;
    }
    throw new AssertionError("expected a refusal for " + rawQuery);
  }

  @Test
  void bindsNestedFieldsByProtoOrJsonNames() {
    ResourceListRequest request =
        bind(
                ResourceListRequest.newBuilder(),
                "limit=5&sort_by.direction=ASCENDING&sortBy.key=created_at&token=t&id.org=o")
            .build();

    assertThat(request)
        .isEqualTo(
            ResourceListRequest.newBuilder()
                .setLimit(5)
                .setToken("t")
                .setId(NamedEntityIdentifier.newBuilder().setOrg("o"))
                .setSortBy(
                    Sort.newBuilder().setKey("created_at").setDirection(Sort.Direction.ASCENDING))
                .build());
  }

  @Test
  void plusIsASpaceAndPercent2BIsAPlus() {
    ResourceListRequest request =
        bind(ResourceListRequest.newBuilder(), "filters=eq(name,x)%2Bne(version,y)").build();
    assertThat(request.getFilters()).isEqualTo("eq(name,x)+ne(version,y)");

    request = bind(ResourceListRequest.newBuilder(), "filters=a+b").build();
    assertThat(request.getFilters()).isEqualTo("a b");
  }

  @Test
  void consoleStyleCamelCaseParameters() {
    NodeExecutionListRequest request =
        bind(NodeExecutionListRequest.newBuilder(), "uniqueParentId=n0-0-dn1&limit=100").build();
    assertThat(request.getUniqueParentId()).isEqualTo("n0-0-dn1");
    assertThat(request.getLimit()).isEqualTo(100);
  }

  @Test
  void enumsByNameOrNumber() {
    assertThat(
            bind(NamedEntityListRequest.newBuilder(), "resource_type=WORKFLOW")
                .build()
                .getResourceType())
        .isEqualTo(ResourceType.WORKFLOW);
    assertThat(
            bind(NamedEntityListRequest.newBuilder(), "resourceType=3").build().getResourceType())
        .isEqualTo(ResourceType.LAUNCH_PLAN);
    assertThat(
            bind(ResourceListRequest.newBuilder(), "sort_by.direction=0")
                .build()
                .getSortBy()
                .getDirection())
        .isEqualTo(Sort.Direction.DESCENDING);
  }

  @Test
  void badEnumValuesAreRefusedNamingTheParameter() {
    assertThatThrownBy(() -> bind(ResourceListRequest.newBuilder(), "sort_by.direction=SIDEWAYS"))
        .isInstanceOf(RestException.class)
        .hasMessageContaining("sort_by.direction")
        .hasMessageContaining("SIDEWAYS");
    assertThatThrownBy(() -> bind(ResourceListRequest.newBuilder(), "sort_by.direction=42"))
        .isInstanceOf(RestException.class)
        .hasMessageContaining("sort_by.direction");
  }

  @Test
  void unknownParametersAreIgnored() {
    ResourceListRequest request =
        bind(ResourceListRequest.newBuilder(), "limit=1&nope=2&id.nope=3&sort_by.nope=4&_=5")
            .build();
    assertThat(request).isEqualTo(ResourceListRequest.newBuilder().setLimit(1).build());
  }

  @Test
  void parametersNamingPathBoundFieldsAreIgnored() {
    ResourceListRequest request =
        bind(
                ResourceListRequest.newBuilder(),
                "id.project=evil&id.name=n&id.domain.x=1",
                "id.project",
                "id.domain")
            .build();
    assertThat(request.getId()).isEqualTo(NamedEntityIdentifier.newBuilder().setName("n").build());
  }

  @Test
  void scalarsFollowGoSyntax() {
    DynamicMessage message =
        sample(
            "flag=T&i32=-7&i64=9007199254740993&u32=4294967295&u64=18446744073709551615"
                + "&f32=1.5&f64=-2e3&text=hi&data=aGk%3D");

    assertThat(field(message, "flag")).isEqualTo(true);
    assertThat(field(message, "i32")).isEqualTo(-7);
    assertThat(field(message, "i64")).isEqualTo(9007199254740993L);
    assertThat(field(message, "u32")).isEqualTo(-1);
    assertThat(field(message, "u64")).isEqualTo(-1L);
    assertThat(field(message, "f32")).isEqualTo(1.5f);
    assertThat(field(message, "f64")).isEqualTo(-2000.0);
    assertThat(field(message, "text")).isEqualTo("hi");
    assertThat(field(message, "data")).isEqualTo(ByteString.copyFromUtf8("hi"));
    assertThat(field(sample("flag=0"), "flag")).isEqualTo(false);
    assertThat(field(sample("data=-_8"), "data"))
        .isEqualTo(ByteString.copyFrom(new byte[] {-5, -1}));
  }

  @Test
  void badScalarsAreRefusedWith400NamingTheParameter() {
    for (String query :
        List.of(
            "i32=abc",
            "i32=2147483648",
            "i32=1.5",
            "u32=-1",
            "u32=4294967296",
            "i64=1e3",
            "flag=yes",
            "f64=1.5d",
            "f32=1e39",
            "data=%%%",
            "at=yesterday",
            "wait=5",
            "wait=5x",
            "big=huge",
            "maybe=perhaps",
            "colors=PURPLE")) {
      RestException refusal;
      try {
        refusal = refusal(query);
      } catch (IllegalArgumentException malformedQuery) {
        continue; // "%%%" is refused by the query parser itself
      }
      String parameter = query.substring(0, query.indexOf('='));
      assertThat(refusal.httpStatus()).as(query).isEqualTo(400);
      assertThat(refusal.code()).as(query).isEqualTo(io.grpc.Status.Code.INVALID_ARGUMENT);
      assertThat(refusal.getMessage()).as(query).contains("\"" + parameter + "\"");
    }
  }

  @Test
  void repeatedFieldsTakeRepeatedParameters() {
    DynamicMessage message = sample("tags=a&tags=b,c&nums=1&nums=2&colors=GREEN&colors=2");

    assertThat(field(message, "tags")).isEqualTo(List.of("a", "b,c"));
    assertThat(field(message, "nums")).isEqualTo(List.of(1, 2));
    assertThat(message.getField(SampleTypes.SAMPLE.findFieldByName("colors")))
        .asList()
        .extracting(v -> ((com.google.protobuf.Descriptors.EnumValueDescriptor) v).getName())
        .containsExactly("GREEN", "BLUE");
  }

  @Test
  void singularFieldsRefuseTwoValues() {
    assertThat(refusal("i32=1&i32=2").getMessage()).contains("\"i32\"").contains("too many");
  }

  @Test
  void mapsTakeBracketedKeys() {
    DynamicMessage message = sample("labels[team]=ml&labels[env]=prod");
    Map<String, String> labels =
        ((List<?>) field(message, "labels"))
            .stream()
                .map(Message.class::cast)
                .collect(
                    java.util.stream.Collectors.toMap(
                        e -> (String) field(e, "key"), e -> (String) field(e, "value")));
    assertThat(labels).containsOnly(Map.entry("team", "ml"), Map.entry("env", "prod"));
  }

  @Test
  void wellKnownTypesFromStrings() throws Exception {
    DynamicMessage message =
        sample(
            "at=2024-03-01T10:20:30.5Z&wait=1.5s&big=-12&maybe=true&label=x"
                + "&mask=a.b,c&meta=%7B%22k%22%3A1%7D");

    assertThat(field(message, "at")).isEqualTo(Timestamps.parse("2024-03-01T10:20:30.500Z"));
    assertThat(field(message, "wait")).isEqualTo(Durations.parse("1.5s"));
    assertThat(field(message, "big")).isEqualTo(com.google.protobuf.Int64Value.of(-12));
    assertThat(field(message, "maybe")).isEqualTo(com.google.protobuf.BoolValue.of(true));
    assertThat(field(message, "label")).isEqualTo(com.google.protobuf.StringValue.of("x"));
    assertThat(((com.google.protobuf.FieldMask) field(message, "mask")).getPathsList())
        .containsExactly("a.b", "c");
    assertThat(((com.google.protobuf.Struct) field(message, "meta")).getFieldsMap())
        .containsKey("k");
    assertThat(field(sample("at=2024-03-01T12:00:00%2B02:00"), "at"))
        .isEqualTo(Timestamps.parse("2024-03-01T10:00:00Z"));
  }

  @Test
  void durationsUseGoSyntax() {
    assertThat(FieldValueParser.parseDuration("1h2m3.5s"))
        .isEqualTo(Durations.fromMillis(3_723_500));
    assertThat(FieldValueParser.parseDuration("-300ms")).isEqualTo(Durations.fromMillis(-300));
    assertThat(FieldValueParser.parseDuration("1us")).isEqualTo(Durations.fromNanos(1_000));
    assertThat(FieldValueParser.parseDuration("0")).isEqualTo(Durations.ZERO);
    for (String bad : List.of("", "s", "1", "1.2.3s", "1d", "-", "99999999999h")) {
      assertThatThrownBy(() -> FieldValueParser.parseDuration(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void unsupportedMessageTypesAreRefused() {
    assertThat(refusal("list=%5B1%5D").getMessage()).contains("unsupported message type");
    assertThat(refusal("nested=x").getMessage()).contains("unsupported message type");
  }

  @Test
  void traversingANonMessageIsRefused() {
    assertThat(refusal("text.length=3").getMessage()).contains("invalid path");
    assertThat(refusal("items.leaf_name=3").getMessage()).contains("invalid path");
  }

  @Test
  void nestedMessagesAreCreatedOnTheWay() {
    DynamicMessage message = sample("nested.inner.leafName=deep&nested.color=BLUE");
    Message nested = (Message) field(message, "nested");
    assertThat(field((Message) field(nested, "inner"), "leaf_name")).isEqualTo("deep");
    assertThat(field(nested, "color").toString()).isEqualTo("BLUE");
  }

  @Test
  void oneofMembersCannotBeSetTwice() {
    assertThat(refusal("left=a&right.leaf_name=b").getMessage()).contains("oneof");
    DynamicMessage message = sample("right.leaf_name=b&right.color=GREEN");
    assertThat(field((Message) field(message, "right"), "leaf_name")).isEqualTo("b");
  }

  @Test
  void pathVariablesReportTypeMismatches() {
    NamedEntityListRequest.Builder builder = NamedEntityListRequest.newBuilder();
    FieldPathBinder.bindPathVariable(builder, "resource_type", "2");
    FieldPathBinder.bindPathVariable(builder, "project", "p");
    assertThat(builder.getResourceType()).isEqualTo(ResourceType.WORKFLOW);
    assertThat(builder.getProject()).isEqualTo("p");

    assertThatThrownBy(() -> FieldPathBinder.bindPathVariable(builder, "resource_type", "TASKS"))
        .isInstanceOf(RestException.class)
        .hasMessageStartingWith("type mismatch, parameter: resource_type, error:");
  }

  @Test
  void queryStringSyntaxErrorsFollowGo() {
    assertThatThrownBy(() -> UrlComponents.parseQuery("a=1;b=2"))
        .hasMessage("invalid semicolon separator in query");
    assertThatThrownBy(() -> UrlComponents.parseQuery("a=%G1&b=2"))
        .hasMessage("invalid URL escape \"%G1\"");
    assertThat(UrlComponents.parseQuery("a&b=&&c=1&a=2"))
        .containsExactly(
            Map.entry("a", List.of("", "2")),
            Map.entry("b", List.of("")),
            Map.entry("c", List.of("1")));
  }
}

package org.flyte.common.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarshalerRegistryTest {

  private static final MarshalerRegistry REGISTRY =
      MarshalerRegistry.flyteAdmin(JsonFormat.TypeRegistry.getEmptyTypeRegistry());
  private static final RestMarshaler BINARY = REGISTRY.forMimeType("application/octet-stream");
  private static final RestMarshaler SNAKE = REGISTRY.forMimeType("application/json");
  private static final RestMarshaler CAMEL = REGISTRY.forMimeType("*");

  private static MarshalerRegistry.Selection select(List<String> accept, List<String> contentType) {
    return REGISTRY.select(accept, contentType);
  }

  @Test
  void registersFlyteAdminsThreeEncodings() {
    assertThat(BINARY).isInstanceOf(ProtoMarshaler.class);
    assertThat(SNAKE).isInstanceOf(JsonMarshaler.class).isNotSameAs(CAMEL);
    assertThat(CAMEL).isInstanceOf(JsonMarshaler.class);
    assertThat(REGISTRY.forMimeType("text/plain")).isSameAs(CAMEL);
  }

  @Test
  void noHeadersMeansTheWildcard() {
    assertThat(select(List.of(), List.of()))
        .isEqualTo(new MarshalerRegistry.Selection(CAMEL, CAMEL));
  }

  @Test
  void acceptMustMatchExactly() {
    assertThat(select(List.of("application/octet-stream"), List.of()).outbound()).isSameAs(BINARY);
    assertThat(select(List.of("application/json"), List.of()).outbound()).isSameAs(SNAKE);
    assertThat(select(List.of("application/json, text/plain"), List.of()).outbound())
        .isSameAs(CAMEL);
    assertThat(select(List.of("*/*"), List.of()).outbound()).isSameAs(CAMEL);
    assertThat(select(List.of("Application/JSON"), List.of()).outbound()).isSameAs(CAMEL);
    assertThat(select(List.of("text/html", "application/octet-stream"), List.of()).outbound())
        .isSameAs(BINARY);
  }

  @Test
  void contentTypeMatchesByMediaTypeAndIsTheOutboundFallback() {
    MarshalerRegistry.Selection selection =
        select(List.of("*/*"), List.of("Application/JSON; charset=UTF-8"));
    assertThat(selection.inbound()).isSameAs(SNAKE);
    assertThat(selection.outbound()).isSameAs(SNAKE);

    selection = select(List.of("application/json"), List.of("application/octet-stream"));
    assertThat(selection.inbound()).isSameAs(BINARY);
    assertThat(selection.outbound()).isSameAs(SNAKE);

    selection = select(List.of(), List.of("text/plain"));
    assertThat(selection.inbound()).isSameAs(CAMEL);
    assertThat(selection.outbound()).isSameAs(CAMEL);
  }

  @Test
  void contentTypesAreWrittenWithAnswers() {
    assertThat(BINARY.contentType()).isEqualTo("application/octet-stream");
    assertThat(SNAKE.contentType()).isEqualTo("application/json");
    assertThat(CAMEL.contentType()).isEqualTo("application/json");
  }
}

package org.flyte.common.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import flyteidl.admin.ProjectOuterClass.InactiveProject;
import flyteidl.admin.ProjectOuterClass.Project;
import io.grpc.Metadata;
import io.grpc.Status;
import java.util.List;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.junit.jupiter.api.Test;

class StatusMapperTest {

  @Test
  void flyteExceptionKeepsItsCodeMessageAndTypedDetails() throws Exception {
    InactiveProject detail = InactiveProject.newBuilder().setId("p1").build();
    FlyteException error =
        new FlyteException(ErrorCode.INVALID_ARGUMENT, "project p1 is archived", List.of(detail));

    StatusMapper.MappedStatus mapped = StatusMapper.fromThrowable(error);

    assertThat(mapped.status().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(mapped.status().getDescription()).isEqualTo("project p1 is archived");
    com.google.rpc.Status proto = StatusMapper.statusProto(mapped.status(), mapped.trailers());
    assertThat(proto.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT.value());
    assertThat(proto.getDetailsList()).hasSize(1);
    Any any = proto.getDetails(0);
    assertThat(any.unpack(InactiveProject.class)).isEqualTo(detail);
  }

  @Test
  void flyteExceptionWrappedInAnotherExceptionIsStillFound() {
    RuntimeException wrapped =
        new RuntimeException("outer", FlyteException.notFound("missing %s", "task"));

    StatusMapper.MappedStatus mapped = StatusMapper.fromThrowable(wrapped);

    assertThat(mapped.status().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(mapped.status().getDescription()).isEqualTo("missing task");
  }

  @Test
  void unexpectedExceptionsBecomeInternalWithTheirMessage() {
    StatusMapper.MappedStatus mapped =
        StatusMapper.fromThrowable(new IllegalStateException("database went away"));

    assertThat(mapped.status().getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(mapped.status().getDescription()).isEqualTo("database went away");
  }

  @Test
  void exceptionsWithoutMessageAreNamedByTheirClass() {
    StatusMapper.MappedStatus mapped = StatusMapper.fromThrowable(new NullPointerException());

    assertThat(mapped.status().getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(mapped.status().getDescription()).isEqualTo("java.lang.NullPointerException");
  }

  @Test
  void grpcStatusesPassThrough() {
    Metadata trailers = new Metadata();
    trailers.put(Metadata.Key.of("x-test", Metadata.ASCII_STRING_MARSHALLER), "kept");

    StatusMapper.MappedStatus mapped =
        StatusMapper.fromThrowable(
            Status.ABORTED.withDescription("race").asRuntimeException(trailers));

    assertThat(mapped.status().getCode()).isEqualTo(Status.Code.ABORTED);
    assertThat(mapped.trailers().get(Metadata.Key.of("x-test", Metadata.ASCII_STRING_MARSHALLER)))
        .isEqualTo("kept");
  }

  @Test
  void closingWithAFlyteExceptionAsCauseMapsIt() {
    Status closedWith = Status.UNKNOWN.withCause(FlyteException.alreadyExists("exists"));

    StatusMapper.MappedStatus mapped = StatusMapper.fromClose(closedWith, new Metadata());

    assertThat(mapped.status().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
  }

  @Test
  void closingWithAPlainStatusKeepsIt() {
    StatusMapper.MappedStatus mapped =
        StatusMapper.fromClose(Status.UNIMPLEMENTED.withDescription("not yet"), new Metadata());

    assertThat(mapped.status().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
    assertThat(mapped.status().getDescription()).isEqualTo("not yet");
  }

  @Test
  void oversizedMessagesAreCutTo32000BytesAndLoseTheirDetails() {
    String huge = "é".repeat(20_000); // 40,000 bytes in UTF-8
    FlyteException error =
        new FlyteException(
            ErrorCode.INVALID_ARGUMENT, huge, List.of(Project.newBuilder().setId("p").build()));

    StatusMapper.MappedStatus mapped = StatusMapper.fromThrowable(error);

    String message = mapped.status().getDescription();
    assertThat(message.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(StatusMapper.MAX_MESSAGE_BYTES)
        .isGreaterThan(StatusMapper.MAX_MESSAGE_BYTES - 2);
    assertThat(huge).startsWith(message);
    assertThat(StatusMapper.statusProto(mapped.status(), mapped.trailers()).getDetailsList())
        .isEmpty();
  }

  @Test
  void messagesAtTheLimitAreKeptWhole() {
    String exact = "x".repeat(StatusMapper.MAX_MESSAGE_BYTES);

    StatusMapper.MappedStatus mapped = StatusMapper.fromThrowable(FlyteException.internal(exact));

    assertThat(mapped.status().getDescription()).isEqualTo(exact);
  }
}

package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.admin.ProjectOuterClass.Project;
import flyteidl.admin.ProjectOuterClass.ProjectRegisterRequest;
import flyteidl.admin.TaskOuterClass.TaskCreateRequest;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.DataProxyServiceGrpc;
import io.grpc.Status;
import java.util.Map;
import org.flyte.admin.AdminAppTest;
import org.flyte.testing.RawGrpc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Request bytes that do not parse, sent by a raw gRPC client to FlyteAdmin's network port: every
 * service answers INVALID_ARGUMENT with a short reason and logs one line, no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnparsableRequestTest extends AdminAppTest {

  private static final String REGISTER_PROJECT =
      AdminServiceGrpc.getRegisterProjectMethod().getFullMethodName();

  private static byte[] project(String id) {
    return ProjectRegisterRequest.newBuilder()
        .setProject(Project.newBuilder().setId(id).setName("n"))
        .build()
        .toByteArray();
  }

  @Test
  void everyKindOfUnparsableMessageIsInvalidArgument(CapturedOutput output) {
    Map<String, byte[]> requests =
        Map.of(
            "input ended unexpectedly",
            new byte[] {-1, -1, -1},
            "input ended unexpectedly ",
            RawGrpc.truncated(project("truncated")),
            "invalid UTF-8",
            RawGrpc.invalidUtf8(project("~~~~"), "~~~~"),
            "too many levels of nesting",
            TaskCreateRequest.newBuilder()
                .setSpec(
                    TaskSpec.newBuilder()
                        .setTemplate(TaskTemplate.newBuilder().setCustom(RawGrpc.deepStruct(40))))
                .build()
                .toByteArray());

    requests.forEach(
        (reason, body) -> {
          String method =
              reason.startsWith("too many")
                  ? AdminServiceGrpc.getCreateTaskMethod().getFullMethodName()
                  : REGISTER_PROJECT;
          Status status = RawGrpc.call(channel, method, body);
          assertThat(status.getCode()).as(reason).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(status.getDescription())
              .startsWith("error unmarshalling request: ")
              .contains(reason.trim());
        });

    assertThat(output.getAll())
        .contains("flyteidl.service.AdminService/RegisterProject refused an unparsable request")
        .doesNotContain("Application error processing RPC")
        .doesNotContain("InvalidProtocolBufferException");
  }

  @Test
  void otherServicesAreGuardedToo() {
    Status status =
        RawGrpc.call(
            channel,
            DataProxyServiceGrpc.getCreateUploadLocationMethod().getFullMethodName(),
            new byte[] {0x0A, 0x05, 'a'});

    assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
  }
}

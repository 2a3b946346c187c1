package org.flyte.compiler.k8s.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import flyteidl.core.Security.Identity;
import flyteidl.core.Security.Secret;
import flyteidl.core.Security.SecurityContext;
import flyteidl.core.Tasks.K8sObjectMetadata;
import flyteidl.core.Tasks.K8sPod;
import org.junit.jupiter.api.Test;

class GoStructJsonTest {

  @Test
  void writesProtobufNamesEnumsAsNumbersAndLeavesZeroValuesOut() {
    SecurityContext context =
        SecurityContext.newBuilder()
            .setRunAs(Identity.newBuilder().setK8SServiceAccount("sa").setIamRole("role"))
            .addSecrets(
                Secret.newBuilder()
                    .setGroup("g")
                    .setKey("k")
                    .setMountRequirement(Secret.MountType.ENV_VAR))
            .build();
    assertThat(GoStructJson.write(context))
        .isEqualTo(
            JsonParser.parseString(
                "{\"run_as\":{\"iam_role\":\"role\",\"k8s_service_account\":\"sa\"},"
                    + "\"secrets\":[{\"group\":\"g\",\"key\":\"k\",\"mount_requirement\":1}]}"));
    assertThat(GoStructJson.read(GoStructJson.write(context), SecurityContext.newBuilder()).build())
        .isEqualTo(context);
    assertThat(GoStructJson.write(SecurityContext.getDefaultInstance()).toString()).isEqualTo("{}");
  }

  @Test
  void oneofsAreKeyedByTheirGoNames() {
    K8sPod pod =
        K8sPod.newBuilder()
            .setMetadata(K8sObjectMetadata.newBuilder().putLabels("a", "b"))
            .setPodSpec(
                Struct.newBuilder()
                    .putFields("name", Value.newBuilder().setStringValue("x").build())
                    .putFields("n", Value.newBuilder().setNumberValue(2).build())
                    .putFields("none", Value.getDefaultInstance()))
            .build();
    assertThat(GoStructJson.write(pod))
        .isEqualTo(
            JsonParser.parseString(
                "{\"metadata\":{\"labels\":{\"a\":\"b\"}},\"pod_spec\":{\"fields\":{"
                    + "\"name\":{\"Kind\":{\"StringValue\":\"x\"}},"
                    + "\"n\":{\"Kind\":{\"NumberValue\":2}},"
                    + "\"none\":{\"Kind\":null}}}}"));
    assertThat(GoStructJson.read(GoStructJson.write(pod), K8sPod.newBuilder()).build())
        .isEqualTo(pod);
  }
}

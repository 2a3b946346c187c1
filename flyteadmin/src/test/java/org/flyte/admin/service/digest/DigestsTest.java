package org.flyte.admin.service.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import flyteidl.core.Tasks.TaskMetadata;
import java.util.Base64;
import org.flyte.common.hash.ObjectHash;
import org.junit.jupiter.api.Test;

/**
 * The digest is Flyte's: the expected values are those of {@code flytestdlib/pbhash}'s own tests
 * (v1.16.8), for the JSON that Go's jsonpb prints for their mock message.
 */
class DigestsTest {

  private static String base64(byte[] digest) {
    return Base64.getEncoder().encodeToString(digest);
  }

  @Test
  void matchesPbhashForAPartlyFilledMessage() {
    String json =
        "{\"integer\":\"18\",\"floatValue\":1.3,\"stringValue\":\"lets test this\",\"boolean\":true}";

    assertThat(base64(ObjectHash.ofJson(json)))
        .isEqualTo("GhPMTKvJfUPHK8U3vEmoi/wdVBx7IQSPqyjGXAZzquI=");
  }

  @Test
  void matchesPbhashForAFullMessageWhateverTheKeyOrder() {
    String json =
        "{\"integer\":\"18\",\"floatValue\":1.3,\"stringValue\":\"lets test this\",\"boolean\":true,"
            + "\"datetime\":\"2019-03-29T12:00:00Z\",\"duration\":\"0.001s\","
            + "\"mapValue\":{\"z\":\"last\",\"a\":\"first\"},\"collections\":[\"1\",\"2\",\"3\"]}";

    assertThat(base64(ObjectHash.ofJson(json)))
        .isEqualTo("YpWyLCP1NW0DVk3Hj64tK70H/9t+5fQlj7yyDK2lSEQ=");
  }

  @Test
  void protosArePrintedAsJsonpbPrintsThem() {
    TaskMetadata metadata =
        TaskMetadata.newBuilder()
            .setRetries(flyteidl.core.Literals.RetryStrategy.newBuilder().setRetries(3))
            .setTimeout(Duration.newBuilder().setNanos(1_000_000))
            .setDiscoverable(true)
            .build();

    assertThat(Digests.json(metadata))
        .isEqualTo("{\"discoverable\":true,\"timeout\":\"0.001s\",\"retries\":{\"retries\":3}}");
    assertThat(Digests.of(metadata)).isEqualTo(ObjectHash.ofJson(Digests.json(metadata)));
    assertThat(Digests.json(Timestamp.newBuilder().setSeconds(1553860800).build()))
        .isEqualTo("\"2019-03-29T12:00:00Z\"");
  }

  /**
   * Launch-plan digests as Flyte computes them ({@code GetLaunchPlanDigest} in {@code
   * flyteadmin/pkg/manager/impl/util/digests.go}, v1.16.8): the expected values were computed by
   * {@code pbhash.ComputeHash} (flytestdlib v1.16.8, flyteidl v1.16.8) of the same JSON parsed with
   * Go's jsonpb. The vectors cover schedules, notifications, literals of every primitive kind, a
   * struct, maps, set-but-empty messages and a deprecated field.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "launch-plan-lp1.json, 400ace787e8c5117ff5fa37a9f7abd156cdb2426e7bfd71de0cd84191aedd833",
    "launch-plan-lp2.json, a3cdfe244f5f883766a9b5b0956fe06aee2a62e43cdd5ff62b673f98aae123cc",
    "launch-plan-lp3.json, 826b503206b69fcf1927d54fbb6afc47bf97d9f0846afa675350ccae5eb34777"
  })
  void launchPlanDigestsEqualFlytes(String file, String expectedHex) throws Exception {
    String json;
    try (var in = DigestsTest.class.getResourceAsStream("/digests/" + file)) {
      json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    var launchPlan = flyteidl.admin.LaunchPlanOuterClass.LaunchPlan.newBuilder();
    com.google.protobuf.util.JsonFormat.parser().merge(json, launchPlan);

    assertThat(java.util.HexFormat.of().formatHex(Digests.of(launchPlan.build())))
        .isEqualTo(expectedHex);
  }
}

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
}

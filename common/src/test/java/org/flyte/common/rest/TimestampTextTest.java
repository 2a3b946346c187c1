package org.flyte.common.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampTextTest {

  @Test
  void spellsEveryTimestampAsProtobufDoes() {
    SplittableRandom random = new SplittableRandom(16);
    for (int i = 0; i < 200_000; i++) {
      long seconds = random.nextLong(TimestampText.MIN_SECONDS, TimestampText.MAX_SECONDS + 1);
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      assertSame(seconds, nanos);
    }
  }

  @Test
  void spellsTheEdgesAsProtobufDoes() {
    long[] seconds = {
      TimestampText.MIN_SECONDS,
      TimestampText.MIN_SECONDS + 1,
      -1,
      0,
      1,
      951_782_400, // 2000-02-29
      1_700_000_000,
      TimestampText.MAX_SECONDS - 1,
      TimestampText.MAX_SECONDS
    };
    int[] nanos = {0, 1, 999_999_999, 1_000, 1_000_000, 100_000_000, 10, 123_456_000};
    for (long s : seconds) {
      for (int n : nanos) {
        assertSame(s, n);
      }
    }
    assertThat(TimestampText.of(TimestampText.MIN_SECONDS, 0)).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(TimestampText.of(TimestampText.MAX_SECONDS, 999_999_999))
        .isEqualTo("9999-12-31T23:59:59.999999999Z");
    assertThat(TimestampText.of(1_700_000_000, 123_000_000)).isEqualTo("2023-11-14T22:13:20.123Z");
  }

  @Test
  void refusesWhatProtobufRefuses() {
    long[][] invalid = {
      {TimestampText.MIN_SECONDS - 1, 0},
      {TimestampText.MAX_SECONDS + 1, 0},
      {0, -1},
      {0, 1_000_000_000},
      {Long.MIN_VALUE, 0},
      {Long.MAX_VALUE, 0}
    };
    for (long[] t : invalid) {
      Timestamp timestamp = Timestamp.newBuilder().setSeconds(t[0]).setNanos((int) t[1]).build();
      assertThatThrownBy(() -> Timestamps.toString(timestamp))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> TimestampText.of(t[0], (int) t[1]))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static void assertSame(long seconds, int nanos) {
    Timestamp timestamp = Timestamp.newBuilder().setSeconds(seconds).setNanos(nanos).build();
    assertThat(TimestampText.of(seconds, nanos))
        .as("%d s %d ns", seconds, nanos)
        .isEqualTo(Timestamps.toString(timestamp));
  }
}

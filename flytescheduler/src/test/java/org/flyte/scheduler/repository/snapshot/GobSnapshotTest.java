package org.flyte.scheduler.repository.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Flyte's snapshot bytes. The vectors were produced by Go's {@code encoding/gob} with the types of
 * {@code flyteadmin/scheduler/snapshoter} (v1.16.8), and ours were decoded by it.
 */
class GobSnapshotTest {

  /** {"9962263012907644827": 2024-01-01T00:05:00Z} as the Go scheduler writes it. */
  static final String GO_ONE =
      "33ff870301011156657273696f6e6564536e617073686f7401ff88000102010756657273696f6e0104000103"
          + "536572010a000000ff8bff88010201ff83267f0301010a536e617073686f74563101ff80000101010"
          + "94c61737454696d657301ff8400000026ff83040101156d61705b737472696e675d2a74696d652e54"
          + "696d6501ff8400010c01ff8200000aff81050102ff8600000029ff8001011339393632323633303132"
          + "3930373634343832370f010000000edd23f8ac00000000ffff0000";

  /** Two entries, the second at a +01:00 offset with nanoseconds, as Go writes them. */
  static final String GO_TWO =
      "33ff870301011156657273696f6e6564536e617073686f7401ff88000102010756657273696f6e0104000103"
          + "536572010a000000ffb0ff88010201ffa8267f0301010a536e617073686f74563101ff8000010101"
          + "094c61737454696d657301ff8400000026ff83040101156d61705b737472696e675d2a74696d652e"
          + "54696d6501ff8400010c01ff8200000aff81050102ff860000004eff800102133939363232363330"
          + "31323930373634343832370f010000000edd23f8ac00000000ffff14313533383232343539343537"
          + "35343539333733370f010000000edd23f7bc075bcd15003c0000";

  /** What we write for the two entries of {@link #GO_TWO} (in key order); Go's gob decodes it. */
  static final String OURS_TWO =
      "33ff870301011156657273696f6e6564536e617073686f7401ff88000102010756657273696f6e01040001"
          + "03536572010a000000ffb0ff88010201ffa8267f0301010a536e617073686f74563101ff8000010101094c"
          + "61737454696d657301ff8400000026ff83040101156d61705b737472696e675d2a74696d652e54696d6501"
          + "ff8400010c01ff8200000aff81050102ff860000004eff8001021431353338323234353934353735343539"
          + "333733370f010000000edd23f7bc075bcd15ffff13393936323236333031323930373634343832370f0100"
          + "00000edd23f8ac00000000ffff0000";

  @Test
  void writesWhatTheGoSchedulerReads() {
    assertThat(
            HexFormat.of()
                .formatHex(
                    GobSnapshot.write(
                        Map.of(
                            "9962263012907644827",
                            Instant.parse("2024-01-01T00:05:00Z"),
                            "15382245945754593737",
                            Instant.parse("2024-01-01T00:01:00.123456789Z")))))
        .isEqualTo(OURS_TWO);
  }

  @Test
  void readsWhatTheGoSchedulerWrites() {
    assertThat(GobSnapshot.read(HexFormat.of().parseHex(GO_ONE)))
        .containsExactly(Map.entry("9962263012907644827", Instant.parse("2024-01-01T00:05:00Z")));
    assertThat(GobSnapshot.read(HexFormat.of().parseHex(GO_TWO)))
        .containsOnly(
            Map.entry("9962263012907644827", Instant.parse("2024-01-01T00:05:00Z")),
            Map.entry("15382245945754593737", Instant.parse("2024-01-01T00:01:00.123456789Z")));
  }

  @Test
  void writesTheBytesTheGoSchedulerWrites() {
    assertThat(
            HexFormat.of()
                .formatHex(
                    GobSnapshot.write(
                        Map.of("9962263012907644827", Instant.parse("2024-01-01T00:05:00Z")))))
        .isEqualTo(GO_ONE);
  }

  @Test
  void roundTripsManySchedules() {
    Map<String, Instant> times = new java.util.HashMap<>();
    for (int i = 0; i < 2000; i++) {
      times.put(
          Long.toUnsignedString(-1L - i * 7919L), Instant.ofEpochSecond(1_700_000_000L + i, i));
    }
    assertThat(GobSnapshot.read(GobSnapshot.write(times))).isEqualTo(times);
  }

  @Test
  void refusesOtherVersionsAndGarbage() {
    byte[] one = HexFormat.of().parseHex(GO_ONE);
    byte[] versionTwo = one.clone();
    // The Version field's value byte (zig-zag 1 = 0x02) follows "ff88 01".
    int at = GO_ONE.indexOf("ff88010201") / 2 + 3;
    versionTwo[at] = 0x04;
    assertThatThrownBy(() -> GobSnapshot.read(versionTwo)).hasMessage("unsupported version 2");
    assertThatThrownBy(() -> GobSnapshot.read(new byte[] {5, 1, 2}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

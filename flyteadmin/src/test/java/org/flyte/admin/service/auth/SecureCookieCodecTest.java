package org.flyte.admin.service.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SecureCookieCodecTest {

  private static final byte[] HASH = new byte[64];
  private static final byte[] BLOCK = new byte[32];

  static {
    for (int i = 0; i < 64; i++) {
      HASH[i] = (byte) i;
    }
    for (int i = 0; i < 32; i++) {
      BLOCK[i] = (byte) (100 + i);
    }
  }

  @Test
  void gobEncodesAGoStringAsGoDoes() {
    // gob.NewEncoder(w).Encode("abc"): length 6, type id 6 (string) as int 12, singleton 0, len 3
    assertThat(HexFormat.of().formatHex(SecureCookieCodec.gobString("abc")))
        .isEqualTo("060c0003616263");
    byte[] long300 = SecureCookieCodec.gobString("x".repeat(300));
    // as Go 1.26 encodes 300 bytes of text: two-byte lengths (0xfe prefix), 305 and 300
    assertThat(HexFormat.of().formatHex(long300, 0, 8)).isEqualTo("fe01310c00fe012c");
    assertThat(SecureCookieCodec.readGobString(long300)).isEqualTo("x".repeat(300));
  }

  @Test
  void roundTripsAndRefusesTamperingOtherNamesAndOldValues() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    SecureCookieCodec codec = new SecureCookieCodec(HASH, BLOCK, Clock.fixed(now, ZoneOffset.UTC));
    String value = codec.encode("flyte_idt", "header.payload.signature");
    assertThat(codec.decode("flyte_idt", value)).hasValue("header.payload.signature");
    assertThat(codec.decode("flyte_rt", value)).isEmpty();
    String tampered =
        value.substring(0, 10) + (value.charAt(10) == 'A' ? 'B' : 'A') + value.substring(11);
    assertThat(codec.decode("flyte_idt", tampered)).isEmpty();
    assertThat(
            new SecureCookieCodec(HASH, new byte[32], Clock.systemUTC()).decode("flyte_idt", value))
        .isEmpty();
    SecureCookieCodec later =
        new SecureCookieCodec(
            HASH, BLOCK, Clock.fixed(now.plus(Duration.ofDays(31)), ZoneOffset.UTC));
    assertThat(later.decode("flyte_idt", value)).isEmpty();
    assertThat(codec.decode("flyte_idt", "not base64 !")).isEmpty();
  }
}

package org.flyte.scheduler.repository.snapshot;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bytes of the native scheduler's snapshot ({@code flyteadmin/scheduler/snapshoter/
 * versioned_snapshot.go} and {@code snapshot_v1.go}, v1.16.8): a gob stream of {@code
 * VersionedSnapshot{Version int; Ser []byte}} with {@code Version = 1}, whose {@code Ser} is a gob
 * stream of {@code SnapshotV1{LastTimes map[string]*time.Time}}, keyed by schedule name, each time
 * in Go's binary time encoding.
 *
 * <p>Only this one shape is read and written. Writing emits the type descriptions a fresh Go
 * encoder emits, then the value, with the map in key order; reading skips whatever type
 * descriptions precede the value and then reads the value by position, so that streams from any Go
 * process decode.
 */
public final class GobSnapshot {

  /** {@code type VersionedSnapshot struct {Version int; Ser []byte}}, as Go describes it. */
  private static final byte[] OUTER_TYPES =
      HexFormat.of()
          .parseHex(
              "33ff870301011156657273696f6e6564536e617073686f7401ff880001020107566572"
                  + "73696f6e0104000103536572010a000000");

  /** {@code SnapshotV1}, {@code map[string]*time.Time} and {@code time.Time}, as Go describes. */
  private static final byte[] INNER_TYPES =
      HexFormat.of()
          .parseHex(
              "267f0301010a536e617073686f74563101ff8000010101094c61737454696d657301ff84"
                  + "00000026ff83040101156d61705b737472696e675d2a74696d652e54696d6501ff8400"
                  + "010c01ff8200000aff81050102ff86000000");

  private static final int OUTER_TYPE_ID = 68;
  private static final int INNER_TYPE_ID = 64;
  private static final int VERSION = 1;

  /** Seconds from 0001-01-01T00:00:00Z (Go's internal epoch) to the Unix epoch. */
  private static final long UNIX_TO_INTERNAL = 62_135_596_800L;

  private GobSnapshot() {}

  /** The snapshot's bytes for {@code lastTimes} (schedule name to last execution time). */
  public static byte[] write(Map<String, Instant> lastTimes) {
    Writer inner = new Writer();
    inner.uint(1); // field 0: LastTimes
    inner.uint(lastTimes.size());
    for (Map.Entry<String, Instant> entry : new TreeMap<>(lastTimes).entrySet()) {
      inner.bytes(entry.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      inner.bytes(time(entry.getValue()));
    }
    inner.uint(0);
    byte[] ser = stream(INNER_TYPES, INNER_TYPE_ID, inner.toByteArray());

    Writer outer = new Writer();
    outer.uint(1); // field 0: Version
    outer.integer(VERSION);
    outer.uint(1); // field 1: Ser
    outer.bytes(ser);
    outer.uint(0);
    return stream(OUTER_TYPES, OUTER_TYPE_ID, outer.toByteArray());
  }

  /**
   * The schedule names and last execution times in {@code snapshot}.
   *
   * @throws IllegalArgumentException when the bytes are not a version-1 snapshot
   */
  public static Map<String, Instant> read(byte[] snapshot) {
    Reader outer = new Reader(value(snapshot));
    long version = 0;
    byte[] ser = new byte[0];
    int field = -1;
    for (long delta = outer.uint(); delta != 0; delta = outer.uint()) {
      field += (int) delta;
      switch (field) {
        case 0 -> version = outer.integer();
        case 1 -> ser = outer.bytes();
        default -> throw new IllegalArgumentException("unexpected snapshot field " + field);
      }
    }
    if (version != VERSION) {
      throw new IllegalArgumentException("unsupported version " + version);
    }
    Map<String, Instant> lastTimes = new TreeMap<>();
    if (ser.length == 0) {
      return lastTimes;
    }
    Reader inner = new Reader(value(ser));
    field = -1;
    for (long delta = inner.uint(); delta != 0; delta = inner.uint()) {
      field += (int) delta;
      if (field != 0) {
        throw new IllegalArgumentException("unexpected snapshot field " + field);
      }
      for (long n = inner.uint(); n > 0; n--) {
        String name = new String(inner.bytes(), java.nio.charset.StandardCharsets.UTF_8);
        lastTimes.put(name, instant(inner.bytes()));
      }
    }
    return lastTimes;
  }

  /** Go's {@code time.Time.MarshalBinary} (version 1) of {@code t} in UTC. */
  private static byte[] time(Instant t) {
    return ByteBuffer.allocate(15)
        .put((byte) 1)
        .putLong(t.getEpochSecond() + UNIX_TO_INTERNAL)
        .putInt(t.getNano())
        .putShort((short) -1)
        .array();
  }

  private static Instant instant(byte[] encoded) {
    ByteBuffer in = ByteBuffer.wrap(encoded);
    byte version = in.get();
    if ((version != 1 && version != 2) || encoded.length < 15) {
      throw new IllegalArgumentException("unsupported time encoding version " + version);
    }
    return Instant.ofEpochSecond(in.getLong() - UNIX_TO_INTERNAL, in.getInt());
  }

  private static byte[] stream(byte[] types, int typeId, byte[] value) {
    Writer message = new Writer();
    message.integer(typeId);
    message.raw(value);
    byte[] body = message.toByteArray();
    Writer out = new Writer();
    out.raw(types);
    out.uint(body.length);
    out.raw(body);
    return out.toByteArray();
  }

  /** The payload of the first value message of a gob stream (type descriptions skipped). */
  private static byte[] value(byte[] stream) {
    Reader in = new Reader(stream);
    while (true) {
      int length = (int) in.uint();
      int start = in.position;
      long typeId = in.integer();
      if (typeId >= 0) {
        byte[] payload = new byte[length - (in.position - start)];
        System.arraycopy(stream, in.position, payload, 0, payload.length);
        return payload;
      }
      in.position = start + length;
    }
  }

  private static final class Writer extends ByteArrayOutputStream {
    void uint(long value) {
      if (value >= 0 && value < 128) {
        write((int) value);
        return;
      }
      int n = (64 - Long.numberOfLeadingZeros(value) + 7) / 8;
      write(256 - n);
      for (int i = n - 1; i >= 0; i--) {
        write((int) (value >>> (8 * i)) & 0xff);
      }
    }

    void integer(long value) {
      uint(value < 0 ? (~value << 1) | 1 : value << 1);
    }

    void bytes(byte[] value) {
      uint(value.length);
      raw(value);
    }

    void raw(byte[] value) {
      write(value, 0, value.length);
    }
  }

  private static final class Reader {
    private final byte[] data;
    private int position;

    Reader(byte[] data) {
      this.data = data;
    }

    long uint() {
      int first = next();
      if (first < 128) {
        return first;
      }
      int n = 256 - first;
      if (n > 8) {
        throw new IllegalArgumentException("corrupt gob: integer of " + n + " bytes");
      }
      long value = 0;
      for (int i = 0; i < n; i++) {
        value = (value << 8) | next();
      }
      return value;
    }

    long integer() {
      long u = uint();
      return (u & 1) != 0 ? ~(u >>> 1) : u >>> 1;
    }

    byte[] bytes() {
      long length = uint();
      if (length > data.length - position) {
        throw new IllegalArgumentException("corrupt gob: " + length + " bytes past the end");
      }
      byte[] value = new byte[(int) length];
      System.arraycopy(data, position, value, 0, value.length);
      position += value.length;
      return value;
    }

    private int next() {
      if (position >= data.length) {
        throw new IllegalArgumentException("corrupt gob: unexpected end of snapshot");
      }
      return data[position++] & 0xff;
    }
  }
}

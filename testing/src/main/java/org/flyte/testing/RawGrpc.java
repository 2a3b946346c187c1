package org.flyte.testing;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Unary gRPC calls with request bytes of the test's choosing (garbage, truncated, invalid UTF-8,
 * nested too deep), as a hostile or broken client sends them, and the status the server answers.
 */
public final class RawGrpc {

  private RawGrpc() {}

  /**
   * Sends {@code body} as the request of the unary method {@code fullMethodName} (e.g. {@code
   * flyteidl.service.AdminService/RegisterProject}).
   *
   * @return the status of the call: OK when the server answered a message
   */
  public static Status call(Channel channel, String fullMethodName, byte[] body) {
    MethodDescriptor<byte[], byte[]> method =
        MethodDescriptor.<byte[], byte[]>newBuilder(Bytes.INSTANCE, Bytes.INSTANCE)
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(fullMethodName)
            .build();
    try {
      ClientCalls.blockingUnaryCall(
          channel, method, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS), body);
      return Status.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus();
    }
  }

  /** {@code serialized} with the first byte of {@code marker} (ASCII) replaced by 0xFF. */
  public static byte[] invalidUtf8(byte[] serialized, String marker) {
    byte[] needle = marker.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i + needle.length <= serialized.length; i++) {
      if (Arrays.equals(serialized, i, i + needle.length, needle, 0, needle.length)) {
        byte[] copy = serialized.clone();
        copy[i] = (byte) 0xFF;
        return copy;
      }
    }
    throw new IllegalArgumentException("marker " + marker + " is not in the message");
  }

  /** {@code serialized} without its last byte. */
  public static byte[] truncated(byte[] serialized) {
    return Arrays.copyOf(serialized, serialized.length - 1);
  }

  /**
   * A {@code Struct} holding a struct {@code levels} deep: three message levels each (the struct,
   * its map entry, the value), so 34 levels exceed protobuf's parse limit of 100.
   */
  public static Struct deepStruct(int levels) {
    Struct struct = Struct.getDefaultInstance();
    for (int i = 0; i < levels; i++) {
      struct =
          Struct.newBuilder()
              .putFields("k", Value.newBuilder().setStructValue(struct).build())
              .build();
    }
    return struct;
  }

  private enum Bytes implements MethodDescriptor.Marshaller<byte[]> {
    INSTANCE;

    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

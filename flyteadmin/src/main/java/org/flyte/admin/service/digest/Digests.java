package org.flyte.admin.service.digest;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import org.flyte.common.error.FlyteException;
import org.flyte.common.hash.ObjectHash;

/**
 * The digests FlyteAdmin stores with tasks and workflows, computed as Flyte computes them ({@code
 * flytestdlib/pbhash/pbhash.go} and {@code flyteadmin/pkg/manager/impl/util/digests.go}, v1.16.8):
 * the proto printed as JSON (lowerCamelCase names, defaults omitted, 64-bit integers as strings,
 * enums by name), then Ben Laurie's objecthash of that JSON ({@link ObjectHash}). A database shared
 * with Go FlyteAdmin therefore compares equal.
 */
public final class Digests {

  private static final JsonFormat.Printer JSON =
      JsonFormat.printer().omittingInsignificantWhitespace();

  private Digests() {}

  /** The digest of {@code message}. */
  public static byte[] of(MessageOrBuilder message) {
    return ObjectHash.ofJson(json(message));
  }

  /** The JSON that is hashed (also the base of the differences of a conflicting registration). */
  public static String json(MessageOrBuilder message) {
    try {
      return JSON.print(message);
    } catch (InvalidProtocolBufferException e) {
      throw FlyteException.internal("failed to hash %s to digest with err %s", message, e);
    }
  }
}

package org.flyte.admin.repository;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.jspecify.annotations.Nullable;

/** Column conversions the event tables' repositories share (nullable text, times, protos). */
public final class JdbcValues {

  private JdbcValues() {}

  /** A text column, empty for NULL. */
  public static String text(ResultSet rs, String column) throws SQLException {
    String value = rs.getString(column);
    return value == null ? "" : value;
  }

  /** A timestamptz column, or null. */
  public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  /** A bigint column, or null. */
  public static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  /** The JDBC value of an instant. */
  public static @Nullable Timestamp timestamp(@Nullable Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  /** A serialized proto column; the default instance for NULL. */
  public static <T extends Message> T proto(
      ResultSet rs, String column, Parser<T> parser, T defaultInstance) throws SQLException {
    byte[] bytes = rs.getBytes(column);
    if (bytes == null) {
      return defaultInstance;
    }
    try {
      return parser.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new FlyteException(ErrorCode.INTERNAL, "failed to unmarshal column " + column, e);
    }
  }
}

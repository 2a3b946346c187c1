package org.flyte.common.rest;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;

/**
 * Binary protobuf bodies, registered for {@code application/octet-stream} as FlyteAdmin does
 * ({@code runtime.ProtoMarshaller} in {@code flyteadmin/pkg/server/service.go}). FlyteConsole
 * speaks only this encoding.
 */
public final class ProtoMarshaler implements RestMarshaler {

  public static final String CONTENT_TYPE = "application/octet-stream";

  @Override
  public String contentType() {
    return CONTENT_TYPE;
  }

  @Override
  public void merge(byte[] body, Message.Builder into) throws InvalidProtocolBufferException {
    into.mergeFrom(body);
  }

  @Override
  public byte[] marshal(Message message) {
    return message.toByteArray();
  }
}

package org.flyte.common.rest;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;

/**
 * One wire encoding of the REST gateway, the counterpart of grpc-gateway's {@code
 * runtime.Marshaler}: decodes request bodies into a message builder and encodes response messages
 * (and error {@code google.rpc.Status} messages).
 */
public interface RestMarshaler {

  /** The {@code Content-Type} written with responses encoded by this marshaler. */
  String contentType();

  /**
   * Merges a non-empty request body into {@code into}.
   *
   * @throws InvalidProtocolBufferException when the body cannot be decoded; its message is what the
   *     client sees in the 400 answer
   */
  void merge(byte[] body, Message.Builder into) throws InvalidProtocolBufferException;

  /** Encodes a response message. */
  byte[] marshal(Message message) throws InvalidProtocolBufferException;
}

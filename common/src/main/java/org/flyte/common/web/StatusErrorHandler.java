package org.flyte.common.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answer of the HTTP server itself to requests it refuses before any app handler sees them (an
 * encoded NUL or an ambiguous path, an oversized header): a {@code google.rpc.Status} JSON body, as
 * every other error of the apps, instead of Jetty's HTML page. The gRPC code follows the HTTP
 * status as grpc-gateway maps codes to statuses ({@code runtime.HTTPStatusFromCode}), read
 * backwards; the message is the server's reason.
 */
public final class StatusErrorHandler extends ErrorHandler {

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    byte[] body = body(code, message);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
    return ByteBuffer.wrap(body(status, reason));
  }

  /** The Status body for an HTTP status and the server's reason. */
  static byte[] body(int status, String reason) {
    String message = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
    return ("{\"code\":" + grpcCode(status) + ",\"message\":" + json(message) + ",\"details\":[]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The gRPC code that grpc-gateway answers with this HTTP status. */
  static int grpcCode(int status) {
    return switch (status) {
      case 400 -> 3; // INVALID_ARGUMENT
      case 401 -> 16; // UNAUTHENTICATED
      case 403 -> 7; // PERMISSION_DENIED
      case 404 -> 5; // NOT_FOUND
      case 405, 501 -> 12; // UNIMPLEMENTED
      case 408, 504 -> 4; // DEADLINE_EXCEEDED
      case 409 -> 6; // ALREADY_EXISTS
      case 413, 414, 429, 431 -> 8; // RESOURCE_EXHAUSTED
      case 499 -> 1; // CANCELLED
      case 503 -> 14; // UNAVAILABLE
      default -> status >= 500 ? 13 : 2; // INTERNAL, UNKNOWN
    };
  }

  private static String json(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}

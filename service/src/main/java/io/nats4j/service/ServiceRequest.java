package io.nats4j.service;

import io.nats4j.client.Headers;
import io.nats4j.client.Message;
import java.nio.charset.StandardCharsets;

/**
 * A request to an endpoint, with the ways to answer it.
 *
 * <p>Thread-safety: reply from any thread (e.g. after asynchronous work), once. An error reply
 * ({@link #respondError}) counts as an error in the endpoint's stats; the time the handler took is
 * its processing time, measured until the handler returns.
 */
public final class ServiceRequest {
  private final Message message;
  private final EndpointRuntime endpoint;
  private volatile boolean responded;

  ServiceRequest(Message message, EndpointRuntime endpoint) {
    this.message = message;
    this.endpoint = endpoint;
  }

  /**
   * Returns the subject the request came on.
   *
   * @return the subject
   */
  public String subject() {
    return message.subject();
  }

  /**
   * Returns the request headers.
   *
   * @return the headers (empty if none)
   */
  public Headers headers() {
    return message.headers();
  }

  /**
   * Returns the payload.
   *
   * @return the payload
   */
  public byte[] data() {
    return message.data();
  }

  /**
   * Returns the payload as UTF-8 text.
   *
   * @return the text
   */
  public String dataAsString() {
    return message.dataAsString();
  }

  /**
   * Returns the underlying message.
   *
   * @return the message
   */
  public Message message() {
    return message;
  }

  /**
   * Replies with data.
   *
   * @param data the payload
   * @throws IllegalStateException if the request has no reply subject
   */
  public void respond(byte[] data) {
    responded = true;
    message.respond(data);
  }

  /**
   * Replies with UTF-8 text.
   *
   * @param data the text
   */
  public void respond(String data) {
    respond(data.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Replies with headers and data.
   *
   * @param headers the headers, or null
   * @param data the payload
   */
  public void respond(Headers headers, byte[] data) {
    responded = true;
    message.respond(headers, data);
  }

  /**
   * Replies with a service error: {@code Nats-Service-Error} and {@code Nats-Service-Error-Code}
   * headers and an empty payload (ADR-32). Counts as an error.
   *
   * @param code the error code, e.g. 400
   * @param description the description shown to the caller
   */
  public void respondError(int code, String description) {
    respondError(code, description, new byte[0]);
  }

  /**
   * Replies with a service error and a payload. Counts as an error.
   *
   * @param code the error code
   * @param description the description
   * @param data the payload
   */
  public void respondError(int code, String description, byte[] data) {
    Headers headers = errorHeaders(code, description);
    endpoint.recordError(code, description);
    responded = true;
    message.respond(headers, data);
  }

  /**
   * Builds the ADR-32 error headers (the "error formatting function" the ADR asks for).
   *
   * @param code the error code
   * @param description the description (CR and LF become spaces)
   * @return new headers with {@code Nats-Service-Error} and {@code Nats-Service-Error-Code}
   */
  public static Headers errorHeaders(int code, String description) {
    String safe = description == null ? "" : description.replace('\r', ' ').replace('\n', ' ');
    return new Headers()
        .put(Service.ERROR_HEADER, safe)
        .put(Service.ERROR_CODE_HEADER, Integer.toString(code));
  }

  boolean responded() {
    return responded;
  }
}

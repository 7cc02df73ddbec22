package io.nats4j.client;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A NATS message: a subject, an optional reply subject, optional headers and a payload. Received
 * messages come from a {@link Subscription}, a {@link MessageHandler} or a {@link
 * Connection#request}; messages to publish are built with {@link #builder(String)}.
 *
 * <p>Thread-safety: messages are immutable and safe to share; {@link #data()} returns the array
 * itself (no copy), so do not modify it. Headers of received messages are decoded lazily on first
 * access.
 *
 * <pre>{@code
 * Message reply = connection.request("time", new byte[0], Duration.ofSeconds(1));
 * System.out.println(reply.dataAsString());
 * }</pre>
 */
public interface Message {

  /**
   * Returns the subject.
   *
   * @return the subject the message was published to
   */
  String subject();

  /**
   * Returns the reply subject.
   *
   * @return the reply subject, or null
   */
  String replyTo();

  /**
   * Tells whether the message carries a header block (including a status line).
   *
   * @return true for messages published with headers (HPUB/HMSG)
   */
  boolean hasHeaders();

  /**
   * Returns the headers, decoded on first access.
   *
   * @return a read-only view of the headers; empty (never null) when there are none
   */
  Headers headers();

  /**
   * Returns the payload.
   *
   * @return the payload, possibly empty, never null; not copied
   */
  byte[] data();

  /**
   * Decodes the payload as UTF-8.
   *
   * @return the payload as a string
   */
  default String dataAsString() {
    return new String(data(), StandardCharsets.UTF_8);
  }

  /**
   * Returns the status code of a status message ({@code NATS/1.0 503}, {@code 408}, {@code 100},
   * ...).
   *
   * @return the status code, or 0 when the message has no status line
   */
  int statusCode();

  /**
   * Returns the subscription that received this message.
   *
   * @return the subscription, or null for a message built with {@link #builder(String)} or a reply
   *     to {@link Connection#request}
   */
  Subscription subscription();

  /**
   * Publishes a reply to this message's {@link #replyTo()} on the connection that received it.
   *
   * @param data the reply payload
   * @throws IllegalStateException if the message has no reply subject or was not received
   * @throws NatsException as {@link Connection#publish(String, byte[])}
   */
  void respond(byte[] data);

  /**
   * Publishes a UTF-8 reply to this message's {@link #replyTo()}.
   *
   * @param data the reply payload
   * @throws IllegalStateException if the message has no reply subject or was not received
   */
  default void respond(String data) {
    respond(data.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Publishes a reply with headers to this message's {@link #replyTo()}.
   *
   * @param headers headers of the reply, may be null
   * @param data the reply payload
   * @throws IllegalStateException if the message has no reply subject or was not received
   */
  void respond(Headers headers, byte[] data);

  /**
   * Starts a message to publish with {@link Connection#publish(Message)}.
   *
   * @param subject the subject to publish to
   * @return a builder
   */
  static Builder builder(String subject) {
    return new Builder(subject);
  }

  /**
   * Builds a message to publish. Subjects are validated when the message is published.
   *
   * <p>Thread-safety: not thread-safe; the built message is immutable.
   */
  final class Builder {
    private final String subject;
    private String replyTo;
    private Headers headers;
    private byte[] data = new byte[0];

    private Builder(String subject) {
      this.subject = Objects.requireNonNull(subject, "subject");
    }

    /**
     * Sets the reply subject.
     *
     * @param replyTo the reply subject, or null
     * @return this builder
     */
    public Builder replyTo(String replyTo) {
      this.replyTo = replyTo;
      return this;
    }

    /**
     * Sets the headers.
     *
     * @param headers the headers, or null for none
     * @return this builder
     */
    public Builder headers(Headers headers) {
      this.headers = headers;
      return this;
    }

    /**
     * Sets the payload (not copied).
     *
     * @param data the payload
     * @return this builder
     */
    public Builder data(byte[] data) {
      this.data = Objects.requireNonNull(data, "data");
      return this;
    }

    /**
     * Sets a UTF-8 payload.
     *
     * @param data the payload
     * @return this builder
     */
    public Builder data(String data) {
      return data(data.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Builds the message.
     *
     * @return an immutable message that can be published any number of times
     */
    public Message build() {
      return new OutgoingMessage(subject, replyTo, headers, data);
    }
  }
}

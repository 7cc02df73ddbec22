package io.nats4j.client;

import java.util.Objects;

/**
 * A message about to be published, as a {@link MessageObserver} sees it.
 *
 * <p>Thread-safety: handed to the observer on the publishing thread; its {@link #headers()} may be
 * changed there, before {@link MessageObserver#publishing} returns, and not after.
 */
public final class ObservedPublish {

  /** What kind of publish, and where its {@link MessageObserver.Observation} ends. */
  public enum Kind {
    /**
     * {@code Connection.publish} (also a reply sent with {@code Message.respond}): ends on the
     * publishing thread once the message is buffered.
     */
    PUBLISH,
    /**
     * {@code Connection.request} and {@code requestAsync}: ends when the reply came, or with the
     * error (timeout, no responders); on the calling thread for {@code request}, on the
     * connection's events thread for {@code requestAsync}.
     */
    REQUEST,
    /**
     * {@code JetStream.publish} and {@code publishAsync}: ends with the ack (or the error); on the
     * calling thread for {@code publish}, on the thread that completes the future for {@code
     * publishAsync}.
     */
    JETSTREAM_PUBLISH
  }

  private final Kind kind;
  private final Connection connection;
  private final String subject;
  private final String replyTo;
  private final Headers headers;
  private final long dataSize;

  private ObservedPublish(
      Kind kind,
      Connection connection,
      String subject,
      String replyTo,
      Headers headers,
      long dataSize) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.connection = Objects.requireNonNull(connection, "connection");
    this.subject = Objects.requireNonNull(subject, "subject");
    this.replyTo = replyTo;
    this.headers = Objects.requireNonNull(headers, "headers");
    this.dataSize = dataSize;
  }

  /**
   * Describes a publish (for the library's modules and for tests of an observer).
   *
   * @param kind the kind
   * @param connection the connection it goes out on
   * @param subject the subject
   * @param replyTo the reply subject, or null (a request's is not known yet: null)
   * @param headers mutable headers the observer may add to, sent with the message
   * @param dataSize the payload's size in bytes
   * @return the description
   */
  public static ObservedPublish of(
      Kind kind,
      Connection connection,
      String subject,
      String replyTo,
      Headers headers,
      long dataSize) {
    return new ObservedPublish(kind, connection, subject, replyTo, headers, dataSize);
  }

  /**
   * Returns the kind.
   *
   * @return the kind of publish
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the connection.
   *
   * @return the connection the message goes out on
   */
  public Connection connection() {
    return connection;
  }

  /**
   * Returns the subject.
   *
   * @return the subject published to
   */
  public String subject() {
    return subject;
  }

  /**
   * Returns the reply subject.
   *
   * @return the reply subject, or null (always null for a request and a JetStream publish, whose
   *     inbox is chosen after the observer ran)
   */
  public String replyTo() {
    return replyTo;
  }

  /**
   * Returns the headers the message will carry: a copy of the caller's (or empty ones), which the
   * observer may change while {@link MessageObserver#publishing} runs (e.g. to add {@code
   * traceparent}). Empty headers send a plain message.
   *
   * @return the mutable headers
   */
  public Headers headers() {
    return headers;
  }

  /**
   * Returns the payload size.
   *
   * @return the size of the payload in bytes (headers not counted)
   */
  public long dataSize() {
    return dataSize;
  }

  @Override
  public String toString() {
    return "ObservedPublish[" + kind + " " + subject + ", " + dataSize + " bytes]";
  }
}

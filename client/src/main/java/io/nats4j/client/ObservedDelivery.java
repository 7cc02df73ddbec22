package io.nats4j.client;

import java.util.List;
import java.util.Objects;

/**
 * Messages about to be handed to user code, as a {@link MessageObserver} sees them: one message for
 * a handler call, the whole batch for a JetStream {@code fetch}.
 *
 * <p>Thread-safety: immutable; the messages are those the handler gets.
 */
public final class ObservedDelivery {

  /** What kind of delivery, and where its {@link MessageObserver.Observation} ends. */
  public enum Kind {
    /**
     * A dispatcher runs a subscription's handler: started and ended on the dispatcher's thread (or
     * executor task), around the handler call.
     */
    HANDLER,
    /**
     * A JetStream {@code consume} handler (pull or push consumer): started and ended around the
     * handler call, on the thread that runs it.
     */
    JETSTREAM_CONSUME,
    /**
     * A JetStream {@code fetch} returns its batch (possibly empty): started and ended on the
     * fetching thread, before the batch is returned.
     */
    JETSTREAM_FETCH
  }

  private final Kind kind;
  private final Connection connection;
  private final String subscriptionSubject;
  private final String queueGroup;
  private final String stream;
  private final String consumer;
  private final List<Message> messages;

  private ObservedDelivery(
      Kind kind,
      Connection connection,
      String subscriptionSubject,
      String queueGroup,
      String stream,
      String consumer,
      List<Message> messages) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.connection = Objects.requireNonNull(connection, "connection");
    this.subscriptionSubject = subscriptionSubject;
    this.queueGroup = queueGroup;
    this.stream = stream;
    this.consumer = consumer;
    this.messages = List.copyOf(messages);
  }

  /**
   * Describes a core delivery to a subscription's handler.
   *
   * @param connection the connection it came on
   * @param subscriptionSubject the subscription's subject (may hold wildcards)
   * @param queueGroup the subscription's queue group, or null
   * @param message the message
   * @return the description
   */
  public static ObservedDelivery handler(
      Connection connection, String subscriptionSubject, String queueGroup, Message message) {
    return new ObservedDelivery(
        Kind.HANDLER, connection, subscriptionSubject, queueGroup, null, null, List.of(message));
  }

  /**
   * Describes a JetStream delivery (for the JetStream module and for tests of an observer).
   *
   * @param kind {@link Kind#JETSTREAM_CONSUME} or {@link Kind#JETSTREAM_FETCH}
   * @param connection the connection it came on
   * @param stream the stream name
   * @param consumer the consumer name
   * @param messages the message (consume) or the batch (fetch)
   * @return the description
   */
  public static ObservedDelivery jetStream(
      Kind kind, Connection connection, String stream, String consumer, List<Message> messages) {
    return new ObservedDelivery(kind, connection, null, null, stream, consumer, messages);
  }

  /**
   * Returns the kind.
   *
   * @return the kind of delivery
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the connection.
   *
   * @return the connection the messages came on
   */
  public Connection connection() {
    return connection;
  }

  /**
   * Returns the subscription's subject (core deliveries).
   *
   * @return the subject subscribed to, or null for JetStream deliveries
   */
  public String subscriptionSubject() {
    return subscriptionSubject;
  }

  /**
   * Returns the queue group (core deliveries).
   *
   * @return the queue group, or null
   */
  public String queueGroup() {
    return queueGroup;
  }

  /**
   * Returns the stream (JetStream deliveries).
   *
   * @return the stream name, or null
   */
  public String stream() {
    return stream;
  }

  /**
   * Returns the consumer (JetStream deliveries).
   *
   * @return the consumer name, or null
   */
  public String consumer() {
    return consumer;
  }

  /**
   * Returns the messages.
   *
   * @return one message for a handler call, the batch for a fetch (possibly empty)
   */
  public List<Message> messages() {
    return messages;
  }

  @Override
  public String toString() {
    return "ObservedDelivery["
        + kind
        + " "
        + (stream != null ? stream + "/" + consumer : subscriptionSubject)
        + ", "
        + messages.size()
        + " messages]";
  }
}

package io.nats4j.jetstream.internal;

import io.nats4j.client.Connection;
import io.nats4j.client.Headers;
import io.nats4j.client.Message;
import io.nats4j.client.internal.spi.Internals;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Handles the status messages the server sends to a push consumer's deliver subject, so that they
 * never reach the user as data:
 *
 * <ul>
 *   <li>{@code 100 Idle Heartbeat} (ADR-9): activity only; when it carries {@code
 *       Nats-Consumer-Stalled}, the server is waiting for a flow-control reply that was lost, and
 *       an empty message to that subject releases it.
 *   <li>{@code 100 FlowControl Request}: an empty reply to the message's reply subject. It is sent
 *       when the request is reached in delivery order, that is after every message delivered before
 *       it was handed to the user (the handler returned, or the iterator handed it out), so the
 *       server's window follows what the application really consumed, as nats.go does.
 *   <li>any other status: a warning for the listener.
 * </ul>
 *
 * <p>Thread-safety: {@link #handle(Message)} is called by the one thread delivering the consumer's
 * messages at a time; the counters may be read from any thread.
 */
public final class PushControl {
  /** The status code of heartbeats and flow-control requests. */
  public static final int CONTROL = 100;

  /** Header of a heartbeat that says the consumer waits for a flow-control reply. */
  public static final String CONSUMER_STALLED = "Nats-Consumer-Stalled";

  /** The description of a flow-control request. */
  public static final String FLOW_CONTROL_REQUEST = "FlowControl Request";

  private static final byte[] EMPTY = new byte[0];

  /** Where warnings go. */
  public interface Warnings {
    /**
     * A status message that is neither heartbeat nor flow control.
     *
     * @param code the status code
     * @param description the status description, may be null
     */
    void unexpectedStatus(int code, String description);
  }

  private final Connection connection;
  private final Warnings warnings;
  private final AtomicLong heartbeats = new AtomicLong();
  private final AtomicLong flowControlReplies = new AtomicLong();
  private final AtomicLong stalledReplies = new AtomicLong();

  /**
   * Creates the handler.
   *
   * @param connection where replies are published
   * @param warnings told about unexpected statuses
   */
  public PushControl(Connection connection, Warnings warnings) {
    this.connection = connection;
    this.warnings = warnings;
  }

  /**
   * Handles {@code message} if it is a status message.
   *
   * @param message a message from the deliver subject
   * @return true if it was a status message (handled here), false if it is data for the user
   */
  public boolean handle(Message message) {
    int code = message.statusCode();
    if (code == 0) {
      return false;
    }
    Headers headers = message.headers();
    String description = headers == null ? null : headers.statusDescription();
    if (code == CONTROL) {
      if (FLOW_CONTROL_REQUEST.equals(description) || isFlowControl(message, headers)) {
        reply(message.replyTo());
        flowControlReplies.incrementAndGet();
      } else {
        heartbeats.incrementAndGet();
        String stalled = headers == null ? null : headers.first(CONSUMER_STALLED);
        if (stalled != null && !stalled.isEmpty()) {
          reply(stalled);
          stalledReplies.incrementAndGet();
        }
      }
      return true;
    }
    warnings.unexpectedStatus(code, description);
    return true;
  }

  /**
   * Returns the count of heartbeats seen.
   *
   * @return the count
   */
  public long heartbeats() {
    return heartbeats.get();
  }

  /**
   * Returns the count of flow-control requests answered.
   *
   * @return the count
   */
  public long flowControlReplies() {
    return flowControlReplies.get();
  }

  /**
   * Returns the count of stalled-consumer heartbeats answered.
   *
   * @return the count
   */
  public long stalledReplies() {
    return stalledReplies.get();
  }

  private static boolean isFlowControl(Message message, Headers headers) {
    // A flow-control request always has a reply subject; a heartbeat never has one.
    String reply = message.replyTo();
    return reply != null
        && !reply.isEmpty()
        && (headers == null || headers.first(CONSUMER_STALLED) == null);
  }

  private void reply(String subject) {
    if (subject == null || subject.isEmpty()) {
      return;
    }
    try {
      Internals.publishUnobserved(connection, subject, null, EMPTY);
    } catch (RuntimeException e) {
      // Disconnected or closed: the server asks again (stalled heartbeat) after a reconnect.
    }
  }
}

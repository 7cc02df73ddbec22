package io.nats4j.jetstream.internal;

import io.nats4j.jetstream.JetStreamException;
import java.time.Duration;

/**
 * What a push consume or push iterator reports besides data. Called on the connection's threads
 * (its events thread for missed heartbeats and the terminal error, the dispatcher or the reader's
 * caller for statuses), never on a timer thread: implementations must not block.
 */
public interface PushEvents {
  /**
   * No message (not even a heartbeat) arrived for {@link HeartbeatWatch#MISSED_INTERVALS} idle
   * heartbeat intervals while connected.
   *
   * @param silence how long nothing arrived
   */
  void heartbeatsMissed(Duration silence);

  /**
   * A status message that a push consumer does not expect.
   *
   * @param code the status code
   * @param description the status description, may be null
   */
  void unexpectedStatus(int code, String description);

  /**
   * The delivery ended for good (consumer or stream deleted, connection closed).
   *
   * @param cause why
   */
  void terminal(JetStreamException cause);

  /** Reports nothing. */
  PushEvents NONE =
      new PushEvents() {
        @Override
        public void heartbeatsMissed(Duration silence) {}

        @Override
        public void unexpectedStatus(int code, String description) {}

        @Override
        public void terminal(JetStreamException cause) {}
      };
}

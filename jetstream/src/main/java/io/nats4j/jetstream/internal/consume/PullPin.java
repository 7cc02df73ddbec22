package io.nats4j.jetstream.internal.consume;

import io.nats4j.client.Message;

/**
 * The pin id of a pinned-client priority group (ADR-42): taken from the {@code Nats-Pin-Id} header
 * of delivered messages, sent as {@code id} on every later pull, forgotten on a {@code 423}.
 *
 * <p>Thread-safety: safe from any thread (one volatile field).
 */
final class PullPin {
  private volatile String id;

  /** The id to send, or null when not pinned. */
  String id() {
    return id;
  }

  /** Keeps the pin id a delivered message carries, if any. */
  void keepFrom(Message delivered) {
    if (delivered.hasHeaders()) {
      String pin = delivered.headers().first(PullStatus.PIN_ID);
      if (pin != null && !pin.isEmpty()) {
        id = pin;
      }
    }
  }

  /** Forgets the pin: the server answered {@code 423}, another request holds it now. */
  void forget() {
    id = null;
  }
}

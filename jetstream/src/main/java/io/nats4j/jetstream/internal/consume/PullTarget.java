package io.nats4j.jetstream.internal.consume;

import io.nats4j.client.Connection;
import io.nats4j.client.NatsException;
import io.nats4j.client.internal.spi.Internals;
import io.nats4j.jetstream.internal.ApiClient;

/**
 * The consumer a pull goes to, how to send one, and the pin of a pinned priority group that every
 * pull through this target shares (ADR-42). Immutable but for the pin, which is thread-safe.
 */
final class PullTarget {
  final ApiClient api;
  final Connection connection;
  final String stream;
  final String consumer;
  final boolean ackNone;
  final String nextSubject;
  final PullPin pin;

  PullTarget(ApiClient api, String stream, String consumer, boolean ackNone) {
    this(api, stream, consumer, ackNone, new PullPin());
  }

  PullTarget(ApiClient api, String stream, String consumer, boolean ackNone, PullPin pin) {
    this.pin = pin;
    this.api = api;
    this.connection = api.connection();
    this.stream = stream;
    this.consumer = consumer;
    this.ackNone = ackNone;
    this.nextSubject = api.subject("CONSUMER.MSG.NEXT." + stream + "." + consumer);
  }

  /**
   * Publishes a pull request.
   *
   * @return false if it could not be sent (connection closed or failing); a reconnect re-pulls
   */
  boolean send(String inbox, PullRequest request) {
    if ("CLOSED".equals(connection.status().name())) {
      return false;
    }
    try {
      Internals.publishUnobserved(connection, nextSubject, inbox, request.toJson());
      return true;
    } catch (NatsException e) {
      return false;
    }
  }

  String describe() {
    return "consumer " + consumer + " of stream " + stream;
  }
}

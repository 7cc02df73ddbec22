package io.nats4j.bench;

import io.nats4j.bench.BenchOptions.Storage;

/**
 * One client library under test. Each scenario is written against the library's own public API, so
 * each client is measured the way its users would call it.
 *
 * <p>Thread-safety: a driver is used by the main thread only; the scenarios create their own
 * connections and close them before returning.
 */
interface ClientDriver {

  /** The name printed in the JSON line. */
  String name();

  /**
   * One connection publishes {@code msgs} messages, then flushes (PING/PONG) so the server has them
   * all; the time covers publishing and the flush.
   */
  RunResult pub(String url, String subject, int msgs, byte[] payload) throws Exception;

  /**
   * A subscriber connection (asynchronous handler, no pending limits) and a publisher connection;
   * the time runs from the first publish until the subscriber has received all messages.
   */
  RunResult pubsub(String url, String subject, int msgs, byte[] payload) throws Exception;

  /**
   * A responder connection echoes each request; a requester connection sends {@code msgs} requests
   * one after another and records each round trip.
   */
  RunResult reqrep(String url, String subject, int msgs, byte[] payload) throws Exception;

  /**
   * Creates a stream (the given storage) capturing {@code subject}, then publishes {@code msgs}
   * messages one after another, each waiting for its ack (sequence checked); records each round
   * trip. The stream must then hold exactly {@code msgs} messages; it is deleted afterwards (not
   * timed, nor is its creation).
   */
  RunResult jsPub(String url, String subject, int msgs, byte[] payload, Storage storage)
      throws Exception;

  /**
   * Like {@link #jsPub}, but publishes asynchronously with at most {@link
   * Scenarios#ASYNC_ACK_WINDOW} acks outstanding; the time runs from the first publish until every
   * ack has arrived (the last one carrying sequence {@code msgs}).
   */
  RunResult jsPubAsync(String url, String subject, int msgs, byte[] payload, Storage storage)
      throws Exception;
}

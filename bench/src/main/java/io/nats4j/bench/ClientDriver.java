package io.nats4j.bench;

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
}

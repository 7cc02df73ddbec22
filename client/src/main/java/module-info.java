/** The NATS connection core: connect, authenticate, publish, subscribe, request/reply. */
module io.nats4j.client {
  requires transitive io.nats4j.nkeys;
  requires org.slf4j;

  exports io.nats4j.client;
  // internals for the sibling modules only (timers, event thread, publish sequence): not an API
  exports io.nats4j.client.internal.spi to
      io.nats4j.jetstream;
  exports io.nats4j.client.internal.threads to
      io.nats4j.jetstream;
}

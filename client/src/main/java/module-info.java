/** The NATS connection core: connect, authenticate, publish, subscribe, request/reply. */
module io.nats4j.client {
  requires transitive io.nats4j.nkeys;
  requires org.slf4j;

  exports io.nats4j.client;
}

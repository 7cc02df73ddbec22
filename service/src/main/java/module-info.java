/** The NATS Service API (ADR-32): endpoints, groups, stats and discovery. */
module io.nats4j.service {
  requires transitive io.nats4j.client;
  requires org.slf4j;

  exports io.nats4j.service;
}

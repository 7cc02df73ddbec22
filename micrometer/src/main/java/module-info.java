/** Micrometer meters for nats4j connections and JetStream publishing and consuming. */
module io.nats4j.micrometer {
  requires transitive io.nats4j.client;
  requires transitive micrometer.core;

  exports io.nats4j.micrometer;
}

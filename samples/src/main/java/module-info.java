/** Small runnable programs, one per feature, run by scripts/demo. */
module io.nats4j.samples {
  requires io.nats4j.client;
  requires io.nats4j.jetstream;
  requires io.nats4j.kv;
  requires io.nats4j.objectstore;
  requires io.nats4j.service;
}

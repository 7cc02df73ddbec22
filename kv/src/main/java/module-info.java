/** Key/Value buckets on JetStream streams, wire-compatible with the other NATS clients. */
module io.nats4j.kv {
  requires transitive io.nats4j.jetstream;

  exports io.nats4j.kv;
}

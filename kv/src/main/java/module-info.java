/** Key/Value buckets on JetStream streams, wire-compatible with the other NATS clients. */
module io.nats4j.kv {
  requires transitive io.nats4j.jetstream;

// The public package io.nats4j.kv is exported once it has code.
}

/** Object Store: chunked objects on JetStream streams, wire-compatible with the other clients. */
module io.nats4j.objectstore {
  requires transitive io.nats4j.jetstream;

// The public package io.nats4j.objectstore is exported once it has code.
}
